// Type definitions of agoratoken/agora-token/src/FpaTokenBuilder: npm agora-token's
// 007 FPA builder (hand-written; checked by `tsc --noEmit` in `make test-node`).
// Errors: `AgoraTokenError` ("app_id", "app_certificate") or a `TypeError`.

export type { AgoraTokenError, ErrorCategory } from '../../../v2';

/** npm agora-token's `FpaTokenBuilder`. */
export declare class FpaTokenBuilder {
  /** FPA with Login = 0; the token lives 86400 seconds (24 hours). */
  static buildToken(appId: string, appCertificate: string): string;
}
