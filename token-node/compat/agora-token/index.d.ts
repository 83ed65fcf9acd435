// Type definitions of agoratoken/agora-token: the index of npm's agora-token under its
// own names (its 007 builders), so code written for it moves by changing its
// require/import lines only (hand-written; checked by `tsc --noEmit` in
// `make test-node`). `import { RtcTokenBuilder, RtcRole } from 'agoratoken/agora-token'`
// works in ESM as in CommonJS; the 006 builders are under src/RtcTokenBuilder and
// src/RtmTokenBuilder, the AccessToken2 class under src/AccessToken2.
//
// Units: every lifetime is SECONDS FROM NOW (3600: an hour), not a Unix time as in
// 006. What is accepted beyond the strict `agoratoken/v2` entry (a uid, a lifetime or
// a role as canonical decimal text, a numeric account or RTM user id as npm packs it,
// a null RTC role for join only, a fractional expiry truncated) and what is refused
// is described on each builder (`NpmUid`, `NpmNumber`, `NpmRtcRole`, `NpmAccount`). Errors: an `AgoraTokenError` whose `code` is the token-core category, or a
// `TypeError` for a wrong type.

export type { AgoraTokenError, ErrorCategory, Int, Rtm2Grant } from '../../v2';
/** `RtcRole`: PUBLISHER 1, SUBSCRIBER 2. */
export { RtcRole, Rtm2Permissions } from '../../v2';
export { RtcTokenBuilder } from './src/RtcTokenBuilder2';
export type { NpmAccount, NpmNumber, NpmRtcRole, NpmUid } from './src/RtcTokenBuilder2';
export { RtmTokenBuilder } from './src/RtmTokenBuilder2';
export { ChatTokenBuilder } from './src/ChatTokenBuilder';
export { FpaTokenBuilder } from './src/FpaTokenBuilder';
export { ApaasTokenBuilder } from './src/ApaasTokenBuilder';
export { EducationTokenBuilder } from './src/EducationTokenBuilder';
export { ConvoAITokenBuilder } from './src/ConvoAITokenBuilder';
export { SttTokenBuilder } from './src/SttTokenBuilder';
