// Type definitions of agoratoken/agora-token/src/ConvoAITokenBuilder: npm agora-token's
// 007 ConvoAI builder (hand-written; checked by `tsc --noEmit` in `make test-node`).
// Every lifetime is SECONDS FROM NOW (a fraction truncated). Errors and the accepted
// role values: as `RtcTokenBuilder` (src/RtcTokenBuilder2).

import type { Int } from '../../../v2';
import type { NpmRtcRole } from './RtcTokenBuilder2';
export type { AgoraTokenError, ErrorCategory, Int } from '../../../v2';

/** npm agora-token's `ConvoAITokenBuilder`. */
export declare class ConvoAITokenBuilder {
  /** RTC(channel, rtcAccount) + RTM(rtmUserId) (as RtcTokenBuilder.buildTokenWithRtm2) + ConvoAI. Both ids are strings here. */
  static buildToken(appId: string, appCertificate: string, channelName: string, rtcAccount: string, rtcRole: NpmRtcRole, rtcTokenExpire: Int, joinChannelPrivilegeExpire: Int, pubAudioPrivilegeExpire: Int, pubVideoPrivilegeExpire: Int, pubDataStreamPrivilegeExpire: Int, rtmUserId: string, rtmTokenExpire: Int): string;
}
