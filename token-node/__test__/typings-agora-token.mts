// Compiled by `tsc --noEmit --strict` (make test-node): code written for npm's
// agora-token (007 at its index, AccessToken2 and the 006 builders under src/), as its
// users write it, with only the import lines changed to agoratoken/agora-token (every
// expected error below must fire).
import {
  ApaasTokenBuilder,
  ChatTokenBuilder,
  ConvoAITokenBuilder,
  EducationTokenBuilder,
  FpaTokenBuilder,
  RtcRole,
  RtcTokenBuilder,
  Rtm2Permissions,
  RtmTokenBuilder,
  SttTokenBuilder,
  type AgoraTokenError,
} from 'agoratoken/agora-token';
import agoraToken from 'agoratoken/agora-token';
import {
  AccessToken2,
  Service,
  ServiceApaas,
  ServiceChat,
  ServiceRtc,
  ServiceRtm,
  ServiceRtm2,
  ServiceStreaming,
  kChatServiceType,
  kRtcServiceType,
  kRtm2ServiceType,
  kStreamingServiceType,
} from 'agoratoken/agora-token/src/AccessToken2';
import { RtcTokenBuilder as RtcTokenBuilder2, Role } from 'agoratoken/agora-token/src/RtcTokenBuilder2';
import { RtmTokenBuilder as RtmTokenBuilder2 } from 'agoratoken/agora-token/src/RtmTokenBuilder2';
import { RtcTokenBuilder as RtcTokenBuilder006, Role as Role006 } from 'agoratoken/agora-token/src/RtcTokenBuilder';
import { RtmTokenBuilder as RtmTokenBuilder006 } from 'agoratoken/agora-token/src/RtmTokenBuilder';
import { AccessToken, priviledges } from 'agoratoken/agora-token/src/AccessToken';
import { ChatTokenBuilder as Chat } from 'agoratoken/agora-token/src/ChatTokenBuilder';
import * as v2 from 'agoratoken/v2';

const appId = '970CA35de60c44645bbae8a215061b33';
const appCertificate = '5CFd2fd1755d40ecb72977518be15d3b';
const channelName = 'room-1';
const uid = 2882341273;
const account = '2882341273';
const role = RtcRole.PUBLISHER;
// 007 lifetimes are seconds from now.
const tokenExpirationInSecond = 3600;
const privilegeExpirationInSecond = 3600;

const byUid: string = RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, uid, role, tokenExpirationInSecond, privilegeExpirationInSecond);
RtcTokenBuilder.buildTokenWithUserAccount(appId, appCertificate, channelName, account, role, tokenExpirationInSecond, privilegeExpirationInSecond);
RtcTokenBuilder.buildTokenWithUidAndPrivilege(appId, appCertificate, channelName, uid, tokenExpirationInSecond, 600, 600, 600, 600);
RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege(appId, appCertificate, channelName, account, tokenExpirationInSecond, 600, 0, 0, 0);
RtcTokenBuilder.buildTokenWithRtm(appId, appCertificate, channelName, account, role, tokenExpirationInSecond, privilegeExpirationInSecond);
RtcTokenBuilder.buildTokenWithRtm2(appId, appCertificate, channelName, account, role, tokenExpirationInSecond, 600, 600, 600, 600, 'alice', 3600);
const rtm: string = RtmTokenBuilder.buildToken(appId, appCertificate, 'alice', 3600);
const permissions = new Rtm2Permissions();
permissions.add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['lobby']);
permissions.add(Rtm2Permissions.kStreamChannels, Rtm2Permissions.kWrite, ['stage']);
RtmTokenBuilder.buildTokenWithPermissions(appId, appCertificate, 'alice', permissions, 3600);
ChatTokenBuilder.buildUserToken(appId, appCertificate, 'alice', 3600);
ChatTokenBuilder.buildAppToken(appId, appCertificate, 3600);
FpaTokenBuilder.buildToken(appId, appCertificate);
ApaasTokenBuilder.buildRoomUserToken(appId, appCertificate, 'room-uuid', 'user-uuid', 1, 3600);
ApaasTokenBuilder.buildUserToken(appId, appCertificate, 'user-uuid', 3600);
EducationTokenBuilder.buildAppToken(appId, appCertificate, 3600);
ConvoAITokenBuilder.buildToken(appId, appCertificate, channelName, 'agent', role, 3600, 600, 600, 600, 600, 'agent', 3600);
SttTokenBuilder.buildToken(appId, appCertificate, channelName, 'stt', RtcRole.SUBSCRIBER, 3600, 600, 0, 0, 0, 'stt', 3600);
const sameObject: typeof RtcTokenBuilder = agoraToken.RtcTokenBuilder;

