//! The boundary helpers, shared by the 006 and 007 exports: the panic guard,
//! argument conversion (C strings and sized strings), where results go (a
//! library string, the caller's buffer, this thread's token buffer), and how
//! failures are reported (this thread's last error for the NUL-terminated
//! calls; the caller's `agora_token_error` for the sized ones).
//!
//! The sized calls (every 007 function and the 006 `agora_token006_*` forms)
//! take strings as (pointer, length), write a result into the caller's
//! buffer and a failure into the caller's error object: no thread-local
//! state, so a binding reads the reason from the object it passed, on any
//! thread.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ffi::{c_char, c_int, CStr, CString};
use std::panic::{self, AssertUnwindSafe};
use std::ptr;
use std::sync::OnceLock;

use token_core::{ErrorKind, TokenError};
use zeroize::Zeroize as _;

// ---------------------------------------------------------------------------
// The last error, the panic guard, argument conversion (NUL-terminated calls).

thread_local! {
    pub(crate) static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

pub(crate) const PANIC_MESSAGE: &str = "internal: an unexpected failure was caught (a bug in libagoratoken)";

pub(crate) fn set_last_error(message: &str) {
    let text = CString::new(message.replace('\0', "\\0")).unwrap_or_default();
    let _ = LAST_ERROR.try_with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = text;
        }
    });
}

/// Runs an export body: catches panics, records the error message, returns the status.
pub(crate) fn run(body: impl FnOnce() -> Result<(), TokenError>) -> c_int {
    match panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => 0,
        Ok(Err(e)) => {
            set_last_error(e.message());
            e.code()
        }
        Err(payload) => {
            drop_payload(payload);
            set_last_error(PANIC_MESSAGE);
            ErrorKind::Internal.code()
        }
    }
}

/// Runs a getter that returns a static or thread-local string: a panic gives
/// `fallback` (and sets the last error) instead of crossing the boundary.
pub(crate) fn run_str(fallback: &'static CStr, body: impl FnOnce() -> *const c_char) -> *const c_char {
    match panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(p) => p,
        Err(payload) => {
            drop_payload(payload);
            set_last_error(PANIC_MESSAGE);
            fallback.as_ptr()
        }
    }
}

/// Runs a body that returns nothing (the free functions): a panic is swallowed.
pub(crate) fn run_void(body: impl FnOnce()) {
    if let Err(payload) = panic::catch_unwind(AssertUnwindSafe(body)) {
        drop_payload(payload);
        set_last_error(PANIC_MESSAGE);
    }
}

/// Drops a caught panic's payload without letting a panic in its `Drop`
/// escape the boundary: such a payload is leaked instead.
pub(crate) fn drop_payload(payload: Box<dyn std::any::Any + Send>) {
    if let Err(again) = panic::catch_unwind(AssertUnwindSafe(move || drop(payload))) {
        std::mem::forget(again);
    }
}

pub(crate) fn null_error(field: &str) -> TokenError {
    TokenError::new(ErrorKind::NullArgument, format!("null_argument: {field} is NULL"))
}

pub(crate) fn non_null<T>(p: *const T, field: &str) -> Result<(), TokenError> {
    if p.is_null() {
        Err(null_error(field))
    } else {
        Ok(())
    }
}

/// A string argument on its way to token-core; NULL is `null_argument`.
///
/// Text that is not UTF-8 goes on as a lossy copy: U+FFFD fails every field's
/// check, so token-core still reports the first bad field in its own order
/// ("Checks, in order: app id, app certificate, ..."), and [`utf8_checked`]
/// then names the real reason. No `Debug`: it may hold the certificate.
pub(crate) struct StrArg<'a> {
    pub(crate) text: Cow<'a, str>,
    kind: ErrorKind,
}

/// A lossy copy may be the certificate's text: it is zeroed when dropped.
impl Drop for StrArg<'_> {
    fn drop(&mut self) {
        self.wipe();
    }
}

impl StrArg<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    pub(crate) fn is_utf8(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// Zeroes a lossy copy (its whole capacity); a borrowed text is the caller's.
    pub(crate) fn wipe(&mut self) {
        if let Cow::Owned(copy) = &mut self.text {
            copy.zeroize();
        }
    }

    pub(crate) fn utf8_error(&self) -> TokenError {
        TokenError::new(self.kind, format!("{}: is not valid UTF-8", self.kind.as_str()))
    }

    /// The argument for `bytes`, checked by `kind`'s rules (a lossy copy when not UTF-8).
    pub(crate) fn from_bytes(bytes: &[u8], kind: ErrorKind) -> StrArg<'_> {
        // from_utf8 first: the usual, valid case stays on its fast path.
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            // from_utf8_lossy borrows nothing here (the bytes are not UTF-8): its
            // one allocation is the copy, zeroed by StrArg's Drop.
            Err(_) => Cow::Owned(String::from_utf8_lossy(bytes).into_owned()),
        };
        StrArg { text, kind }
    }
}

