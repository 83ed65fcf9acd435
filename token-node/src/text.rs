//! `Text`: a JS string read into Rust with one napi call when it is short.
//!
//! napi-rs converts a `String` argument with two calls (one for the length,
//! one to copy) and a heap allocation. The token helpers take three short
//! strings per call, so this reads each into a stack buffer with a single
//! call and only falls back to napi-rs's conversion for long strings.

#![allow(unsafe_code)]

use std::ops::Deref;

use napi::bindgen_prelude::{FromNapiValue, TypeName, ValidateNapiValue};
use napi::{sys, Status, ValueType};
use zeroize::Zeroize as _;

/// Buffer size: channel names (64 bytes), ids and certificates (32) and most
/// tokens fit; user accounts up to 251 bytes do.
const INLINE: usize = 256;
/// napi copies at most `INLINE - 1` bytes and stops *before* a character that
/// does not fit whole, so only a result this short is surely the whole string.
/// (A UTF-8 character has at most 4 bytes.)
const SURELY_WHOLE: usize = INLINE - 5;

/// A `Text` may hold the app certificate: what it copied is zeroed on drop
/// (the bytes napi wrote into the stack buffer, and the heap copy).
pub struct Text {
    inline: [u8; INLINE],
    len: usize,
    /// How many bytes of `inline` napi may have written (the text and its NUL).
    dirty: usize,
    heap: Option<String>,
    /// The JS string had a lone surrogate, which napi turned into U+FFFD.
    lone_surrogate: bool,
}

impl Drop for Text {
    fn drop(&mut self) {
        self.inline[..self.dirty].zeroize();
        if let Some(heap) = &mut self.heap {
            heap.zeroize();
        }
    }
}

/// The conversion error of a non-string argument. napi-rs's own message
/// quotes the value (`Failed to convert JavaScript value \`Number 42 \`...`),
/// which could be a certificate passed in the wrong place: this one names
/// the expected type only.
pub fn not_a_string() -> napi::Error {
    napi::Error::new(Status::StringExpected, "expected a string")
}

/// Shows the length only: a `Text` may hold the app certificate.
impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Text({} bytes)", self.len())
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.heap {
            Some(s) => s,
            // Checked to be UTF-8 when read.
            None => std::str::from_utf8(&self.inline[..self.len]).unwrap_or_default(),
        }
    }
}

impl TypeName for Text {
    fn type_name() -> &'static str {
        "String"
    }

    fn value_type() -> ValueType {
        ValueType::String
    }
}

impl ValidateNapiValue for Text {}

impl FromNapiValue for Text {
    unsafe fn from_napi_value(env: sys::napi_env, value: sys::napi_value) -> napi::Result<Self> {
        let mut text = Text {
            inline: [0; INLINE],
            len: 0,
            dirty: 0,
            heap: None,
            lone_surrogate: false,
        };
        let mut written = 0usize;
        // SAFETY: env and value come from napi-rs for this call; the buffer is
        // INLINE bytes long and napi writes at most INLINE - 1 bytes plus a NUL
        // (its contract for a non-null buffer of size INLINE).
        let status = unsafe {
            sys::napi_get_value_string_utf8(
                env,
                value,
                text.inline.as_mut_ptr().cast(),
                INLINE,
                &mut written,
            )
        };
        if status == sys::Status::napi_string_expected {
            return Err(not_a_string());
        }
        text.dirty = (written + 1).min(INLINE);
        if status == sys::Status::napi_ok
            && written <= SURELY_WHOLE
            && std::str::from_utf8(&text.inline[..written]).is_ok()
        {
            text.len = written;
        } else {
            // Possibly truncated, or not a string: napi-rs's conversion
            // reads the whole string, or reports the type error.
            // SAFETY: same env and value as above.
            text.heap =
                Some(unsafe { String::from_napi_value(env, value) }.map_err(|_| not_a_string())?);
        }
        if text.contains(char::REPLACEMENT_CHARACTER) {
            // SAFETY: same env and value as above.
            text.lone_surrogate = unsafe { has_lone_surrogate(env, value) };
        }
        Ok(text)
    }
}

impl Text {
    /// `true` when the JS string was not well-formed UTF-16 (a lone
    /// surrogate, which napi replaced by U+FFFD in this text).
    pub fn had_lone_surrogate(&self) -> bool {
        self.lone_surrogate
    }
}

/// Reads the string as UTF-16 (only when its UTF-8 form holds U+FFFD, which
/// is either a real U+FFFD or napi's replacement of a lone surrogate).
///
/// # Safety
/// `env` and `value` are those of the running call, `value` a string.
unsafe fn has_lone_surrogate(env: sys::napi_env, value: sys::napi_value) -> bool {
    let mut len = 0usize;
    // SAFETY: a null buffer asks for the length in UTF-16 code units.
    if unsafe { sys::napi_get_value_string_utf16(env, value, std::ptr::null_mut(), 0, &mut len) }
        != sys::Status::napi_ok
    {
        return false;
    }
    let mut units = vec![0u16; len + 1];
    let mut written = 0usize;
    // SAFETY: `units` has room for len units and the NUL.
    let status = unsafe {
        sys::napi_get_value_string_utf16(env, value, units.as_mut_ptr(), units.len(), &mut written)
    };
    status == sys::Status::napi_ok
        && char::decode_utf16(units[..written].iter().copied()).any(|c| c.is_err())
}
