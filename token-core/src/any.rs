//! Reading a token of either format, for callers who do not know which they hold.

use crate::error::TokenError;
use crate::v006::token::{parse, verify, Expected, ParsedToken, VerifyResult, VERSION};
use crate::v007::{parse007, verify007, Expected007, ParsedToken2, VERSION_007};
use crate::validate::MAX_TOKEN_LEN;

/// Which format a token text is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// AccessToken ("006").
    V006,
    /// AccessToken2 ("007").
    V007,
}

impl Format {
    /// `"006"` or `"007"`.
    pub const fn version(self) -> &'static str {
        match self {
            Format::V006 => VERSION,
            Format::V007 => VERSION_007,
        }
    }

    /// The format's name: `"AccessToken"` or `"AccessToken2"`.
    pub const fn name(self) -> &'static str {
        match self {
            Format::V006 => "AccessToken",
            Format::V007 => "AccessToken2",
        }
    }

    /// The format a token text claims by its first three characters, if any.
    pub fn detect(token: impl AsRef<[u8]>) -> Option<Format> {
        let token = token.as_ref();
        if token.starts_with(VERSION_007.as_bytes()) {
            Some(Format::V007)
        } else if token.starts_with(VERSION.as_bytes()) {
            Some(Format::V006)
        } else {
            None
        }
    }
}

/// A parsed token of either format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnyToken {
    /// An AccessToken ("006").
    V006(ParsedToken),
    /// An AccessToken2 ("007").
    V007(ParsedToken2),
}

impl AnyToken {
    /// The format read.
    pub fn format(&self) -> Format {
        match self {
            AnyToken::V006(_) => Format::V006,
            AnyToken::V007(_) => Format::V007,
        }
    }
}

/// Parses a token of either format, by its version prefix (`too_long` and
/// `version` before anything else, with the same diagnoses as the parsers).
pub fn parse_any(token: impl AsRef<[u8]>) -> Result<AnyToken, TokenError> {
    let token = token.as_ref();
    match Format::detect(token) {
        Some(Format::V006) if token.len() <= MAX_TOKEN_LEN => parse(token).map(AnyToken::V006),
        None if token.len() <= MAX_TOKEN_LEN => Err(crate::diagnose::version_error(token, None)),
        _ => parse007(token).map(AnyToken::V007),
    }
}

/// Verifies a token of either format against a channel and user (the 006
/// rules or the 007 rules with an RTC check). For 007 tokens of other
/// services, call [`verify007`] without an RTC check.
pub fn verify_any(
    token: impl AsRef<[u8]>,
    app_certificate: &str,
    expected: &Expected<'_>,
    now: u32,
) -> Result<VerifyResult, TokenError> {
    let token = token.as_ref();
    match Format::detect(token) {
        Some(Format::V006) if token.len() <= MAX_TOKEN_LEN => verify(token, app_certificate, expected, now),
        None if token.len() <= MAX_TOKEN_LEN => Err(crate::diagnose::version_error(token, None)),
        _ => {
            let e =
                Expected007 { app_id: expected.app_id, rtc: Some((expected.channel_name, expected.user)), rtm: None };
            verify007(token, app_certificate, &e, now)
        }
    }
}
