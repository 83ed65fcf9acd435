//! The boundary helpers of the sized calls (the 007 functions and the 006
//! `agora_token006_*` functions): strings come in as (pointer, length), a
//! result goes into the caller's buffer, a failure into the caller's
//! `agora_token_error`. No thread-local state: a binding reads the reason
//! from the object it passed, on any thread.

use std::ffi::{c_char, c_int};
use std::panic::{self, AssertUnwindSafe};
use std::ptr;

use token_core::{ErrorKind, TokenError};

use crate::{drop_payload, null_error, StrArg, PANIC_MESSAGE};

/// A string lent as (pointer, length): UTF-8 text, not NUL-terminated. A
/// NULL `ptr` with `len` 0 is the empty string where a string is required,
/// and "absent" where a field is documented as optional.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct agora_token_str {
    /// The first byte (NULL only with `len` 0).
    pub ptr: *const c_char,
    /// The length in bytes.
    pub len: usize,
}

impl agora_token_str {
    /// A view of a string that lives as long as the library (names, parsed
    /// tokens). An empty one points at a static NUL, never at the dangling
    /// address of an empty Rust string, which a caller might still read.
    pub(crate) fn of(s: &str) -> agora_token_str {
        let ptr = if s.is_empty() { c"".as_ptr() } else { s.as_ptr().cast() };
        agora_token_str { ptr, len: s.len() }
    }

    /// The absent string.
    pub(crate) const NONE: agora_token_str = agora_token_str { ptr: ptr::null(), len: 0 };
}

/// Bytes of message an `agora_token_error` holds, its NUL included (the
/// header spells the number: PHP's FFI reads no `#define`).
pub(crate) const AGORA_TOKEN_ERROR_MESSAGE_CAP: usize = 256;

/// The caller's error object of the sized calls: written on failure only,
/// never on success. Messages name the field and never contain the app
/// certificate; one longer than the buffer is cut at a character boundary.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct agora_token_error {
    /// The status the call returned (an agora_token_status).
    pub code: i32,
    /// The message's length in bytes, without its NUL (at most 255).
    pub len: u32,
    /// AGORA_TOKEN_ERR_BUFFER_TOO_SMALL: the bytes the output took (0
    /// otherwise). A token built again draws a new salt and time and can
    /// need a few bytes more: retry with some slack.
    pub needed: usize,
    /// The message: `len` bytes of UTF-8, then a NUL.
    pub message: [c_char; 256],
}

/// A failure of a sized call: its error, and for `buffer_too_small` the bytes needed.
pub(crate) struct Failure {
    pub(crate) error: TokenError,
    pub(crate) needed: usize,
}

impl From<TokenError> for Failure {
    fn from(error: TokenError) -> Failure {
        Failure { error, needed: 0 }
    }
}

/// Runs the body of a sized call: catches panics, writes a failure into
/// `error` (when not NULL), returns the status.
pub(crate) fn run_sized(error: *mut agora_token_error, body: impl FnOnce() -> Result<(), Failure>) -> c_int {
    let failure = match panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return 0,
        Ok(Err(failure)) => failure,
        Err(payload) => {
            drop_payload(payload);
            Failure::from(TokenError::new(ErrorKind::Internal, PANIC_MESSAGE))
        }
    };
    let code = failure.error.code();
    if !error.is_null() {
        // SAFETY: a non-NULL error object is writable per every caller's contract.
        unsafe { write_error(&mut *error, &failure) };
    }
    code
}

fn write_error(out: &mut agora_token_error, failure: &Failure) {
    let message = failure.error.message();
    let mut n = message.len().min(AGORA_TOKEN_ERROR_MESSAGE_CAP - 1);
    while !message.is_char_boundary(n) {
        n -= 1;
    }
    for (dst, &src) in out.message.iter_mut().zip(&message.as_bytes()[..n]) {
        *dst = src as c_char;
    }
    out.message[n] = 0;
    out.code = failure.error.code();
    out.len = n as u32;
    out.needed = failure.needed;
}

/// The bytes of a sized string argument. NULL is the empty string with
/// length 0, and `null_argument` (naming `field`) otherwise.
///
/// # Safety
/// `ptr` is NULL or valid for `len` bytes for `'a`.
pub(crate) unsafe fn bytes_in<'a>(ptr: *const c_char, len: usize, field: &str) -> Result<&'a [u8], TokenError> {
    if ptr.is_null() {
        return if len == 0 { Ok(&[]) } else { Err(null_error(field)) };
    }
    // SAFETY: non-NULL and valid for len bytes per the caller's contract.
    Ok(unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) })
}

