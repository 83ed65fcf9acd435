// Type definitions of agoratoken/agora-token/src/ChatTokenBuilder: npm agora-token's
// 007 Chat builder (hand-written; checked by `tsc --noEmit` in `make test-node`).
// `expire` is SECONDS FROM NOW (a fraction truncated; a negative value or one beyond
// 2**32-1 throws `expire`).
// Errors: `AgoraTokenError` ("app_id", "app_certificate", "user_id", "expire") or a
// `TypeError` for a wrong type (a numeric user id included).

import type { NpmNumber } from './RtcTokenBuilder2';
export type { NpmNumber } from './RtcTokenBuilder2';
export type { AgoraTokenError, ErrorCategory, Int } from '../../../v2';

/** npm agora-token's `ChatTokenBuilder`. */
export declare class ChatTokenBuilder {
  /** Chat(userId) with User = expire. `userId` is a string here. */
  static buildUserToken(appId: string, appCertificate: string, userId: string, expire: NpmNumber): string;
  /** Chat("") with App = expire. */
  static buildAppToken(appId: string, appCertificate: string, expire: NpmNumber): string;
}
