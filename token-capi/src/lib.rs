//! # libagoratoken: the C ABI of agoratoken
//!
//! A thin translation layer over `token-core` (AccessToken2 "007" and
//! AccessToken "006"): every function checks its pointers, converts its
//! arguments, calls the core and turns its `Result` into an `int` status.
//! No token logic lives here.
//!
//! - `boundary`: the helpers every export runs through (panic guard,
//!   strings, output buffers, error reporting);
//! - `v006`: the 006 builder, helpers, parse and verify (NUL-terminated
//!   strings, this thread's last error), and `v006::sized`, their sized forms;
//! - `v007`: the 007 surface (generic builder, data form, parse, verify);
//! - here: what both share (status codes, verify results, names, version).
//!
//! Conventions (the contract is `docs/c-abi.md`; the header is generated from
//! these files by `make header`):
//! - every function returns `int`: 0 (`AGORA_TOKEN_OK`) or the negative code
//!   of an error category (`agora_token_status`);
//! - out-parameters are written only on success;
//! - a NULL pointer argument returns `AGORA_TOKEN_ERR_NULL_ARGUMENT`, unless
//!   the parameter is documented as nullable;
//! - a string argument that is not UTF-8 fails the check of its field;
//! - a failure sets this thread's `agora_token_last_error()` message
//!   (NUL-terminated calls) or the caller's `agora_token_error` (sized calls);
//! - no panic crosses the boundary: it becomes `AGORA_TOKEN_ERR_INTERNAL`.

#![allow(non_camel_case_types)]

use std::ffi::{c_char, c_int, CString};
use std::sync::OnceLock;

use token_core::{ErrorKind, VerifyResult};

mod boundary;
mod v006;
mod v007;

pub use boundary::{agora_token_error, agora_token_str};
use boundary::{run_str, run_void, static_c_names, LAST_ERROR, UNKNOWN};
pub use v006::sized::*;
pub use v006::*;
pub use v007::*;

