//! Input checks for the builder's fields. Messages name the field and never
//! quote the app certificate.

use crate::error::{ErrorKind, TokenError};

/// Longest token text either parser reads, in bytes: far above any real
/// token (an RTC token is about 150-300 characters), so a caller that passes
/// a request body by mistake gets `too_long` before anything is decoded.
pub const MAX_TOKEN_LEN: usize = 64 * 1024;

/// Longest channel name, in UTF-8 bytes.
pub const MAX_CHANNEL_NAME_BYTES: usize = 64;
/// Longest user account, in UTF-8 bytes.
pub const MAX_USER_ACCOUNT_BYTES: usize = 255;

fn is_hex32(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The app id must be exactly 32 hexadecimal digits (either case).
pub fn check_app_id(app_id: &str) -> Result<(), TokenError> {
    if is_hex32(app_id) {
        return Ok(());
    }
    let what = match app_id.bytes().position(|b| !b.is_ascii_hexdigit()) {
        Some(i) if i < 32 => format!("has a character that is not a hexadecimal digit at byte {i}"),
        _ => format!("has {} bytes", app_id.len()),
    };
    Err(TokenError::new(ErrorKind::AppId, format!("app_id: must be exactly 32 hexadecimal digits, but {what}")))
}

/// The app certificate must be exactly 32 hexadecimal digits. The message
/// tells what is wrong without quoting any of it.
pub fn check_app_certificate(app_certificate: &str) -> Result<(), TokenError> {
    if is_hex32(app_certificate) {
        return Ok(());
    }
    let what = if app_certificate.len() != 32 {
        format!("has {} bytes", app_certificate.len())
    } else {
        "has a character that is not a hexadecimal digit".to_owned()
    };
    Err(TokenError::new(
        ErrorKind::AppCertificate,
        format!("app_certificate: must be exactly 32 hexadecimal digits, but {what}"),
    ))
}

/// `a-z A-Z 0-9`, space, and `! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,`.
pub const fn is_allowed_char(b: u8) -> bool {
    matches!(b,
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b' '
        | b'!' | b'#' | b'$' | b'%' | b'&' | b'(' | b')' | b'+' | b'-' | b':' | b';'
        | b'<' | b'=' | b'.' | b'>' | b'?' | b'@' | b'[' | b']' | b'^' | b'_' | b'{'
        | b'}' | b'|' | b'~' | b',')
}

/// [`is_allowed_char`] as a table, for the hot path.
const ALLOWED: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = is_allowed_char(i as u8);
        i += 1;
    }
    table
};

fn check_name(kind: ErrorKind, value: &str, max: usize) -> Result<(), TokenError> {
    let field = kind.as_str();
    if value.is_empty() {
        return Err(TokenError::new(kind, format!("{field}: must not be empty")));
    }
    if value.len() > max {
        return Err(TokenError::new(kind, format!("{field}: is {} bytes long, the limit is {max}", value.len())));
    }
    // Fast path: every allowed character is one ASCII byte.
    if value.bytes().all(|b| ALLOWED[b as usize]) {
        return Ok(());
    }
    if let Some((i, c)) = value.char_indices().find(|&(_, c)| !(c.is_ascii() && is_allowed_char(c as u8))) {
        return Err(TokenError::new(
            kind,
            format!(
                "{field}: character {c:?} at byte {i} is not allowed \
                 (allowed: a-z A-Z 0-9, space and !#$%&()+-:;<=.>?@[]^_{{}}|~,)"
            ),
        ));
    }
    Ok(())
}

/// A channel name: 1 to 64 bytes of the documented characters.
pub fn check_channel_name(channel_name: &str) -> Result<(), TokenError> {
    check_name(ErrorKind::ChannelName, channel_name, MAX_CHANNEL_NAME_BYTES)
}

/// A user account: 1 to 255 bytes of the documented characters.
pub fn check_user_account(user_account: &str) -> Result<(), TokenError> {
    check_name(ErrorKind::UserAccount, user_account, MAX_USER_ACCOUNT_BYTES)
}