/// # Safety
/// `p` is NULL or a NUL-terminated string valid for `'a`.
pub(crate) unsafe fn str_arg<'a>(p: *const c_char, kind: ErrorKind) -> Result<StrArg<'a>, TokenError> {
    if p.is_null() {
        return Err(null_error(kind.as_str()));
    }
    // SAFETY: non-NULL and NUL-terminated per the caller's contract.
    let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
    Ok(StrArg::from_bytes(bytes, kind))
}

/// token-core's `result` over `args`: an argument that was not UTF-8 fails
/// its field's check where token-core failed that field, or, for a field
/// token-core does not check (verify's channel and user), once token-core's
/// own checks have passed. A result computed from a lossy copy is never kept.
pub(crate) fn utf8_checked<T>(result: Result<T, TokenError>, args: &[Option<&StrArg<'_>>]) -> Result<T, TokenError> {
    let mut lossy = args.iter().flatten().filter(|a| !a.is_utf8());
    let Some(first) = lossy.next() else { return result };
    match result {
        Ok(_) => Err(first.utf8_error()),
        Err(e) => match std::iter::once(first).chain(lossy).find(|a| a.kind == e.kind()) {
            Some(arg) => Err(arg.utf8_error()),
            None => Err(e),
        },
    }
}

/// A borrowed byte-string argument (tokens: the parser reports the category).
///
/// # Safety
/// `p` is NULL or a NUL-terminated string valid for `'a`.
pub(crate) unsafe fn bytes_arg<'a>(p: *const c_char, field: &str) -> Result<&'a [u8], TokenError> {
    if p.is_null() {
        return Err(null_error(field));
    }
    // SAFETY: non-NULL and NUL-terminated per the caller's contract.
    Ok(unsafe { CStr::from_ptr(p) }.to_bytes())
}

pub(crate) fn nul_in_result() -> TokenError {
    TokenError::new(ErrorKind::Internal, "internal: a result held a NUL byte")
}

/// Hands a string to the caller (freed with `agora_token_string_free`).
pub(crate) fn into_c_string(s: String) -> Result<*mut c_char, TokenError> {
    CString::new(s).map(CString::into_raw).map_err(|_| nul_in_result())
}

thread_local! {
    /// Every token of this thread is built here first, so that building
    /// allocates nothing once the buffer has grown to a token's size.
    pub(crate) static TOKEN_BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// What this thread's token buffer keeps between calls: any usual token fits
/// (under 256 bytes), and a huge one (a parsed token may carry 65536
/// privileges) does not pin its memory to the thread.
pub(crate) const TOKEN_BUF_KEEP: usize = 1024;

/// Runs `f` on this thread's token buffer, emptied; on a fresh buffer when
/// that one is unavailable (the thread is exiting).
pub(crate) fn with_token_buf<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    let mut f = Some(f);
    let kept = TOKEN_BUF.try_with(|cell| {
        let mut buf = cell.try_borrow_mut().ok()?;
        buf.clear();
        let result = f.take().map(|f| f(&mut buf));
        if buf.capacity() > TOKEN_BUF_KEEP {
            *buf = Vec::new();
        }
        result
    });
    match (kept, f) {
        (Ok(Some(result)), _) => result,
        (_, Some(f)) => f(&mut Vec::new()),
        (_, None) => unreachable!("f ran and returned a result"),
    }
}

/// Where a built token goes.
#[derive(Clone, Copy)]
pub(crate) enum TokenOut {
    /// A new library string in `*token_out`, freed with `agora_token_string_free`.
    Owned(*mut *mut c_char),
    /// The caller's `buf` of `buf_len` bytes: the token and a NUL, its length in `*token_len_out`.
    Buffer { buf: *mut c_char, buf_len: usize, token_len_out: *mut usize },
}

impl TokenOut {
    /// The NULL checks of the out-parameters (where each function checks them).
    pub(crate) fn check(self) -> Result<Self, TokenError> {
        match self {
            TokenOut::Owned(token_out) => non_null(token_out, "token_out")?,
            TokenOut::Buffer { buf, token_len_out, .. } => {
                non_null(buf, "buf")?;
                non_null(token_len_out, "token_len_out")?;
            }
        }
        Ok(self)
    }

    /// Builds a token with `build` (which appends it to the buffer it is
    /// given) and hands it over. Nothing is written on failure.
    ///
    /// # Safety
    /// Checked with [`check`](Self::check); the pointers are writable, `buf`
    /// for `buf_len` bytes.
    pub(crate) unsafe fn write(
        self,
        build: impl FnOnce(&mut Vec<u8>) -> Result<(), TokenError>,
    ) -> Result<(), TokenError> {
        with_token_buf(|token| {
            build(token)?;
            match self {
                TokenOut::Owned(token_out) => {
                    // Exactly the token and its NUL: one allocation, which
                    // into_raw keeps as it is.
                    let mut owned = Vec::with_capacity(token.len() + 1);
                    owned.extend_from_slice(token);
                    owned.push(0);
                    let owned = CString::from_vec_with_nul(owned).map_err(|_| nul_in_result())?;
                    // SAFETY: checked non-NULL.
                    unsafe { write_out(token_out, owned.into_raw()) };
                }
                TokenOut::Buffer { buf, buf_len, token_len_out } => {
                    let needed = token.len() + 1;
                    if buf_len < needed {
                        return Err(TokenError::new(
                            ErrorKind::BufferTooSmall,
                            format!("buffer_too_small: buf needs {needed} bytes (the token and its NUL), buf_len is {buf_len}"),
                        ));
                    }
                    // SAFETY: buf is writable for buf_len >= needed bytes, and
                    // cannot overlap this thread's buffer.
                    unsafe {
                        ptr::copy_nonoverlapping(token.as_ptr(), buf.cast::<u8>(), token.len());
                        buf.add(token.len()).write(0);
                        write_out(token_len_out, token.len());
                    }
                }
            }
            Ok(())
        })
    }
}

/// # Safety
/// `out` is NULL or valid for writes.
pub(crate) unsafe fn write_out<T>(out: *mut T, value: T) {
    // SAFETY: checked non-NULL by every caller before the work is done.
    unsafe { out.write(value) }
}

/// Static NUL-terminated copies of names that token-core owns.
pub(crate) fn static_c_names(
    cell: &'static OnceLock<Vec<CString>>,
    names: impl FnOnce() -> Vec<&'static str>,
) -> &'static [CString] {
    cell.get_or_init(|| names().into_iter().map(|n| CString::new(n).unwrap_or_default()).collect())
}