/// Status codes returned by every function: 0, or the negative code of an
/// error category. The categories are the conformance vectors' (name from
/// `agora_token_error_name`). New codes are appended; none is renumbered.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token_status {
    /// Success.
    AGORA_TOKEN_OK = 0,
    /// `app_id`: not exactly 32 hexadecimal digits (also a token's app id field).
    AGORA_TOKEN_ERR_APP_ID = -1,
    /// `app_certificate`: not exactly 32 hexadecimal digits.
    AGORA_TOKEN_ERR_APP_CERTIFICATE = -2,
    /// `channel_name`: empty, longer than 64 bytes, or a character outside the documented set.
    AGORA_TOKEN_ERR_CHANNEL_NAME = -3,
    /// `user_account`: empty, longer than 255 bytes, or a character outside the documented set.
    AGORA_TOKEN_ERR_USER_ACCOUNT = -4,
    /// `uid`: a numeric uid outside 0..4294967295 (bindings with wider integers).
    AGORA_TOKEN_ERR_UID = -5,
    /// `version`: the token does not start with "006".
    AGORA_TOKEN_ERR_VERSION = -6,
    /// `base64`: the token content is not standard padded base64.
    AGORA_TOKEN_ERR_BASE64 = -7,
    /// `truncated`: the token ends before a length or field it announces.
    AGORA_TOKEN_ERR_TRUNCATED = -8,
    /// `trailing`: bytes are left over after the token content.
    AGORA_TOKEN_ERR_TRAILING = -9,
    /// `app_id_mismatch`: init_token_builder got a token of another app id.
    AGORA_TOKEN_ERR_APP_ID_MISMATCH = -10,
    /// `channel_mismatch`: init_token_builder got a token of another channel.
    AGORA_TOKEN_ERR_CHANNEL_MISMATCH = -11,
    /// `uid_mismatch`: init_token_builder got a token of another user.
    AGORA_TOKEN_ERR_UID_MISMATCH = -12,
    /// `privilege`: not a documented privilege id.
    AGORA_TOKEN_ERR_PRIVILEGE = -13,
    /// `role`: not a documented role.
    AGORA_TOKEN_ERR_ROLE = -14,
    /// `salt`: outside 0..4294967295 (bindings with wider integers).
    AGORA_TOKEN_ERR_SALT = -15,
    /// `ts`: outside 0..4294967295 (bindings with wider integers).
    AGORA_TOKEN_ERR_TS = -16,
    /// `expire_ts`: outside 0..4294967295 (bindings with wider integers).
    AGORA_TOKEN_ERR_EXPIRE_TS = -17,
    /// `null_argument`: a required pointer argument was NULL.
    AGORA_TOKEN_ERR_NULL_ARGUMENT = -18,
    /// `internal`: a bug (a caught panic). Never expected.
    AGORA_TOKEN_ERR_INTERNAL = -19,
    /// `buffer_too_small`: the caller's buffer of an `_into` function cannot
    /// hold the token and its NUL (the message names the bytes needed).
    AGORA_TOKEN_ERR_BUFFER_TOO_SMALL = -20,
    /// `zlib`: (007) the token's bytes are not exactly one valid zlib stream.
    AGORA_TOKEN_ERR_ZLIB = -21,
    /// `signature`: (007) the token's signature string is not 32 bytes.
    AGORA_TOKEN_ERR_SIGNATURE = -22,
    /// `no_service`: (007) no service, in the input or the token.
    AGORA_TOKEN_ERR_NO_SERVICE = -23,
    /// `service`: (007) a service type outside 1..10.
    AGORA_TOKEN_ERR_SERVICE = -24,
    /// `permission`: (007) a bad or repeated RTM2 resource or permission type.
    AGORA_TOKEN_ERR_PERMISSION = -25,
    /// `utf8`: (007) a string field of the token is not valid UTF-8.
    AGORA_TOKEN_ERR_UTF8 = -26,
    /// `user_id`: (007) a bad RTM, RTM2 or Chat user id.
    AGORA_TOKEN_ERR_USER_ID = -27,
    /// `room_uuid`: (007) an APaaS room uuid over 65535 bytes.
    AGORA_TOKEN_ERR_ROOM_UUID = -28,
    /// `user_uuid`: (007) an APaaS user uuid over 65535 bytes.
    AGORA_TOKEN_ERR_USER_UUID = -29,
    /// `issue_ts`: (007) issue_ts outside 0..4294967295.
    AGORA_TOKEN_ERR_ISSUE_TS = -30,
    /// `expire`: (007) the token expire outside 0..4294967295.
    AGORA_TOKEN_ERR_EXPIRE = -31,
    /// `random`: the operating system's random source failed, so no salt
    /// could be drawn. Nothing was built; a later call tries the source again.
    AGORA_TOKEN_ERR_RANDOM = -32,
    /// `too_long`: the token text is longer than the parsers accept.
    AGORA_TOKEN_ERR_TOO_LONG = -33,
    /// `now`: a verification time outside 0..4294967295.
    AGORA_TOKEN_ERR_NOW = -34,
}

/// Results of agora_token_verify (written to `result_out`): OK or the first
/// check that failed, in this order.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token_verify_result {
    /// Every check passed.
    AGORA_TOKEN_VERIFY_OK = 0,
    /// The token belongs to another app id (only checked when an app id is given).
    AGORA_TOKEN_VERIFY_APP_ID_MISMATCH = 1,
    /// The CRC32 of the channel name differs.
    AGORA_TOKEN_VERIFY_CHANNEL_MISMATCH = 2,
    /// The CRC32 of the uid string differs.
    AGORA_TOKEN_VERIFY_UID_MISMATCH = 3,
    /// The HMAC differs (another certificate, or a forged token).
    AGORA_TOKEN_VERIFY_SIGNATURE_MISMATCH = 4,
    /// `now` is past the token's ts.
    AGORA_TOKEN_VERIFY_EXPIRED = 5,
    /// `now` is past the join-channel privilege's non-zero expiry.
    AGORA_TOKEN_VERIFY_PRIVILEGE_EXPIRED = 6,
    /// 007 with an RTC check: the token has no RTC service.
    AGORA_TOKEN_VERIFY_SERVICE_MISSING = 7,
}