/// A value that must fit in an unsigned 32-bit field (for bindings whose
/// integers are wider): `uid`, `salt`, `ts`, `now`, `expire_ts`, ... A `uid`
/// and a `now` get [`check_uid`]'s and [`check_now`]'s hints, so every caller
/// (and every binding) reports them alike.
pub fn check_u32(kind: ErrorKind, value: i128) -> Result<u32, TokenError> {
    match kind {
        ErrorKind::Now => check_now(value),
        ErrorKind::Uid => check_uid(value),
        _ => u32::try_from(value)
            .map_err(|_| TokenError::new(kind, format!("{}: {value} is outside 0..=4294967295", kind.as_str()))),
    }
}

/// A value for an unsigned 32-bit field from a language whose numbers are
/// floating point (JavaScript, a PHP float): truncated toward zero, as
/// Agora's builders do when they pack `3600.5` (`>>> 0`, `pack("V")`,
/// `int()`). NaN, ±infinity, or a value outside 0..=4294967295 after
/// truncation is an error of `kind` (with [`check_u32`]'s hints).
pub fn check_u32_f64(kind: ErrorKind, value: f64) -> Result<u32, TokenError> {
    if !value.is_finite() {
        return Err(TokenError::new(kind, format!("{}: {value} is not a finite number", kind.as_str())));
    }
    let whole = value.trunc();
    if !(-1e30..=1e30).contains(&whole) {
        return Err(TokenError::new(kind, format!("{}: {value} is outside 0..=4294967295", kind.as_str())));
    }
    // Exact: |whole| <= 1e30 fits an i128, and a whole f64 converts exactly.
    check_u32(kind, whole as i128)
}

/// A numeric uid handed over as text (`req.query.uid`, `$_GET['uid']`), as
/// Agora's Node.js and PHP builders accept one: canonical decimal only, i.e.
/// `"0"` or digits without a leading zero, at most 4294967295, so that the
/// token is the one for that number. Anything else is a `uid` error: `"007"`
/// and `" 7"` would make a token for another user string, and a value over
/// 32 bits one that Agora rejects.
pub fn uid_from_decimal(text: &str) -> Result<u32, TokenError> {
    u32_from_decimal(ErrorKind::Uid, text)
}

/// A number for an unsigned 32-bit field handed over as text, as Agora's
/// Node.js and PHP builders take one (`$_GET['expire']`, `req.query.role`:
/// they pack `"3600"` as 3600): canonical decimal only (`"0"`, or digits
/// without a leading zero, at most 4294967295). Anything else is an error
/// of `kind` (for `uid`, [`uid_from_decimal`]'s, which points to the account
/// builder).
pub fn u32_from_decimal(kind: ErrorKind, text: &str) -> Result<u32, TokenError> {
    let bytes = text.as_bytes();
    let digits = !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit);
    let canonical = digits && (bytes[0] != b'0' || bytes.len() == 1);
    let value = if canonical && bytes.len() <= 10 { text.parse::<u64>().ok() } else { None };
    if let Some(v) = value.and_then(|v| u32::try_from(v).ok()) {
        return Ok(v);
    }
    let shown: String = text.chars().take(40).collect();
    let field = kind.as_str();
    let message = match (kind, canonical) {
        (ErrorKind::Uid, true) => format!(
            "uid: {shown:?} is outside 0..=4294967295, the range of a numeric uid; a longer id can be a user \
             account (pass it to the account builder)"
        ),
        (ErrorKind::Uid, false) => format!(
            "uid: {shown:?} is not a uid in canonical decimal form (\"0\", or digits without a leading zero); \
             pass a number, or pass the string as a user account to the account builder"
        ),
        (_, true) => format!("{field}: {shown:?} is outside 0..=4294967295"),
        (_, false) => format!(
            "{field}: {shown:?} is not a number in canonical decimal form (\"0\", or digits without a leading zero)"
        ),
    };
    Err(TokenError::new(kind, message))
}

/// A verification time (`now`, Unix seconds) from a wider integer: outside
/// 0..=4294967295 is a `now` error, which says so when the value looks like
/// milliseconds (`Date.now()`, `time.time() * 1000`, `System.currentTimeMillis()`).
pub fn check_now(now: i128) -> Result<u32, TokenError> {
    u32::try_from(now).map_err(|_| {
        let hint = if (1_000_000_000_000..100_000_000_000_000).contains(&now) {
            format!("; it looks like milliseconds: pass seconds ({})", now / 1000)
        } else {
            String::new()
        };
        TokenError::new(ErrorKind::Now, format!("now: {now} is outside 0..=4294967295 (Unix seconds){hint}"))
    })
}

