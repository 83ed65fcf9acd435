// Type definitions of agoratoken/agora-token/src/SttTokenBuilder: npm agora-token's
// 007 STT builder (hand-written; checked by `tsc --noEmit` in `make test-node`).
// Every lifetime is SECONDS FROM NOW (a fraction truncated). Errors and the accepted
// role values: as `RtcTokenBuilder` (src/RtcTokenBuilder2).

import type { NpmNumber, NpmRtcRole } from './RtcTokenBuilder2';
export type { NpmNumber } from './RtcTokenBuilder2';
export type { AgoraTokenError, ErrorCategory, Int } from '../../../v2';

/** npm agora-token's `SttTokenBuilder`. */
export declare class SttTokenBuilder {
  /** RTC(channel, rtcAccount) + RTM(rtmUserId) (as RtcTokenBuilder.buildTokenWithRtm2) + STT. Both ids are strings here. */
  static buildToken(appId: string, appCertificate: string, channelName: string, rtcAccount: string, rtcRole: NpmRtcRole, rtcTokenExpire: NpmNumber, joinChannelPrivilegeExpire: NpmNumber, pubAudioPrivilegeExpire: NpmNumber, pubVideoPrivilegeExpire: NpmNumber, pubDataStreamPrivilegeExpire: NpmNumber, rtmUserId: string, rtmTokenExpire: NpmNumber): string;
}