// ---------------------------------------------------------------------------
// Strings, errors, version.

/// Frees a string returned by this library (tokens). NULL is a no-op.
/// Never pass it to `free()`, and never pass other strings here.
///
/// # Safety
/// `s` is NULL or a string from this library not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    run_void(|| {
        // SAFETY: created by CString::into_raw in into_c_string, freed once per the contract.
        drop(unsafe { CString::from_raw(s) });
    });
}

/// This thread's last failure message ("" if none). Owned by the library:
/// valid until the next call into the library on this thread; never free it.
/// Messages name the field and never contain the app certificate.
#[unsafe(no_mangle)]
pub extern "C" fn agora_token_last_error() -> *const c_char {
    // No fallback message here: a panic's own message would be in LAST_ERROR.
    run_str(c"", || {
        LAST_ERROR
            .try_with(|cell| cell.try_borrow().map(|s| s.as_ptr()).unwrap_or(c"".as_ptr()))
            .unwrap_or(c"".as_ptr())
    })
}

/// The category name of a status ("channel_name" for -3), "ok" for 0,
/// "unknown" otherwise. Static: never free it.
#[unsafe(no_mangle)]
pub extern "C" fn agora_token_error_name(status: c_int) -> *const c_char {
    static NAMES: OnceLock<Vec<CString>> = OnceLock::new();
    run_str(UNKNOWN, || {
        if status == 0 {
            return c"ok".as_ptr();
        }
        let names = static_c_names(&NAMES, || ErrorKind::ALL.iter().map(|k| k.as_str()).collect());
        match ErrorKind::ALL.iter().position(|k| k.code() == status) {
            Some(i) => names[i].as_ptr(),
            None => UNKNOWN.as_ptr(),
        }
    })
}

/// The name of an agora_token_verify_result ("ok", "channel_mismatch", ...),
/// "unknown" otherwise. Static: never free it.
#[unsafe(no_mangle)]
pub extern "C" fn agora_token_verify_result_name(result: c_int) -> *const c_char {
    static NAMES: OnceLock<Vec<CString>> = OnceLock::new();
    run_str(UNKNOWN, || {
        let names = static_c_names(&NAMES, || VerifyResult::ALL.iter().map(|r| r.as_str()).collect());
        match VerifyResult::ALL.iter().position(|r| r.value() == result) {
            Some(i) => names[i].as_ptr(),
            None => UNKNOWN.as_ptr(),
        }
    })
}

/// Checks a value from a language with wider integers (PHP, a C `int64_t`)
/// against an unsigned 32-bit field, with token-core's message: `status` is
/// the field's category, AGORA_TOKEN_ERR_NOW (the message says when the value
/// looks like milliseconds), AGORA_TOKEN_ERR_UID (it says when a negative
/// value may be the signed view of an unsigned uid) or any other. On success
/// `*value_out` (when not NULL) is the value; an unknown `status` is
/// AGORA_TOKEN_ERR_NULL_ARGUMENT.
///
/// # Safety
/// `value_out` is NULL or writable; `error` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_check_u32(
    status: c_int,
    value: i64,
    value_out: *mut u32,
    error: *mut agora_token_error,
) -> c_int {
    // SAFETY: the caller's contract is this function's.
    unsafe { u32_out(status, value_out, error, |kind| token_core::validate::check_u32(kind, i128::from(value))) }
}