/// For a "seconds from now" input: a diagnosis when the value is more likely
/// an absolute Unix time (seconds or milliseconds) than a lifetime, such as
/// `--expire $(( $(date +%s) + 60 ))`. `None` for a plausible lifetime.
///
/// The token format itself takes any u32 (the vectors include 4294967295),
/// so builders accept such values; the CLI and the token server, which take
/// lifetimes from people, refuse them with this message.
pub fn timestamp_hint(seconds_from_now: i128) -> Option<String> {
    const YEAR_2001: i128 = 1_000_000_000;
    if seconds_from_now >= 1_000_000_000_000 {
        Some(format!(
            "{seconds_from_now} looks like a Unix time in milliseconds, but this takes a lifetime in seconds from now (e.g. 3600)"
        ))
    } else if seconds_from_now >= YEAR_2001 {
        Some(format!(
            "{seconds_from_now} looks like a Unix timestamp (it would make a token that lives {} years), \
             but this takes a lifetime in seconds from now (e.g. 3600)",
            (seconds_from_now + 365 * 86_400 / 2) / (365 * 86_400)
        ))
    } else {
        None
    }
}

/// A numeric uid from a wider integer: outside 0..=4294967295 is a `uid`
/// error; a negative value in the signed 32-bit range gets the hint that it
/// may be the signed view of an unsigned uid (Java's `int`, C#'s `int`).
pub fn check_uid(uid: i128) -> Result<u32, TokenError> {
    u32::try_from(uid).map_err(|_| {
        let hint = if (-2_147_483_648..0).contains(&uid) {
            format!(
                "; {uid} may be the signed 32-bit view of the unsigned uid {} (Java and C# ints are signed)",
                uid + (1i128 << 32)
            )
        } else {
            String::new()
        };
        let hint = if hint.is_empty() && uid > 0 {
            "; a numeric uid is unsigned 32-bit: a longer id can be a user account (the account builder)".to_owned()
        } else {
            hint
        };
        TokenError::new(ErrorKind::Uid, format!("uid: {uid} is outside 0..=4294967295{hint}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_id_and_certificate() {
        assert!(check_app_id("970CA35de60c44645bbae8a215061b33").is_ok());
        assert_eq!(check_app_id("970CA35de60c44645bbae8a215061b3").unwrap_err().kind(), ErrorKind::AppId);
        assert_eq!(check_app_id("970CA35de60c44645bbae8a215061b3x").unwrap_err().kind(), ErrorKind::AppId);
        assert_eq!(check_app_id("").unwrap_err().kind(), ErrorKind::AppId);
        let cert = "5CFd2fd1755d40ecb72977518be15d3z";
        let e = check_app_certificate(cert).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::AppCertificate);
        assert!(!e.message().contains("5CFd2fd1"));
        assert!(e.message().starts_with("app_certificate:"));
        assert!(check_app_certificate("5CFd2fd1755d40ecb72977518be15d3b").is_ok());
    }

    #[test]
    fn uid_from_decimal_takes_canonical_decimal_only() {
        for (text, want) in [("0", 0), ("7", 7), ("2882341273", 2_882_341_273), ("4294967295", u32::MAX)] {
            assert_eq!(uid_from_decimal(text).unwrap(), want, "{text}");
        }
        for bad in
            ["", "007", "00", "+1", "-1", " 1", "1 ", "1.0", "1e3", "0x10", "4294967296", "99999999999", "١٢", "abc"]
        {
            let e = uid_from_decimal(bad).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Uid, "{bad:?}");
            assert!(e.message().starts_with("uid: "), "{}", e.message());
            assert!(e.message().contains("account"), "{}", e.message());
        }
        assert!(uid_from_decimal("4294967296").unwrap_err().message().contains("outside"));
        assert!(!uid_from_decimal("4294967296").unwrap_err().message().contains("pass a number"));
        assert!(check_uid(1 << 32).unwrap_err().message().contains("user account"));
        assert_eq!(u32_from_decimal(ErrorKind::Expire, "3600").unwrap(), 3600);
        assert_eq!(u32_from_decimal(ErrorKind::Role, "1").unwrap(), 1);
        for bad in ["", "03600", "3600.5", " 3600", "-1", "4294967296", "abc"] {
            let e = u32_from_decimal(ErrorKind::Expire, bad).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Expire, "{bad:?}");
            assert!(e.message().starts_with("expire: "), "{}", e.message());
            assert!(!e.message().contains("account"), "{}", e.message());
        }
        assert!(uid_from_decimal("007").unwrap_err().message().contains("canonical"));
    }

    #[test]
    fn check_u32_f64_truncates_like_the_references() {
        assert_eq!(check_u32_f64(ErrorKind::Expire, 3600.9).unwrap(), 3600);
        assert_eq!(check_u32_f64(ErrorKind::Expire, 0.5).unwrap(), 0);
        assert_eq!(check_u32_f64(ErrorKind::Expire, -0.5).unwrap(), 0);
        assert_eq!(check_u32_f64(ErrorKind::Expire, 4294967295.7).unwrap(), u32::MAX);
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0, 4294967296.0, 1e300, -1e300] {
            assert_eq!(check_u32_f64(ErrorKind::Expire, bad).unwrap_err().kind(), ErrorKind::Expire, "{bad}");
        }
        assert!(check_u32_f64(ErrorKind::Now, 1.7e12).unwrap_err().message().contains("milliseconds"));
        assert!(check_u32_f64(ErrorKind::Uid, -1.0).unwrap_err().message().contains("4294967295"));
    }

    #[test]
    fn names() {
        assert!(check_channel_name("a").is_ok());
        assert!(check_channel_name(&"x".repeat(64)).is_ok());
        assert_eq!(check_channel_name(&"x".repeat(65)).unwrap_err().kind(), ErrorKind::ChannelName);
        assert_eq!(check_channel_name("").unwrap_err().kind(), ErrorKind::ChannelName);
        for bad in ["a/b", "a\"b", "a*b", "a'b", "a\\b", "a`b", "a\tb", "a\0b", "é", "a\nb"] {
            let e = check_channel_name(bad).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::ChannelName, "{bad:?}");
            assert!(e.message().starts_with("channel_name:"));
        }
        let all = "azAZ09 !#$%&()+-:;<=.>?@[]^_{}|~,";
        assert!(check_channel_name(all).is_ok());
        assert!(check_user_account(all).is_ok());
        assert!(check_user_account(&"u".repeat(255)).is_ok());
        assert_eq!(check_user_account(&"u".repeat(256)).unwrap_err().kind(), ErrorKind::UserAccount);
        assert_eq!(check_user_account("用户").unwrap_err().kind(), ErrorKind::UserAccount);
    }

    #[test]
    fn now_uid_and_timestamps() {
        assert_eq!(check_now(5).unwrap(), 5);
        let e = check_now(1_796_049_437_726).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Now);
        assert!(e.message().starts_with("now:") && e.message().contains("milliseconds"), "{e}");
        assert!(!check_now(-1).unwrap_err().message().contains("milliseconds"));
        let e = check_uid(-1).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Uid);
        assert!(e.message().contains("4294967295") && e.message().contains("signed"), "{e}");
        assert!(timestamp_hint(3600).is_none());
        assert!(timestamp_hint(999_999_999).is_none());
        assert!(timestamp_hint(1_796_050_060).unwrap().contains("Unix timestamp"));
        assert!(timestamp_hint(1_796_050_060_000).unwrap().contains("milliseconds"));
    }

    #[test]
    fn u32_range() {
        assert_eq!(check_u32(ErrorKind::Uid, 0).unwrap(), 0);
        assert_eq!(check_u32(ErrorKind::Uid, 4294967295).unwrap(), u32::MAX);
        assert_eq!(check_u32(ErrorKind::Uid, -1).unwrap_err().kind(), ErrorKind::Uid);
        assert!(check_u32(ErrorKind::Uid, -1).unwrap_err().message().contains("signed 32-bit view"));
        assert!(check_u32(ErrorKind::Now, 1_796_049_437_726).unwrap_err().message().contains("milliseconds"));
        assert_eq!(check_u32(ErrorKind::Salt, 1 << 32).unwrap_err().kind(), ErrorKind::Salt);
    }
}
