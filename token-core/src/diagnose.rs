//! Diagnoses for damaged and wrong tokens.
//!
//! Tokens travel through JSON, URLs, forms, shells and clipboards. When a
//! token does not parse, the category stays the vectors' (`version`,
//! `base64`, ...) and the message says what most likely happened and what to
//! do. Positions count from the token's first character; a bad character is
//! shown as a character.

use crate::error::{ErrorKind, TokenError};

/// A character of the token as a person would read it: `'x'`, `' '` (space),
/// `'\n'` (line break), or `U+00E9 'é'`.
fn show(token: &[u8], at: usize) -> String {
    let rest = &token[at.min(token.len())..];
    let c = match std::str::from_utf8(rest) {
        Ok(s) => s.chars().next(),
        Err(e) if e.valid_up_to() > 0 => {
            std::str::from_utf8(&rest[..e.valid_up_to()]).ok().and_then(|s| s.chars().next())
        }
        Err(_) => None,
    };
    match c {
        Some(' ') => "' ' (a space)".to_owned(),
        Some('\n') => "'\\n' (a line break)".to_owned(),
        Some('\r') => "'\\r' (a carriage return)".to_owned(),
        Some('\t') => "'\\t' (a tab)".to_owned(),
        Some(c) if c.is_ascii_graphic() => format!("'{c}'"),
        Some(c) => format!("U+{:04X} {c:?}", c as u32),
        None => format!("the byte 0x{:02x} (not UTF-8 text)", rest.first().copied().unwrap_or(0)),
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// What the whole text looks like, when it is a known kind of mistake.
fn whole_text_hint(token: &[u8]) -> Option<String> {
    let first = *token.first()?;
    let last = *token.last()?;
    if is_space(first) || is_space(last) {
        return Some(
            "the token has whitespace or a line break around it (copied with a newline?); trim it before passing it"
                .to_owned(),
        );
    }
    if matches!(first, b'"' | b'\'' | b'`') && last == first && token.len() >= 2 {
        return Some(format!(
            "the token is wrapped in quotes ({}…{}); pass the text between them (a JSON string taken with its quotes?)",
            first as char, last as char
        ));
    }
    if token.len() == 32 && token.iter().all(u8::is_ascii_hexdigit) {
        return Some(
            "these 32 hexadecimal digits look like an app id or an app certificate, not a token; \
             pass the token a builder returned"
                .to_owned(),
        );
    }
    None
}

/// A `version` error: the text does not start with `want` ("006" or "007";
/// `None` when either would do, for `parse_any`).
pub(crate) fn version_error(token: &[u8], want: Option<&str>) -> TokenError {
    let other = if want == Some("007") { "006" } else { "007" };
    let what = if token.is_empty() {
        "the token is empty; pass the token string itself".to_owned()
    } else if let Some(hint) = whole_text_hint(token) {
        hint
    } else if want.is_some() && token.starts_with(other.as_bytes()) {
        let (name, reader) = if other == "006" {
            ("an AccessToken (006) token", "the 006 parser, or the parser that reads either format")
        } else {
            ("an AccessToken2 (007) token", "the 007 parser, or the parser that reads either format")
        };
        format!("this is {name}; read it with {reader}")
    } else if let Some(v) = [b"001", b"002", b"003", b"004", b"005"].iter().find(|v| token.starts_with(&v[..])) {
        format!(
            "this is an older Agora dynamic key (version {}), which this library does not read; \
             mint an AccessToken2 (007) token instead (Agora retired these keys)",
            String::from_utf8_lossy(&v[..])
        )
    } else {
        let head: String = String::from_utf8_lossy(&token[..token.len().min(3)]).into_owned();
        format!("the token starts with {head:?}; an Agora token starts with \"007\" (AccessToken2) or \"006\" (AccessToken)")
    };
    let want = match want {
        Some(v) => format!("\"{v}\""),
        None => "\"007\" or \"006\"".to_owned(),
    };
    TokenError::new(ErrorKind::Version, format!("version: expected a token starting with {want}, but {what}"))
}

/// A `base64` error for the text after the first `start` characters.
pub(crate) fn base64_error(token: &[u8], start: usize, err: &base64::DecodeError) -> TokenError {
    use base64::DecodeError as D;
    let body = &token[start.min(token.len())..];
    let bad = body.iter().position(|&b| !(b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='));
    let hint = if let Some(h) = whole_text_hint(token) {
        h
    } else if let Some(i) = bad {
        let at = start + i;
        let b = body[i];
        let shown = show(token, at);
        let advice = match b {
            b'\\' if body.get(i + 1) == Some(&b'/') => {
                "the token has JSON escapes (\\/ for /): decode the JSON string instead of cutting it out of the text"
                    .to_owned()
            }
            b'%' => "the token is still URL-encoded (%2B for +, %2F for /, %3D for =): URL-decode it once".to_owned(),
            b' ' if body.iter().all(|&c| c != b'+') => {
                "a '+' became a space: the token went through URL decoding (a query string or form) without being \
                 URL-encoded first; encode it with encodeURIComponent / urllib.parse.quote before putting it in a URL"
                    .to_owned()
            }
            b'-' | b'_' => {
                "the token was re-encoded as URL-safe base64 ('-' and '_'); Agora tokens use standard base64 \
                 ('+' and '/'): pass the token exactly as it was minted"
                    .to_owned()
            }
            b'\n' | b'\r' | b' ' | b'\t' => "the token has whitespace or a line break inside it; remove it".to_owned(),
            b'"' | b'\'' => "the token has a quote in it; pass the text without quotes".to_owned(),
            _ => "standard base64 has only A-Z a-z 0-9 + / and = padding".to_owned(),
        };
        format!("character {shown} at position {at} is not standard base64: {advice}")
    } else {
        match err {
            D::InvalidLength(_) | D::InvalidPadding => format!(
                "its {} base64 characters are not a whole number of 4-character groups with correct '=' padding; \
                 the token was probably cut short when it was copied",
                body.len()
            ),
            D::InvalidLastSymbol { offset: i, .. } | D::InvalidByte(i, _) => format!(
                "character {} at position {} does not end the base64 correctly; the token was probably cut short or altered",
                show(token, start + i),
                start + i
            ),
        }
    };
    TokenError::new(ErrorKind::Base64, format!("base64: the token is not standard padded base64: {hint}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;

    fn b64(s: &str) -> base64::DecodeError {
        base64::engine::general_purpose::STANDARD.decode(s).unwrap_err()
    }

    #[test]
    fn messages_name_what_happened() {
        assert!(version_error(b"", Some("007")).message().contains("empty"));
        assert!(version_error(b"\"007abc\"", Some("007")).message().contains("quotes"));
        assert!(version_error(b" 007abc", Some("007")).message().contains("whitespace"));
        assert!(version_error(b"970CA35de60c44645bbae8a215061b33", Some("007")).message().contains("app id"));
        assert!(version_error(b"006abc", Some("007")).message().contains("AccessToken (006)"));
        assert!(version_error(b"007abc", Some("006")).message().contains("the 007 parser"));
        assert!(version_error(b"005abc", Some("007")).message().contains("older Agora dynamic key"));
        assert!(version_error(b"x", None).message().contains("\"007\" or \"006\""));
        let t = b"007eJx\\/abc";
        assert!(base64_error(t, 3, &b64("eJx\\/abc")).message().contains("JSON escapes"));
        let t = b"007eJx%2Fabc";
        let m = base64_error(t, 3, &b64("eJx%2Fabc"));
        assert!(m.message().contains("URL-encoded") && m.message().contains("position 6"), "{m}");
        assert!(base64_error(b"007eJx abc", 3, &b64("eJx abc")).message().contains("became a space"));
        assert!(base64_error(b"007eJx-abc", 3, &b64("eJx-abc")).message().contains("URL-safe"));
        assert!(base64_error(b"007eJxab", 3, &b64("eJxab")).message().contains("cut short"));
        assert!(base64_error(b"007eJx\xc3\xa9", 3, &b64("eJxé")).message().contains("U+00E9"));
    }
}
