// Compiled by `tsc --noEmit` (make test-node): the typings accept the
// documented use and reject wrong types (each @ts-expect-error must fire).
import {
  ErrorCode,
  Privileges,
  Role,
  RtcRole,
  RtcTokenBuilder,
  RtmRole,
  RtmTokenBuilder,
  SimpleTokenBuilder,
  errorName,
  parse,
  verify,
  version,
  type AgoraTokenError,
  type ParsedToken,
  type VerifyResult,
} from 'agoratoken';
import agoratoken from 'agoratoken';

const appID = '970CA35de60c44645bbae8a215061b33';
const appCertificate = '5CFd2fd1755d40ecb72977518be15d3b';

const builder = new SimpleTokenBuilder(appID, appCertificate, 'room-1', 2882341273);
const byAccount = new SimpleTokenBuilder(appID, appCertificate, 'room-1', 'alice');
builder.initPrivileges(Role.kRolePublisher);
builder.setPrivilege(Privileges.kJoinChannel, 1446455471);
builder.removePrivilege(Privileges.kPublishDataStream);
builder.salt = 1;
builder.ts = null;
const salt: number | null = builder.salt;
const pairs: Array<[number, number]> = builder.privileges;
const token: string = builder.buildToken();
const status: number = byAccount.initTokenBuilder(token);
const name: string = errorName(status);
const code: -3 = ErrorCode.channel_name;
const randomCode: -32 = ErrorCode.random;
byAccount.close();
builder[Symbol.dispose]();

const rtc: string = RtcTokenBuilder.buildTokenWithUid(appID, appCertificate, 'room-1', 42, RtcRole.PUBLISHER, 0);
const rtc2: string = RtcTokenBuilder.buildTokenWithAccount(appID, appCertificate, 'room-1', 'bob', RtcRole.SUBSCRIBER, 0);
const rtm: string = RtmTokenBuilder.buildToken(appID, appCertificate, 'bob', RtmRole.Rtm_User, 0);
const parsed: ParsedToken = parse(rtc);
const result: VerifyResult = verify(rtc, appCertificate, 'room-1', 42, { now: parsed.ts, appId: appID });
const v: string = version();
const same: typeof SimpleTokenBuilder = agoratoken.SimpleTokenBuilder;

try {
  new SimpleTokenBuilder(appID, appCertificate, '', 1);
} catch (e) {
  const err = e as AgoraTokenError;
  const category: keyof typeof ErrorCode = err.code;
  void category;
}

// @ts-expect-error: the app id is a string
new SimpleTokenBuilder(1, appCertificate, 'room-1', 1);
// @ts-expect-error: uid is a number or a string
new SimpleTokenBuilder(appID, appCertificate, 'room-1', null);
// @ts-expect-error: buildTokenWithUid takes a numeric uid
RtcTokenBuilder.buildTokenWithUid(appID, appCertificate, 'room-1', '42', 1, 0);
// @ts-expect-error: Privileges is read-only
Privileges.kJoinChannel = 2;
// @ts-expect-error: no such result
const bad: VerifyResult = 'maybe';
// @ts-expect-error: salt is a number or null
builder.salt = '1';

void [salt, pairs, status, name, code, rtc2, rtm, result, v, same, bad];