/// A sized string argument on its way to token-core, checked by `kind`'s
/// rules (see [`StrArg`]: text that is not UTF-8 goes on as a lossy copy
/// and is named by `crate::utf8_checked`).
///
/// # Safety
/// As [`bytes_in`].
pub(crate) unsafe fn text_in<'a>(ptr: *const c_char, len: usize, kind: ErrorKind) -> Result<StrArg<'a>, TokenError> {
    // SAFETY: forwarded caller contract.
    let bytes = unsafe { bytes_in(ptr, len, kind.as_str()) }?;
    Ok(StrArg::from_bytes(bytes, kind))
}

/// An `agora_token_str` field: `None` when its pointer is NULL.
///
/// # Safety
/// `s.ptr` is NULL or valid for `s.len` bytes for `'a`.
pub(crate) unsafe fn opt_text_in<'a>(s: &agora_token_str, kind: ErrorKind) -> Result<Option<StrArg<'a>>, TokenError> {
    if s.ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: forwarded caller contract.
    unsafe { text_in(s.ptr, s.len, kind) }.map(Some)
}

/// A slice lent as (pointer, count); NULL is empty with count 0 and
/// `null_argument` otherwise.
///
/// # Safety
/// `ptr` is NULL or valid for `count` elements for `'a`.
pub(crate) unsafe fn slice_in<'a, T>(ptr: *const T, count: usize, field: &str) -> Result<&'a [T], TokenError> {
    if ptr.is_null() {
        return if count == 0 { Ok(&[]) } else { Err(null_error(field)) };
    }
    // SAFETY: non-NULL and valid for count elements per the caller's contract.
    Ok(unsafe { std::slice::from_raw_parts(ptr, count) })
}

/// The caller's output buffer of a sized call, its NULL checks done.
#[derive(Clone, Copy)]
pub(crate) struct SizedOut {
    out: *mut c_char,
    cap: usize,
    len_out: *mut usize,
}

impl SizedOut {
    /// `out` may be NULL only with `out_cap` 0 (a size query: the call then
    /// fails with `buffer_too_small` and the bytes needed); `out_len` is required.
    pub(crate) fn new(out: *mut c_char, out_cap: usize, out_len: *mut usize) -> Result<SizedOut, TokenError> {
        if out.is_null() && out_cap > 0 {
            return Err(null_error("out"));
        }
        if out_len.is_null() {
            return Err(null_error("out_len"));
        }
        Ok(SizedOut { out, cap: out_cap, len_out: out_len })
    }

    /// Copies `data` (no NUL is added) and its length; `buffer_too_small`
    /// with the bytes needed when it does not fit, writing nothing.
    ///
    /// # Safety
    /// `out` is writable for `cap` bytes and `len_out` writable, as `new` was given them.
    pub(crate) unsafe fn write(self, data: &[u8]) -> Result<(), Failure> {
        if data.len() > self.cap {
            return Err(Failure {
                error: TokenError::new(
                    ErrorKind::BufferTooSmall,
                    format!("buffer_too_small: out needs {} bytes, out_cap is {}", data.len(), self.cap),
                ),
                needed: data.len(),
            });
        }
        // SAFETY: out holds cap >= data.len() bytes (non-NULL when data is
        // not empty) and cannot overlap the library's own buffers.
        unsafe {
            if !data.is_empty() {
                ptr::copy_nonoverlapping(data.as_ptr(), self.out.cast::<u8>(), data.len());
            }
            self.len_out.write(data.len());
        }
        Ok(())
    }
}

/// Writes a checked out-parameter of a sized call.
///
/// # Safety
/// `out` is non-NULL and writable.
pub(crate) unsafe fn put<T>(out: *mut T, value: T) {
    // SAFETY: per the caller's contract.
    unsafe { out.write(value) }
}

/// A required out-parameter pointer.
pub(crate) fn out_param<T>(p: *mut T, field: &str) -> Result<*mut T, TokenError> {
    if p.is_null() {
        Err(null_error(field))
    } else {
        Ok(p)
    }
}
