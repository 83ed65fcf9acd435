// Type definitions of agoratoken/agora-access-token/src/RtcTokenBuilder (and of
// agoratoken/agora-token/src/RtcTokenBuilder, the same module): npm's 006 RTC builder
// (hand-written; checked by `tsc --noEmit` in `make test-node`).
//
// Units: `privilegeExpiredTs` is a Unix timestamp in seconds (now + 3600 for an hour;
// 0 = never), not seconds from now as in 007; it may be canonical decimal text. The token itself lives 24 hours (its
// `ts`), as Agora's builders make it.
//
// Errors: invalid input throws an `AgoraTokenError` whose `code` is the token-core
// category ("app_id", "app_certificate", "channel_name", "user_account", "uid",
// "role", "expire_ts"); the message names the field and never holds the certificate.
// A wrong type throws a `TypeError` (code "null_argument" for null/undefined where a
// value is needed, "ERR_INVALID_ARG_TYPE" otherwise).

export type { AgoraTokenError, ErrorCategory } from '../../../index';
/** ATTENDEE 0, PUBLISHER 1, SUBSCRIBER 2, ADMIN 101 (the `RtcRole` of `agoratoken`). */
export { RtcRole as Role } from '../../../index';

/**
 * npm's 006 `RtcTokenBuilder`, with what npm accepts when the token is right:
 *
 * - `uid`: an integer in 0..2**32-1 (`number` or `bigint`; 0 = any user), or the same as
 *   canonical decimal text (`"42"`, e.g. from a query string). `"042"`, `"4294967296"`,
 *   `"alice"`, a negative or a fractional number throw `uid` (npm would build a token for
 *   another user); an account goes to `buildTokenWithAccount`.
 * - `role`: `Role.ATTENDEE`, `PUBLISHER`, `SUBSCRIBER` or `ADMIN`, as a number or
 *   canonical decimal text (`"1"`, which npm compares equal); `null`/`undefined` builds
 *   the join-only token (as npm's does); any other value (`"01"`, 3) throws `role`.
 * - `privilegeExpiredTs`: an integer, a fractional number (truncated) or canonical
 *   decimal text (`"1700000000"`, as npm packs it: `"0"` or digits without a leading
 *   zero); other text, a negative value or one beyond 2**32-1 (`Date.now()`
 *   milliseconds) throws `expire_ts`.
 */
export declare class RtcTokenBuilder {
  static buildTokenWithUid(
    appID: string,
    appCertificate: string,
    channelName: string,
    uid: number | bigint | string,
    role: number | bigint | string | null | undefined,
    privilegeExpiredTs: number | bigint | string,
  ): string;
  /** The same for a string user account (a number throws a `TypeError`). */
  static buildTokenWithAccount(
    appID: string,
    appCertificate: string,
    channelName: string,
    account: string,
    role: number | bigint | string | null | undefined,
    privilegeExpiredTs: number | bigint | string,
  ): string;
}
