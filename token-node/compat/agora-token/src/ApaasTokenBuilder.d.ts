// Type definitions of agoratoken/agora-token/src/ApaasTokenBuilder: npm agora-token's
// 007 Apaas builder (hand-written; checked by
// `tsc --noEmit` in `make test-node`). `expire` is SECONDS FROM NOW (a fraction
// truncated). Errors: `AgoraTokenError` ("app_id", "app_certificate", "room_uuid",
// "user_uuid", "role", "expire") or a `TypeError` for a wrong type (a numeric user
// uuid included).

import type { NpmNumber } from './RtcTokenBuilder2';
export type { NpmNumber } from './RtcTokenBuilder2';
export type { AgoraTokenError, ErrorCategory, Int } from '../../../v2';

/** npm agora-token's `ApaasTokenBuilder` (Flexible Classroom). */
export declare class ApaasTokenBuilder {
  /** APaaS(roomUuid, userUuid, role){RoomUser} + RTM(userUuid) + Chat(md5(userUuid)), each = expire. `role`: an integer in -32768..32767, or canonical decimal text (`"1"`, as npm packs it; not `"-1"`: pass the number). */
  static buildRoomUserToken(appId: string, appCertificate: string, roomUuid: string, userUuid: string, role: NpmNumber, expire: NpmNumber): string;
  /** APaaS("", userUuid, -1){User = expire}. */
  static buildUserToken(appId: string, appCertificate: string, userUuid: string, expire: NpmNumber): string;
  /** APaaS("", "", -1){App = expire}. */
  static buildAppToken(appId: string, appCertificate: string, expire: NpmNumber): string;
}
