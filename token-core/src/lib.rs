//! # agoratoken-core
//!
//! Mint, parse and verify Agora access tokens, byte-for-byte like Agora's
//! reference builders, with strict input checks and errors that name the
//! field: **AccessToken2 ("007")**, the format Agora issues today for every
//! service, and **AccessToken ("006")**, the format of the legacy
//! `SimpleTokenBuilder`.
//!
//! ```
//! use token_core::v007::{builders::rtc_token_builder, RtcRole};
//! // An RTC publisher token: the token lives 600 s, its privileges 600 s (seconds from now).
//! let token = rtc_token_builder::build_token_with_uid(
//!     "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b",
//!     "room-1", 2882341273, RtcRole::Publisher, 600, 600)?;
//! assert!(token.starts_with("007"));
//! let parsed = token_core::parse007(&token)?;
//! assert_eq!(parsed.expire, 600);
//! # Ok::<(), token_core::TokenError>(())
//! ```
//!
//! ```
//! use token_core::{Privilege, SimpleTokenBuilder};
//! let mut b = SimpleTokenBuilder::with_uid(
//!     "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b", "room-1", 2882341273)?;
//! b.set_privilege(Privilege::JoinChannel, 1446455471);
//! let token = b.build_token()?;
//! assert!(token.starts_with("006970CA35de60c44645bbae8a215061b33"));
//! # Ok::<(), token_core::TokenError>(())
//! ```
//!
//! This crate is pure Rust with no FFI; the C ABI, Python, Node.js, Java,
//! Go and PHP bindings are thin layers over it.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod any;
mod clock;
mod diagnose;
mod error;
mod pack;
mod random;
mod secret;
mod v006;
pub mod v007;
pub mod validate;

pub use any::{parse_any, verify_any, AnyToken, Format};
pub use clock::{default_ts, now_secs, DEFAULT_TOKEN_LIFETIME_SECS};
pub use error::{ErrorKind, TokenError};
pub use pack::hex_lower;
pub use random::{random_salt, random_salt_007, SALT_007_MAX};
pub use secret::Secret;
pub use v006::builder::SimpleTokenBuilder;
pub use v006::helpers::{RtcTokenBuilder, RtmTokenBuilder};
pub use v006::privilege::{Privilege, Role, RtmRole};
pub use v006::token::{
    pack_message, parse, sign_message, verify, verify_rtm, Expected, ParsedToken, UserId, VerifyResult, APP_ID_LEN,
    VERSION,
};
pub use v007::{
    parse007, parse007_lenient, verify007, verify007_lenient, AccessToken2, Expected007, OtherService, ParsedToken2,
    Service, ServiceType, VERSION_007,
};
pub use validate::{check_now, check_uid, timestamp_hint, MAX_TOKEN_LEN};

/// The version of this library (the workspace version).
pub const LIBRARY_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The version of this library (the workspace version).
pub fn version() -> &'static str {
    LIBRARY_VERSION
}
