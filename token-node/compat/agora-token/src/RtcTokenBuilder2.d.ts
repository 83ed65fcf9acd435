// Type definitions of agoratoken/agora-token/src/RtcTokenBuilder2: npm agora-token's
// 007 RTC builder under its own names (hand-written; checked by `tsc --noEmit` in
// `make test-node`).
//
// Units: every lifetime (`tokenExpire`, `privilegeExpire`, `...PrivilegeExpire`,
// `rtmTokenExpire`) is SECONDS FROM NOW (after the token's issue time), not a Unix
// time as in 006: 3600 is an hour. A privilege that outlives its token is cut short
// by it; a privilege value of 0 has no limit of its own. A fractional number is
// truncated (as npm packs it), canonical decimal text ("3600") is its number (as npm
// packs it); a negative one, one beyond 2**32-1 or other text throws `expire` /
// `expire_ts` (see `NpmNumber`).
//
// Errors: invalid input throws an `AgoraTokenError` whose `code` is the token-core
// category ("app_id", "app_certificate", "channel_name", "user_account", "uid",
// "role", "expire", "expire_ts", "user_id"); the message names the field and never
// holds the certificate. A wrong type throws a `TypeError` (code "null_argument" for
// a missing argument without a default, "ERR_INVALID_ARG_TYPE" otherwise,
// "ERR_INVALID_ARG_VALUE" for a string holding a lone surrogate).

import type { Int } from '../../../v2';
export type { AgoraTokenError, ErrorCategory, Int } from '../../../v2';
/** PUBLISHER 1, SUBSCRIBER 2 (the `RtcRole` of `agoratoken/v2`). */
export { RtcRole as Role } from '../../../v2';

/**
 * A uid as npm's 007 builders take it: an integer in 0..2**32-1 (`number` or `bigint`;
 * 0 = any user) or the same as canonical decimal text (`"42"`, e.g. from a query
 * string). `"042"`, `"4294967296"`, `"alice"`, a negative or a fractional number throw
 * `uid` (npm would build a token for another user); an account goes to
 * `buildTokenWithUserAccount`.
 */
export type NpmUid = Int | string;

/**
 * A number as npm's 007 builders take it (a lifetime, an APaaS role): an integer
 * (`number` or `bigint`; a fractional number is truncated, as npm packs it) or the same
 * as canonical decimal text, `"0"` or digits without a leading zero (`"3600"`, e.g.
 * from a query string: npm packs it as 3600). Other text (`"03600"`, `"3600.5"`,
 * `" 3600"`, `"-1"`, `"abc"`) throws the field's category (`expire`, `expire_ts`,
 * `role`), where npm would pack another number.
 */
export type NpmNumber = Int | string;

/**
 * An RTC role: `Role.PUBLISHER` (JoinChannel and the three publish privileges) or
 * `Role.SUBSCRIBER` (JoinChannel), as a number or canonical decimal text (`"1"`, which
 * npm compares equal); `null`/`undefined` builds the join-only token, as npm's does.
 * Any other value (npm's 3, a typo; `"01"`) throws `role`.
 */
export type NpmRtcRole = Int | string | null | undefined;

/**
 * An RTC user account as npm's 007 builders take it: a string (1..255 bytes of Agora's
 * characters, `user_account` otherwise), or a non-negative safe integer, built as that
 * uid (npm packs its decimal text, the uid's token; 0 = any user; beyond 2**32-1 throws
 * `uid`). A negative or fractional number throws a `TypeError`.
 */
export type NpmAccount = string | number;

/** npm agora-token's 007 `RtcTokenBuilder`, with what npm accepts when the token is right. */
export declare class RtcTokenBuilder {
  /** RTC(channel, uid): JoinChannel, and the publish privileges for a publisher, each `privilegeExpire` (default 0). */
  static buildTokenWithUid(appId: string, appCertificate: string, channelName: string, uid: NpmUid, role: NpmRtcRole, tokenExpire: NpmNumber, privilegeExpire?: NpmNumber | null): string;
  /** The same for a user account. */
  static buildTokenWithUserAccount(appId: string, appCertificate: string, channelName: string, account: NpmAccount, role: NpmRtcRole, tokenExpire: NpmNumber, privilegeExpire?: NpmNumber | null): string;
  /** RTC with all four privileges, each with its own expiry (whatever the role). */
  static buildTokenWithUidAndPrivilege(appId: string, appCertificate: string, channelName: string, uid: NpmUid, tokenExpire: NpmNumber, joinChannelPrivilegeExpire: NpmNumber, pubAudioPrivilegeExpire: NpmNumber, pubVideoPrivilegeExpire: NpmNumber, pubDataStreamPrivilegeExpire: NpmNumber): string;
  /** The same for a user account (capital B, as npm spells it). */
  static BuildTokenWithUserAccountAndPrivilege(appId: string, appCertificate: string, channelName: string, account: NpmAccount, tokenExpire: NpmNumber, joinChannelPrivilegeExpire: NpmNumber, pubAudioPrivilegeExpire: NpmNumber, pubVideoPrivilegeExpire: NpmNumber, pubDataStreamPrivilegeExpire: NpmNumber): string;
  /** RTC as buildTokenWithUserAccount, plus RTM(account) with Login = tokenExpire. `account` is a string here. */
  static buildTokenWithRtm(appId: string, appCertificate: string, channelName: string, account: string, role: NpmRtcRole, tokenExpire: NpmNumber, privilegeExpire?: NpmNumber | null): string;
  /** RTC(channel, rtcAccount) with its own privilege expiries, plus RTM(rtmUserId) with Login = rtmTokenExpire. Both ids are strings here. */
  static buildTokenWithRtm2(appId: string, appCertificate: string, channelName: string, rtcAccount: string, rtcRole: NpmRtcRole, rtcTokenExpire: NpmNumber, joinChannelPrivilegeExpire: NpmNumber, pubAudioPrivilegeExpire: NpmNumber, pubVideoPrivilegeExpire: NpmNumber, pubDataStreamPrivilegeExpire: NpmNumber, rtmUserId: string, rtmTokenExpire: NpmNumber): string;
}
