// Type definitions of agoratoken/agora-access-token/src/RtmTokenBuilder (and of
// agoratoken/agora-token/src/RtmTokenBuilder, the same module): npm's 006 RTM builder
// (hand-written; checked by `tsc --noEmit` in `make test-node`).
//
// Units: `privilegeExpiredTs` is a Unix timestamp in seconds (0 = never); a fractional
// number is truncated, canonical decimal text ("1700000000") is its number. Errors: an `AgoraTokenError` whose `code` is the category
// ("app_id", "app_certificate", "user_account", "expire_ts", ...); a wrong type, a
// numeric account included, throws a `TypeError`.

import type { AccessToken } from './AccessToken';
export type { AgoraTokenError, ErrorCategory } from '../../../index';
/** `Rtm_User` 1 (the `RtmRole` of `agoratoken`). */
export { RtmRole as Role } from '../../../index';

/**
 * npm's 006 `RtmTokenBuilder`: the static `buildToken`, and the instance form
 * agora-access-token's own tests use (`new RtmTokenBuilder(...)`, `setPrivilege`,
 * `buildToken()`).
 */
export declare class RtmTokenBuilder {
  /**
   * The RTM login token of `account` (kRtmLogin until `privilegeExpiredTs`).
   * @param role Ignored, as npm ignores it: any value (`Role.Rtm_User`, the whole `Role`
   *   object as Agora's own samples pass it, `null`, a string, ...) builds the same token.
   * @param privilegeExpiredTs Unix seconds: an integer, a fractional number (truncated)
   *   or canonical decimal text (`"1700000000"`, as npm packs it); other text
   *   (`"01700000000"`, `"1.5"`, `"abc"`), a negative value or one beyond 2**32-1 throws
   *   `expire_ts`.
   */
  static buildToken(appID: string, appCertificate: string, account: string, role: unknown, privilegeExpiredTs: number | bigint | string): string;
  /** An RTM token being built: `account` in the channel field, uid "" (npm's layout). */
  constructor(appID: string, appCertificate: string, account: string);
  /** The token being built. */
  key: AccessToken;
  /** `key.addPriviledge`: privilege id (kRtmLogin 1000) -> Unix seconds. */
  setPrivilege(privilege: number, expireTimestamp: number | bigint | string): void;
  /** `key.build()`: throws `AgoraTokenError` for invalid input. */
  buildToken(): string;
}
