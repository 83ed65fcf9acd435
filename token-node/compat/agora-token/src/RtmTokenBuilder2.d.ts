// Type definitions of agoratoken/agora-token/src/RtmTokenBuilder2: npm agora-token's
// 007 RTM builder (hand-written; checked by `tsc --noEmit` in `make test-node`).
// `expire` is SECONDS FROM NOW (a fraction truncated). Errors: `AgoraTokenError`
// ("app_id", "app_certificate", "user_id", "expire", "permission", ...) or a
// `TypeError` for a wrong type.

import type { Rtm2Grant, Rtm2Permissions } from '../../../v2';
import type { NpmNumber } from './RtcTokenBuilder2';
export type { NpmNumber } from './RtcTokenBuilder2';
export type { AgoraTokenError, ErrorCategory, Int, Rtm2Grant } from '../../../v2';

/** npm agora-token's 007 `RtmTokenBuilder`. */
export declare class RtmTokenBuilder {
  /**
   * RTM(userId) with Login = expire. `userId`: a string (1..64 bytes), or a non-negative
   * safe integer, packed as its decimal text (npm's). `""` and `0` throw `user_id`
   * (npm packs "", which Agora rejects; the message for 0 says to pass the user's id as
   * a string). `expire`: see `NpmNumber` (`"3600"` is 3600).
   */
  static buildToken(appId: string, appCertificate: string, userId: string | number, expire: NpmNumber): string;
  /**
   * RTM2(userId, permissions) with Login = expire. A numeric `userId` (0..2**32-1, `uid`
   * otherwise) is packed as its decimal text, 0 as "" (the wildcard), as npm does. `permissions`: an
   * `Rtm2Permissions` (ours or npm's) or `[resourceType, permissionType, resources]`
   * triples.
   */
  static buildTokenWithPermissions(appId: string, appCertificate: string, userId: string | number, permissions: Rtm2Permissions | Rtm2Grant[], expire: NpmNumber): string;
}