/// Checks a number from a language whose numbers are floating point (a PHP
/// float, a JavaScript number) for an unsigned 32-bit field: truncated
/// toward zero, as Agora's builders do (`3600.9` is 3600). NaN, infinities
/// and values outside 0..4294967295 after truncation fail with `status`
/// (the field's category; AGORA_TOKEN_ERR_NOW and AGORA_TOKEN_ERR_UID get
/// their hints, as in `agora_token_check_u32`). On success `*value_out`
/// (when not NULL) is the value; an unknown `status` is
/// AGORA_TOKEN_ERR_NULL_ARGUMENT.
///
/// # Safety
/// `value_out` is NULL or writable; `error` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_check_f64(
    status: c_int,
    value: f64,
    value_out: *mut u32,
    error: *mut agora_token_error,
) -> c_int {
    // SAFETY: the caller's contract is this function's.
    unsafe { u32_out(status, value_out, error, |kind| token_core::validate::check_u32_f64(kind, value)) }
}

/// Reads a numeric uid given as text (`$_GET['uid']`), as Agora's PHP and
/// Node.js builders accept one: canonical decimal only ("0", or digits
/// without a leading zero, up to 4294967295). Anything else ("007", " 7",
/// "1.0", "4294967296") is AGORA_TOKEN_ERR_UID, whose message says to pass
/// an account to the account builder. On success `*uid_out` (when not
/// NULL) is the uid.
///
/// # Safety
/// `text` is NULL or valid for `text_len` bytes; `uid_out` and `error` are
/// NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_uid_from_decimal(
    text: *const c_char,
    text_len: usize,
    uid_out: *mut u32,
    error: *mut agora_token_error,
) -> c_int {
    // SAFETY: the caller's contract is agora_token_u32_from_decimal's.
    unsafe { agora_token_u32_from_decimal(ErrorKind::Uid.code(), text, text_len, uid_out, error) }
}

/// Reads a number for an unsigned 32-bit field given as text
/// (`$_GET['expire']`), as Agora's PHP and Node.js builders take one:
/// canonical decimal only ("0", or digits without a leading zero, up to
/// 4294967295); anything else fails with `status` (the field's category;
/// AGORA_TOKEN_ERR_UID gives `agora_token_uid_from_decimal`'s message). On
/// success `*value_out` (when not NULL) is the value; an unknown `status`
/// is AGORA_TOKEN_ERR_NULL_ARGUMENT.
///
/// # Safety
/// `text` is NULL or valid for `text_len` bytes; `value_out` and `error`
/// are NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_u32_from_decimal(
    status: c_int,
    text: *const c_char,
    text_len: usize,
    value_out: *mut u32,
    error: *mut agora_token_error,
) -> c_int {
    // SAFETY: the caller's contract is this function's.
    unsafe {
        u32_out(status, value_out, error, |kind| {
            let text = boundary::text_in(text, text_len, kind)?;
            token_core::validate::u32_from_decimal(kind, text.as_str())
        })
    }
}

/// The library version ("0.1.0"), the workspace version. Static: never free it.
#[unsafe(no_mangle)]
pub extern "C" fn agora_token_version() -> *const c_char {
    static VERSION: OnceLock<CString> = OnceLock::new();
    run_str(c"", || VERSION.get_or_init(|| CString::new(token_core::version()).unwrap_or_default()).as_ptr())
}

/// The shared body of the `agora_token_check_*` and `*_from_decimal` calls:
/// `status` names the field's category (an unknown one is
/// AGORA_TOKEN_ERR_NULL_ARGUMENT), `check` reads the value under it, and
/// `*value_out` (when not NULL) gets it on success.
///
/// # Safety
/// `value_out` and `error` are NULL or writable; `check`'s reads are valid.
unsafe fn u32_out(
    status: c_int,
    value_out: *mut u32,
    error: *mut agora_token_error,
    check: impl FnOnce(ErrorKind) -> Result<u32, token_core::TokenError>,
) -> c_int {
    boundary::run_sized(error, || {
        let kind = ErrorKind::from_code(status).ok_or_else(|| {
            token_core::TokenError::new(ErrorKind::NullArgument, format!("status: {status} is not an error category"))
        })?;
        let value = check(kind)?;
        if !value_out.is_null() {
            // SAFETY: non-NULL and writable per the contract.
            unsafe { boundary::put(value_out, value) };
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests;
