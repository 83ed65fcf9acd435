// Type definitions of agoratoken/agora-access-token: the index of npm's
// agora-access-token (006 tokens) under its own names, so code written for it moves
// by changing its require/import lines only (hand-written; checked by `tsc --noEmit`
// in `make test-node`). `import { RtcTokenBuilder, RtcRole } from
// 'agoratoken/agora-access-token'` works in ESM as in CommonJS.
//
// Units: `privilegeExpiredTs` is a Unix timestamp in seconds, not seconds from now.
// What is accepted beyond the strict `agoratoken` entry (a uid, a role or an expiry as
// canonical decimal text, a null RTC role for join only, a fractional expiry
// truncated, any value as the RTM role) and what is refused is described on each
// builder.

export type { AgoraTokenError, ErrorCategory } from '../../index';
export { RtcTokenBuilder } from './src/RtcTokenBuilder';
export { RtmTokenBuilder } from './src/RtmTokenBuilder';
/** `RtcRole`: ATTENDEE 0, PUBLISHER 1, SUBSCRIBER 2, ADMIN 101; `RtmRole`: Rtm_User 1. */
export { RtcRole, RtmRole } from '../../index';