pub(crate) const UNKNOWN: &CStr = c"unknown";

// ---------------------------------------------------------------------------
// The sized calls.

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

/// The app id and certificate of a sized call, each checked by its field's rules.
///
/// # Safety
/// Each pointer is NULL or valid for its length for `'a`.
pub(crate) unsafe fn credentials_in<'a>(
    app_id: *const c_char,
    app_id_len: usize,
    app_certificate: *const c_char,
    app_certificate_len: usize,
) -> Result<(StrArg<'a>, StrArg<'a>), TokenError> {
    // SAFETY: forwarded caller contract.
    let app_id = unsafe { text_in(app_id, app_id_len, ErrorKind::AppId) }?;
    let app_certificate = unsafe { text_in(app_certificate, app_certificate_len, ErrorKind::AppCertificate) }?;
    Ok((app_id, app_certificate))
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

    /// Builds a token with `build` (which appends it to the buffer it is
    /// given: this thread's token buffer) and copies it out. Nothing is
    /// written on failure.
    pub(crate) fn build(self, build: impl FnOnce(&mut Vec<u8>) -> Result<(), TokenError>) -> Result<(), Failure> {
        with_token_buf(|buf| {
            build(buf)?;
            // SAFETY: checked by SizedOut::new, as every SizedOut is.
            unsafe { self.write(buf) }
        })
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

/// Frees, once, what an export handed out as `Box<B>` cast to `*mut P` (`P`
/// the first field of the `repr(C)` `B`). NULL is a no-op.
///
/// # Safety
/// `p` is NULL or such a pointer, not freed yet.
pub(crate) unsafe fn free_boxed<P, B>(p: *mut P) {
    if p.is_null() {
        return;
    }
    run_void(|| {
        // SAFETY: per the caller's contract.
        drop(unsafe { Box::from_raw(p.cast::<B>()) });
    });
}