// What npm accepts when the token is right: a uid from a query string, a numeric
// account or RTM user id, no role (join only), fractional expiries, bigints.
declare const req: { query: { [name: string]: string } };
RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, req.query.uid, null, 3600.5, 0.5);
RtcTokenBuilder.buildTokenWithUserAccount(appId, appCertificate, channelName, 42, undefined, 3600n);
RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, uid, role, tokenExpirationInSecond);
RtmTokenBuilder.buildToken(appId, appCertificate, 42, 3600);
RtmTokenBuilder.buildTokenWithPermissions(appId, appCertificate, 0, [[0, 0, ['lobby']]], 3600);
ConvoAITokenBuilder.buildToken(appId, appCertificate, channelName, 'agent', null, 3600, 600, 600, 600, 600, 'agent', 3600);
const sameRtc: typeof RtcTokenBuilder = RtcTokenBuilder2;
const sameRtm: typeof RtmTokenBuilder = RtmTokenBuilder2;
const publisher: 1 = Role.PUBLISHER;
const sameChat: typeof ChatTokenBuilder = Chat;
// An Rtm2Permissions of agoratoken/v2 is the same class.
RtmTokenBuilder.buildTokenWithPermissions(appId, appCertificate, 'alice', new v2.Rtm2Permissions(), 60);

// AccessToken2 and the services, with npm's fields.
const token = new AccessToken2(appId, appCertificate, 0, 600);
const rtc = new ServiceRtc(channelName, uid);
rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 600);
token.add_service(rtc);
const rtmService = new ServiceRtm('alice');
rtmService.add_privilege(ServiceRtm.kPrivilegeLogin, 600);
token.add_service(rtmService);
token.add_service(new ServiceChat());
token.add_service(new ServiceApaas('', 'user-uuid', -1));
token.add_service(new ServiceRtm2('alice', permissions));
token.add_service(new ServiceStreaming(channelName, 'alice'));
token.add_service(new Service(999));
const built: string = token.build();
const back = new AccessToken2('', '', 0, 0);
const read: boolean = back.from_string(built);
const signed: boolean = back.verifySignature(appCertificate);
const channel: string = back.getServices(kRtcServiceType)[0].__channel_name;
const userText: string = back.getServices(kRtcServiceType)[0].__uid;
const grants = back.getServices(kRtm2ServiceType)[0].__permissions;
const account2: string = back.getServices(kStreamingServiceType)[0].__account;
const chatUser: string = back.getServices(kChatServiceType)[0].__user_id;
const privileges: { [privilege: number]: number | bigint } = back.services[0].__privileges;
const type: number = back.services[0].__type;
const rtcClass: typeof ServiceRtc = AccessToken2.kServices[kRtcServiceType];
const signature: Buffer | undefined = back.__signature;
const data: v2.TokenData = back.toData();

// 006 under src/, with npm's accepting rules.
const expire006 = Math.floor(Date.now() / 1000) + 3600;
RtcTokenBuilder006.buildTokenWithUid(appId, appCertificate, channelName, '42', Role006.PUBLISHER, expire006);
RtmTokenBuilder006.buildToken(appId, appCertificate, 'alice', 1, expire006);
const legacy = new AccessToken(appId, appCertificate, channelName, uid);
legacy.addPriviledge(priviledges.kJoinChannel, expire006);
const legacyToken: string = legacy.build();

try {
  RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, 'alice', role, 3600);
} catch (e) {
  const err = e as AgoraTokenError;
  const category: v2.ErrorCategory = err.code;
  void category;
}

// @ts-expect-error: the token expire is required
RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, uid, role);
// @ts-expect-error: npm spells it with a capital B
RtcTokenBuilder.buildTokenWithUserAccountAndPrivilege(appId, appCertificate, channelName, account, 3600, 1, 1, 1, 1);
// npm's numbers as canonical decimal text (a query string's values).
const rtmFromText: string = RtmTokenBuilder.buildToken(appId, appCertificate, 'alice', '3600');
const rtcFromText: string = RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, '1', '1', '3600', '3600');
void [rtmFromText, rtcFromText, new AccessToken2(appId, appCertificate, '1700000000', '3600')];
// @ts-expect-error: an expiry is a number, a bigint or its decimal text, not a Date
RtmTokenBuilder.buildToken(appId, appCertificate, 'alice', new Date());
// @ts-expect-error: the Chat user id is a string here (npm's typings allow a number; ours throw a TypeError)
ChatTokenBuilder.buildUserToken(appId, appCertificate, 42, 3600);
// @ts-expect-error: the RTM user id of buildTokenWithRtm2 is a string here
RtcTokenBuilder.buildTokenWithRtm2(appId, appCertificate, channelName, account, role, 3600, 600, 600, 600, 600, 42, 3600);
// @ts-expect-error: buildTokenWithPermissions takes the expire (npm's signature)
RtmTokenBuilder.buildTokenWithPermissions(appId, appCertificate, 'alice', permissions);
// @ts-expect-error: add_service takes one of this module's services
token.add_service(new v2.ServiceRtc(channelName, uid));
// @ts-expect-error: npm's service fields are read-only views
rtc.__uid = '7';
// @ts-expect-error: RtcRole is read-only
RtcRole.PUBLISHER = 2;
// @ts-expect-error: Chat services have no channel
back.getServices(kChatServiceType)[0].__channel_name;

void [byUid, rtm, sameObject, sameRtc, sameRtm, publisher, sameChat, read, signed, channel, userText, grants, account2, chatUser, privileges, type, rtcClass, signature, data, legacyToken];
