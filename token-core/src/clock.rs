//! The clock, in the u32 Unix seconds both formats carry.

use std::time::{SystemTime, UNIX_EPOCH};

/// How long a 006 token lives when no `ts` is set: 24 hours (the references'
/// `RtcTokenBuilder` default).
pub const DEFAULT_TOKEN_LIFETIME_SECS: u32 = 24 * 60 * 60;

/// Now, in Unix seconds (saturating to the u32 range of the formats).
pub fn now_secs() -> u32 {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    u32::try_from(secs).unwrap_or(u32::MAX)
}

/// The default 006 token expiry: now + 24 h.
pub fn default_ts() -> u32 {
    now_secs().saturating_add(DEFAULT_TOKEN_LIFETIME_SECS)
}
