// Compiled by `tsc --noEmit --strict` (make test-node): code written for npm's
// agora-access-token (006), as its users write it, with only the require lines
// changed to agoratoken/agora-access-token; each @ts-expect-error must fire.
import agora = require('agoratoken/agora-access-token');
import accessToken = require('agoratoken/agora-access-token/src/AccessToken');
import rtcModule = require('agoratoken/agora-access-token/src/RtcTokenBuilder');
import rtmModule = require('agoratoken/agora-access-token/src/RtmTokenBuilder');
import type { AgoraTokenError } from 'agoratoken/agora-access-token';

const { RtcTokenBuilder, RtmTokenBuilder, RtcRole, RtmRole } = agora;
/** A request as a web framework hands it: query values are strings. */
declare const req: { query: { [name: string]: string } };

const appID = '970CA35de60c44645bbae8a215061b33';
const appCertificate = '5CFd2fd1755d40ecb72977518be15d3b';
const channelName = 'room-1';
const uid = 2882341273;
const account = '2882341273';
const role = RtcRole.PUBLISHER;

// 006 expiries are Unix timestamps.
const expirationTimeInSeconds = 3600;
const currentTimestamp = Math.floor(Date.now() / 1000);
const privilegeExpiredTs = currentTimestamp + expirationTimeInSeconds;

const tokenA: string = RtcTokenBuilder.buildTokenWithUid(appID, appCertificate, channelName, uid, role, privilegeExpiredTs);
const tokenB: string = RtcTokenBuilder.buildTokenWithAccount(appID, appCertificate, channelName, account, role, privilegeExpiredTs);
const rtm: string = RtmTokenBuilder.buildToken(appID, appCertificate, account, RtmRole.Rtm_User, privilegeExpiredTs);

// What npm accepts when the token is right: a uid from a query string, no role, a
// fractional expiry, any integer RTM role, bigints.
RtcTokenBuilder.buildTokenWithUid(appID, appCertificate, channelName, req.query.uid, null, privilegeExpiredTs + 0.5);
RtcTokenBuilder.buildTokenWithUid(appID, appCertificate, channelName, 42n, undefined, BigInt(privilegeExpiredTs));
RtmTokenBuilder.buildToken(appID, appCertificate, 'alice', 0, privilegeExpiredTs);
const roles: number[] = [rtcModule.Role.ATTENDEE, rtcModule.Role.SUBSCRIBER, rtcModule.Role.ADMIN, rtmModule.Role.Rtm_User];

// The instance form agora-access-token's own tests use.
const builder = new rtmModule.RtmTokenBuilder(appID, appCertificate, 'alice');
builder.setPrivilege(accessToken.priviledges.kRtmLogin, privilegeExpiredTs);
const fromInstance: string = builder.buildToken();
const key: accessToken.AccessToken = builder.key;

// The AccessToken class.
const t = new accessToken.AccessToken(appID, appCertificate, channelName, uid);
t.addPriviledge(accessToken.priviledges.kJoinChannel, privilegeExpiredTs);
t.addPriviledge(accessToken.priviledges.kPublishAudiocdn, privilegeExpiredTs);
t.salt = 7;
t.ts = null;
const built: string = t.build();
const read = new accessToken.AccessToken.AccessToken('', '', '', 0);
const ok: boolean = read.fromString(built);
const expiry: number | bigint | string | undefined = read.messages[accessToken.priviledges.kJoinChannel];
const userText: string = read.uid;
const crc: number | undefined = read.crc_uid;
const format: '006' = accessToken.version;

try {
  RtcTokenBuilder.buildTokenWithUid(appID, appCertificate, 'a/b', uid, role, privilegeExpiredTs);
} catch (e) {
  const code: AgoraTokenError['code'] = (e as AgoraTokenError).code;
  void code;
}

// @ts-expect-error: an account is a string (a number throws a TypeError; use buildTokenWithUid)
RtcTokenBuilder.buildTokenWithAccount(appID, appCertificate, channelName, 42, role, privilegeExpiredTs);
// @ts-expect-error: the RTM account is a string here (npm's typings allow a number; ours throw a TypeError)
RtmTokenBuilder.buildToken(appID, appCertificate, 42, RtmRole.Rtm_User, privilegeExpiredTs);
// Any RTM role (npm ignores it; Agora's samples pass the whole Role object); numbers as text.
const anyRole: string[] = [RtmRole, null, undefined, 'Rtm_User', 1.5].map((r) => RtmTokenBuilder.buildToken(appID, appCertificate, 'alice', r, '1700000000'));
const fromText: string = RtcTokenBuilder.buildTokenWithUid(appID, appCertificate, channelName, '42', '1', '1700000000');
t.salt = '7';
t.addPriviledge(accessToken.priviledges.kJoinChannel, '1700000000');
// @ts-expect-error: an expiry is a number or its decimal text, not a Date
RtcTokenBuilder.buildTokenWithUid(appID, appCertificate, channelName, uid, role, new Date());
// @ts-expect-error: a role is a number or its decimal text, not an object
RtcTokenBuilder.buildTokenWithUid(appID, appCertificate, channelName, uid, RtcRole, privilegeExpiredTs);
// @ts-expect-error: the roles are read-only
RtcRole.PUBLISHER = 2;
// @ts-expect-error: fromString reads, build writes
const notAString: string = read.fromString(built);

void [tokenA, tokenB, rtm, roles, fromInstance, key, ok, expiry, userText, crc, format, notAString, anyRole, fromText];
