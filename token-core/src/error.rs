//! The one error table of the project.
//!
//! Every binding reports failures with these categories: the string from
//! [`ErrorKind::as_str`] is the category name used by the conformance vectors,
//! and [`ErrorKind::code`] is the negative status the C ABI (and the Python,
//! Go, PHP and Node.js `initTokenBuilder`) return. Codes are never renumbered;
//! new categories are appended at the end.

use std::fmt;

macro_rules! error_kinds {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $name:literal; )+) => {
        /// The category of a failure. See the module documentation.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorKind {
            $( $(#[$doc])* $variant, )+
        }

        impl ErrorKind {
            /// Every category, in code order (-1, -2, ...).
            pub const ALL: &'static [ErrorKind] = &[$(ErrorKind::$variant),+];

            /// The category name, as written in the conformance vectors (`"channel_name"`).
            pub const fn as_str(self) -> &'static str {
                match self { $(ErrorKind::$variant => $name,)+ }
            }

            /// The negative status code of this category (never 0).
            pub const fn code(self) -> i32 {
                match self { $(ErrorKind::$variant => $code,)+ }
            }

            /// The category with this status code, if any.
            pub const fn from_code(code: i32) -> Option<ErrorKind> {
                match code { $($code => Some(ErrorKind::$variant),)+ _ => None }
            }

            /// The category with this name, if any.
            pub fn from_name(name: &str) -> Option<ErrorKind> {
                match name { $($name => Some(ErrorKind::$variant),)+ _ => None }
            }
        }
    };
}

error_kinds! {
    /// The app id is not exactly 32 hexadecimal digits (also: a token's app id field).
    AppId = -1, "app_id";
    /// The app certificate is not exactly 32 hexadecimal digits.
    AppCertificate = -2, "app_certificate";
    /// The channel name is empty, longer than 64 bytes, or has a character outside the documented set.
    ChannelName = -3, "channel_name";
    /// The user account is empty, longer than 255 bytes, or has a character outside the documented set.
    UserAccount = -4, "user_account";
    /// A numeric uid outside 0..=4294967295 (raised by bindings whose integers are wider).
    Uid = -5, "uid";
    /// The token does not start with `006`.
    Version = -6, "version";
    /// The token content is not standard, padded base64.
    Base64 = -7, "base64";
    /// The token ends before a length or field it announces.
    Truncated = -8, "truncated";
    /// Bytes are left over after the token content.
    Trailing = -9, "trailing";
    /// `init_token_builder`: the token belongs to another app id.
    AppIdMismatch = -10, "app_id_mismatch";
    /// `init_token_builder`: the token was minted for another channel.
    ChannelMismatch = -11, "channel_mismatch";
    /// `init_token_builder`: the token was minted for another uid or account.
    UidMismatch = -12, "uid_mismatch";
    /// A privilege id that is not one of the documented privileges.
    Privilege = -13, "privilege";
    /// A role that is not one of the documented roles.
    Role = -14, "role";
    /// A salt outside 0..=4294967295.
    Salt = -15, "salt";
    /// A timestamp outside 0..=4294967295.
    Ts = -16, "ts";
    /// A privilege expiry timestamp outside 0..=4294967295.
    ExpireTs = -17, "expire_ts";
    /// A required argument was missing (NULL, None or null in a binding).
    NullArgument = -18, "null_argument";
    /// A bug: an internal failure (a caught panic). Never expected.
    Internal = -19, "internal";
    /// A caller-provided output buffer cannot hold the result (C ABI `_into` functions).
    BufferTooSmall = -20, "buffer_too_small";
    /// 007: the token's bytes are not exactly one valid zlib stream, or inflate past the content limit.
    Zlib = -21, "zlib";
    /// 007: the token's signature string is not 32 bytes.
    Signature = -22, "signature";
    /// 007: no service (in the input or the token).
    NoService = -23, "no_service";
    /// 007: a service type outside 1..=10.
    Service = -24, "service";
    /// 007: a bad or repeated RTM2 resource or permission type, or a resource over 65535 bytes.
    Permission = -25, "permission";
    /// 007: a string field of the token is not valid UTF-8.
    Utf8 = -26, "utf8";
    /// 007: a bad RTM, RTM2 or Chat user id.
    UserId = -27, "user_id";
    /// 007: an APaaS room uuid over 65535 bytes.
    RoomUuid = -28, "room_uuid";
    /// 007: an APaaS user uuid over 65535 bytes.
    UserUuid = -29, "user_uuid";
    /// 007: issue_ts outside 0..=4294967295.
    IssueTs = -30, "issue_ts";
    /// 007: the token expire (seconds after issue_ts) outside 0..=4294967295.
    Expire = -31, "expire";
    /// The operating system's random source failed, so no salt could be drawn.
    Random = -32, "random";
    /// The token text is longer than [`MAX_TOKEN_LEN`](crate::MAX_TOKEN_LEN); refused before decoding.
    TooLong = -33, "too_long";
    /// A verification time (`now`) outside 0..=4294967295.
    Now = -34, "now";
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failure: its category and a message that names the field.
///
/// The message never contains the app certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenError {
    kind: ErrorKind,
    message: String,
}

impl TokenError {
    /// A new error; the message should start by naming the field.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        TokenError { kind, message: message.into() }
    }

    /// The category.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The negative status code of the category.
    pub fn code(&self) -> i32 {
        self.kind.code()
    }

    /// The human-readable explanation.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for TokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TokenError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_dense_negative_and_round_trip() {
        for (i, kind) in ErrorKind::ALL.iter().enumerate() {
            assert_eq!(kind.code(), -(i as i32) - 1);
            assert_eq!(ErrorKind::from_code(kind.code()), Some(*kind));
            assert_eq!(ErrorKind::from_name(kind.as_str()), Some(*kind));
        }
        assert_eq!(ErrorKind::from_code(0), None);
        assert_eq!(ErrorKind::from_code(-1000), None);
        assert_eq!(ErrorKind::from_name("nope"), None);
    }

    #[test]
    fn display_is_message() {
        let e = TokenError::new(ErrorKind::ChannelName, "channel_name: empty");
        assert_eq!(e.to_string(), "channel_name: empty");
        assert_eq!(e.kind().to_string(), "channel_name");
        assert_eq!(e.code(), -3);
    }
}
