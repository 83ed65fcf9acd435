// Compiled by `tsc --noEmit` (make test-node): the v2 (007) typings accept the
// documented use and reject wrong types (each @ts-expect-error must fire).
import {
  AccessToken2,
  ApaasTokenBuilder,
  ChatTokenBuilder,
  ConvoAITokenBuilder,
  EducationTokenBuilder,
  ErrorCode,
  FpaTokenBuilder,
  Rtm2Permissions,
  RtcRole,
  RtcTokenBuilder,
  RtmTokenBuilder,
  Service,
  ServiceApaas,
  ServiceChat,
  ServiceRtc,
  ServiceRtm2,
  SttTokenBuilder,
  buildToken,
  builders,
  kRtcServiceType,
  parse,
  parseAny,
  pinned,
  recipes,
  verify,
  type AgoraTokenError,
  type OtherServiceData,
  type ParsedToken2,
  type TokenData,
  type VerifyResult,
} from 'agoratoken/v2';
import v2 from 'agoratoken/v2';

const appId = '970CA35de60c44645bbae8a215061b33';
const appCertificate = '5CFd2fd1755d40ecb72977518be15d3b';

const rtc: string = RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, 'room-1', 42, RtcRole.PUBLISHER, 3600, 3600);
RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, 'room-1', 42n, RtcRole.SUBSCRIBER, 3600);
RtcTokenBuilder.buildTokenWithUserAccount(appId, appCertificate, 'room-1', 'alice', 1, 3600, 0);
RtcTokenBuilder.buildTokenWithUidAndPrivilege(appId, appCertificate, 'room-1', 42, 3600, 1, 2, 3, 4);
RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege(appId, appCertificate, 'room-1', 'alice', 3600, 1, 2, 3, 4);
RtcTokenBuilder.buildTokenWithRtm(appId, appCertificate, 'room-1', 'alice', RtcRole.PUBLISHER, 3600);
RtcTokenBuilder.buildTokenWithRtm2(appId, appCertificate, 'room-1', 'alice', 1, 3600, 1, 2, 3, 4, 'bob', 60);
ConvoAITokenBuilder.buildToken(appId, appCertificate, 'room-1', 'agent', 1, 3600, 1, 2, 3, 4, 'agent', 60);
SttTokenBuilder.buildToken(appId, appCertificate, 'room-1', 'stt', 2, 3600, 1, 2, 3, 4, 'stt', 60);
const rtm: string = RtmTokenBuilder.buildToken(appId, appCertificate, 'alice', 3600);
const grants = new Rtm2Permissions();
grants.add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['c1']);
RtmTokenBuilder.buildTokenWithPermissions(appId, appCertificate, 'alice', grants, 60);
RtmTokenBuilder.buildTokenWithPermissions(appId, appCertificate, 'alice', [[0, 1, ['c1']]]);
const chat: string = ChatTokenBuilder.buildUserToken(appId, appCertificate, 'alice', 3600);
ChatTokenBuilder.buildAppToken(appId, appCertificate, 3600);
FpaTokenBuilder.buildToken(appId, appCertificate);
ApaasTokenBuilder.buildRoomUserToken(appId, appCertificate, 'room', 'user', 1, 600);
EducationTokenBuilder.buildAppToken(appId, appCertificate, 600);

const t = new AccessToken2(appId, appCertificate, 0, 600);
const service = new ServiceRtc('room-1', 0);
service.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 600);
t.add_service(service);
t.add_service(new ServiceChat());
t.add_service(new ServiceApaas('', 'user', -1));
t.add_service(new ServiceRtm2('alice', grants));
t.salt = 5;
const built: string = t.build();
const back = new AccessToken2();
const read: boolean = back.from_string(built);
const signed: boolean = back.verifySignature(appCertificate);
const rtcServices = back.getServices(kRtcServiceType);
const data: string = buildToken({ appId, appCertificate, expire: 600, services: [{ type: 1, privileges: [[1, 600]], channelName: 'c', uid: 0 }] });
const other = new Service(999);
other.add_privilege(1, 600);
t.add_service(other);
const asData: TokenData = t.toData();
const others: OtherServiceData[] = asData.otherServices ?? [];
buildToken({ ...asData, otherServices: [{ type: 999, privileges: [[1, 600]] }] });

const parsed: ParsedToken2 = parse(rtc);
const channel: string | undefined = parsed.services[0].channelName;
const any = parseAny(rtm);
const ts: number = any.format === '006' ? any.ts : any.issueTs;
const result: VerifyResult = verify(rtc, appCertificate, { channelName: 'room-1', uid: 42, now: parsed.issueTs });
verify(rtm, appCertificate, { rtmUserId: 'alice' });
verify(chat, appCertificate);
const names: string[] = recipes.map((r) => r.name);
const fn = builders['rtc.build_token_with_uid'];
const pinnedToken: string = pinned(1700000000, 1, () => FpaTokenBuilder.buildToken(appId, appCertificate));
const code: -3 = ErrorCode.channel_name;
const same: typeof RtcTokenBuilder = v2.RtcTokenBuilder;

try {
  RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, '', 1, 1, 60);
} catch (e) {
  const err = e as AgoraTokenError;
  const category: keyof typeof ErrorCode = err.code;
  void category;
}

// @ts-expect-error: buildTokenWithUid takes a numeric uid (use buildTokenWithUserAccount)
RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, 'room-1', '42', 1, 3600);
// @ts-expect-error: the token expire is required
RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, 'room-1', 42, 1);
// @ts-expect-error: npm spells it with a capital B
RtcTokenBuilder.buildTokenWithUserAccountAndPrivilege(appId, appCertificate, 'room-1', 'a', 1, 1, 1, 1, 1);
// @ts-expect-error: no such result
const bad: VerifyResult = 'maybe';
// @ts-expect-error: RtcRole is read-only
RtcRole.PUBLISHER = 2;
// @ts-expect-error: add_service takes a Service
t.add_service({ type: 1 });

void [rtc, read, signed, rtcServices, data, channel, ts, result, names, fn, pinnedToken, code, same, bad, built];
