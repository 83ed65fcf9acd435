//! # libagoratoken: the C ABI of agoratoken
//!
//! A thin translation layer over `token-core` (AccessToken "006"): every
//! function checks its pointers, converts C strings, calls the core and turns
//! its `Result` into an `int` status. No token logic lives here.
//!
//! Conventions (the contract is `docs/c-abi.md`; the header is generated from
//! this file by `make header`):
//! - every function returns `int`: 0 (`AGORA_TOKEN_OK`) or the negative code
//!   of an error category (`agora_token_status`);
//! - out-parameters are written only on success;
//! - a NULL pointer argument returns `AGORA_TOKEN_ERR_NULL_ARGUMENT`, unless
//!   the parameter is documented as nullable;
//! - a string argument that is not UTF-8 fails the check of its field;
//! - every failure sets this thread's `agora_token_last_error()` message;
//! - no panic crosses the boundary: it becomes `AGORA_TOKEN_ERR_INTERNAL`.

#![allow(non_camel_case_types)]

use std::borrow::Cow;
use std::cell::RefCell;
use std::ffi::{c_char, c_int, CStr, CString};
use std::panic::{self, AssertUnwindSafe};
use std::ptr;
use std::sync::OnceLock;

use zeroize::Zeroize as _;

use token_core::{
    parse, verify, ErrorKind, Expected, Privilege, RtcTokenBuilder, RtmRole, RtmTokenBuilder, SimpleTokenBuilder,
    TokenError, UserId, VerifyResult,
};

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

/// Privilege ids (the `privilege` argument of set/remove_privilege).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token_privilege_id {
    /// kJoinChannel
    AGORA_TOKEN_PRIVILEGE_JOIN_CHANNEL = 1,
    /// kPublishAudioStream
    AGORA_TOKEN_PRIVILEGE_PUBLISH_AUDIO_STREAM = 2,
    /// kPublishVideoStream
    AGORA_TOKEN_PRIVILEGE_PUBLISH_VIDEO_STREAM = 3,
    /// kPublishDataStream
    AGORA_TOKEN_PRIVILEGE_PUBLISH_DATA_STREAM = 4,
    /// kPublishAudioCdn
    AGORA_TOKEN_PRIVILEGE_PUBLISH_AUDIO_CDN = 5,
    /// kPublishVideoCdn
    AGORA_TOKEN_PRIVILEGE_PUBLISH_VIDEO_CDN = 6,
    /// kRequestPublishAudioStream
    AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_AUDIO_STREAM = 7,
    /// kRequestPublishVideoStream
    AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_VIDEO_STREAM = 8,
    /// kRequestPublishDataStream
    AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_DATA_STREAM = 9,
    /// kInvitePublishAudioStream
    AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_AUDIO_STREAM = 10,
    /// kInvitePublishVideoStream
    AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_VIDEO_STREAM = 11,
    /// kInvitePublishDataStream
    AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_DATA_STREAM = 12,
    /// kAdministrateChannel
    AGORA_TOKEN_PRIVILEGE_ADMINISTRATE_CHANNEL = 101,
    /// kRtmLogin
    AGORA_TOKEN_PRIVILEGE_RTM_LOGIN = 1000,
}

/// RTC roles (the `role` argument of init_privileges and the RTC helpers).
/// Attendee, Publisher and Admin get JoinChannel and Publish{Audio,Video,Data}Stream;
/// Subscriber gets JoinChannel only.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token_role {
    /// kRoleAttendee
    AGORA_TOKEN_ROLE_ATTENDEE = 0,
    /// kRolePublisher
    AGORA_TOKEN_ROLE_PUBLISHER = 1,
    /// kRoleSubscriber
    AGORA_TOKEN_ROLE_SUBSCRIBER = 2,
    /// kRoleAdmin
    AGORA_TOKEN_ROLE_ADMIN = 101,
}

/// RTM roles (the `role` argument of agora_rtm_token_builder_build_token).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token_rtm_role {
    /// Rtm_User
    AGORA_TOKEN_RTM_ROLE_USER = 1,
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

/// An opaque builder of AccessToken 006 tokens for one app, channel and user.
/// Created by `agora_token_builder_new_*`, freed by `agora_token_builder_free`.
/// Functions taking a `const agora_token_builder *` only read it; a builder
/// must not be modified by two threads at once.
#[derive(Debug)]
pub struct agora_token_builder {
    inner: SimpleTokenBuilder,
}

/// One privilege of a parsed token.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct agora_token_privilege {
    /// The privilege id (an agora_token_privilege_id, or an id no builder defines).
    pub id: u16,
    /// Its expiry in Unix seconds; 0 means never.
    pub expire_ts: u32,
}

/// Every field of a parsed token. Owned by the library: free it with
/// `agora_token_info_free`; the `signature` and `privileges` arrays live as
/// long as the struct.
#[repr(C)]
#[derive(Debug)]
pub struct agora_token_info {
    /// The 32-character app id, NUL-terminated.
    pub app_id: [c_char; 33],
    /// The signature bytes (32 for a well-formed token); NULL when empty.
    pub signature: *const u8,
    /// The number of signature bytes.
    pub signature_len: usize,
    /// CRC32 (IEEE) of the channel name.
    pub crc_channel_name: u32,
    /// CRC32 (IEEE) of the uid string.
    pub crc_uid: u32,
    /// The salt.
    pub salt: u32,
    /// The token's expiry, in Unix seconds.
    pub ts: u32,
    /// The privileges, sorted by id; NULL when there are none.
    pub privileges: *const agora_token_privilege,
    /// The number of privileges.
    pub privilege_count: usize,
}

/// What `agora_token_parse` allocates: the public struct first, then the
/// storage its pointers refer to.
#[repr(C)]
struct InfoBox {
    info: agora_token_info,
    signature: Box<[u8]>,
    privileges: Box<[agora_token_privilege]>,
}

// ---------------------------------------------------------------------------
// Helpers: the last error, the panic guard, argument conversion.

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

const PANIC_MESSAGE: &str = "internal: an unexpected failure was caught (a bug in libagoratoken)";

fn set_last_error(message: &str) {
    let text = CString::new(message.replace('\0', "\\0")).unwrap_or_default();
    let _ = LAST_ERROR.try_with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = text;
        }
    });
}

/// Runs an export body: catches panics, records the error message, returns the status.
fn run(body: impl FnOnce() -> Result<(), TokenError>) -> c_int {
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
fn run_str(fallback: &'static CStr, body: impl FnOnce() -> *const c_char) -> *const c_char {
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
fn run_void(body: impl FnOnce()) {
    if let Err(payload) = panic::catch_unwind(AssertUnwindSafe(body)) {
        drop_payload(payload);
        set_last_error(PANIC_MESSAGE);
    }
}

/// Drops a caught panic's payload without letting a panic in its `Drop`
/// escape the boundary: such a payload is leaked instead.
fn drop_payload(payload: Box<dyn std::any::Any + Send>) {
    if let Err(again) = panic::catch_unwind(AssertUnwindSafe(move || drop(payload))) {
        std::mem::forget(again);
    }
}

fn null_error(field: &str) -> TokenError {
    TokenError::new(ErrorKind::NullArgument, format!("null_argument: {field} is NULL"))
}

fn non_null<T>(p: *const T, field: &str) -> Result<(), TokenError> {
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
struct StrArg<'a> {
    text: Cow<'a, str>,
    kind: ErrorKind,
}

/// A lossy copy may be the certificate's text: it is zeroed when dropped.
impl Drop for StrArg<'_> {
    fn drop(&mut self) {
        self.wipe();
    }
}

impl StrArg<'_> {
    fn as_str(&self) -> &str {
        &self.text
    }

    fn is_utf8(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// Zeroes a lossy copy (its whole capacity); a borrowed text is the caller's.
    fn wipe(&mut self) {
        if let Cow::Owned(copy) = &mut self.text {
            copy.zeroize();
        }
    }

    fn utf8_error(&self) -> TokenError {
        TokenError::new(self.kind, format!("{}: is not valid UTF-8", self.kind.as_str()))
    }

    /// The argument for `bytes`, checked by `kind`'s rules (a lossy copy when not UTF-8).
    fn from_bytes(bytes: &[u8], kind: ErrorKind) -> StrArg<'_> {
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
unsafe fn str_arg<'a>(p: *const c_char, kind: ErrorKind) -> Result<StrArg<'a>, TokenError> {
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
fn utf8_checked<T>(result: Result<T, TokenError>, args: &[Option<&StrArg<'_>>]) -> Result<T, TokenError> {
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
unsafe fn bytes_arg<'a>(p: *const c_char, field: &str) -> Result<&'a [u8], TokenError> {
    if p.is_null() {
        return Err(null_error(field));
    }
    // SAFETY: non-NULL and NUL-terminated per the caller's contract.
    Ok(unsafe { CStr::from_ptr(p) }.to_bytes())
}

fn nul_in_result() -> TokenError {
    TokenError::new(ErrorKind::Internal, "internal: a result held a NUL byte")
}

/// Hands a string to the caller (freed with `agora_token_string_free`).
fn into_c_string(s: String) -> Result<*mut c_char, TokenError> {
    CString::new(s).map(CString::into_raw).map_err(|_| nul_in_result())
}

thread_local! {
    /// Every token of this thread is built here first, so that building
    /// allocates nothing once the buffer has grown to a token's size.
    static TOKEN_BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// What this thread's token buffer keeps between calls: any usual token fits
/// (under 256 bytes), and a huge one (a parsed token may carry 65536
/// privileges) does not pin its memory to the thread.
const TOKEN_BUF_KEEP: usize = 1024;

/// Runs `f` on this thread's token buffer, emptied; on a fresh buffer when
/// that one is unavailable (the thread is exiting).
fn with_token_buf<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
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
enum TokenOut {
    /// A new library string in `*token_out`, freed with `agora_token_string_free`.
    Owned(*mut *mut c_char),
    /// The caller's `buf` of `buf_len` bytes: the token and a NUL, its length in `*token_len_out`.
    Buffer { buf: *mut c_char, buf_len: usize, token_len_out: *mut usize },
}

impl TokenOut {
    /// The NULL checks of the out-parameters (where each function checks them).
    fn check(self) -> Result<Self, TokenError> {
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
    unsafe fn write(self, build: impl FnOnce(&mut Vec<u8>) -> Result<(), TokenError>) -> Result<(), TokenError> {
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
unsafe fn write_out<T>(out: *mut T, value: T) {
    // SAFETY: checked non-NULL by every caller before the work is done.
    unsafe { out.write(value) }
}

/// # Safety
/// `builder` is NULL or a live builder from `agora_token_builder_new_*`.
unsafe fn builder_ref<'a>(builder: *const agora_token_builder) -> Result<&'a SimpleTokenBuilder, TokenError> {
    non_null(builder, "builder")?;
    // SAFETY: non-NULL and live per the caller's contract.
    Ok(unsafe { &(*builder).inner })
}

/// # Safety
/// `builder` is NULL or a live builder, used by one thread at a time.
unsafe fn builder_mut<'a>(builder: *mut agora_token_builder) -> Result<&'a mut SimpleTokenBuilder, TokenError> {
    non_null(builder, "builder")?;
    // SAFETY: non-NULL, live and not shared mutably per the caller's contract.
    Ok(unsafe { &mut (*builder).inner })
}

fn privilege_arg(privilege: c_int) -> Result<Privilege, TokenError> {
    Privilege::try_from_id(i64::from(privilege))
}

fn role_arg(role: c_int) -> Result<token_core::Role, TokenError> {
    token_core::Role::try_from_value(i64::from(role))
}

/// Static NUL-terminated copies of names that token-core owns.
fn static_c_names(cell: &'static OnceLock<Vec<CString>>, names: impl FnOnce() -> Vec<&'static str>) -> &'static [CString] {
    cell.get_or_init(|| names().into_iter().map(|n| CString::new(n).unwrap_or_default()).collect())
}

const UNKNOWN: &CStr = c"unknown";

// ---------------------------------------------------------------------------
// The builder.

unsafe fn new_builder(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    user: Option<*const c_char>,
    uid: u32,
    builder_out: *mut *mut agora_token_builder,
) -> c_int {
    run(|| {
        // SAFETY (all str_arg calls): the caller lends NUL-terminated strings or NULL.
        let app_id = unsafe { str_arg(app_id, ErrorKind::AppId) }?;
        let app_certificate = unsafe { str_arg(app_certificate, ErrorKind::AppCertificate) }?;
        let channel_name = unsafe { str_arg(channel_name, ErrorKind::ChannelName) }?;
        let account = match user {
            Some(account) => Some(unsafe { str_arg(account, ErrorKind::UserAccount) }?),
            None => None,
        };
        non_null(builder_out, "builder_out")?;
        let user = account.as_ref().map_or(UserId::Uid(uid), |a| UserId::Account(a.as_str()));
        let inner = utf8_checked(
            SimpleTokenBuilder::new(app_id.as_str(), app_certificate.as_str(), channel_name.as_str(), user),
            &[Some(&app_id), Some(&app_certificate), Some(&channel_name), account.as_ref()],
        )?;
        let handle = Box::into_raw(Box::new(agora_token_builder { inner }));
        // SAFETY: checked non-NULL above.
        unsafe { write_out(builder_out, handle) };
        Ok(())
    })
}

/// Creates a builder for a numeric uid (0 = any user, signed as the empty string).
/// Checks, in order: app id, app certificate, channel name. On success
/// `*builder_out` gets a builder that the caller frees with `agora_token_builder_free`.
/// Until set, the salt is drawn per token (CSPRNG) and ts is now + 24 h at each build.
///
/// # Safety
/// The strings are NULL or NUL-terminated, lent for the call only; `builder_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_new_uid(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    builder_out: *mut *mut agora_token_builder,
) -> c_int {
    // SAFETY: forwarded caller contract.
    unsafe { new_builder(app_id, app_certificate, channel_name, None, uid, builder_out) }
}

/// Creates a builder for a user account (a string uid, used as it is).
/// Checks, in order: app id, app certificate, channel name, user account. On
/// success `*builder_out` gets a builder that the caller frees with
/// `agora_token_builder_free`.
///
/// # Safety
/// The strings are NULL or NUL-terminated, lent for the call only; `builder_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_new_user_account(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    user_account: *const c_char,
    builder_out: *mut *mut agora_token_builder,
) -> c_int {
    // SAFETY: forwarded caller contract.
    unsafe { new_builder(app_id, app_certificate, channel_name, Some(user_account), 0, builder_out) }
}

/// Frees a builder. NULL is a no-op. Call it exactly once per builder.
///
/// # Safety
/// `builder` is NULL or a builder from `agora_token_builder_new_*` not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_free(builder: *mut agora_token_builder) {
    if builder.is_null() {
        return;
    }
    run_void(|| {
        // SAFETY: created by Box::into_raw in new_builder, freed once per the contract.
        drop(unsafe { Box::from_raw(builder) });
    });
}

/// Takes salt, ts and privileges from an existing token of the same app,
/// channel and user. Fails, leaving the builder unchanged, with a parse
/// category (version, app_id, base64, truncated, trailing) or
/// app_id_mismatch / channel_mismatch / uid_mismatch.
///
/// # Safety
/// `builder` is NULL or live; `origin_token` is NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_init_token_builder(
    builder: *mut agora_token_builder,
    origin_token: *const c_char,
) -> c_int {
    run(|| {
        // SAFETY: caller contract.
        let b = unsafe { builder_mut(builder) }?;
        let token = unsafe { bytes_arg(origin_token, "origin_token") }?;
        b.init_token_builder(token)
    })
}

/// Replaces the privileges with those of an RTC role (an agora_token_role),
/// each never expiring. An unknown role is AGORA_TOKEN_ERR_ROLE.
///
/// # Safety
/// `builder` is NULL or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_init_privileges(builder: *mut agora_token_builder, role: c_int) -> c_int {
    run(|| {
        // SAFETY: caller contract.
        let b = unsafe { builder_mut(builder) }?;
        b.init_privileges(role_arg(role)?);
        Ok(())
    })
}

/// Grants a privilege (an agora_token_privilege_id) until `expire_ts` (Unix
/// seconds; 0 = never). An unknown id is AGORA_TOKEN_ERR_PRIVILEGE.
///
/// # Safety
/// `builder` is NULL or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_set_privilege(
    builder: *mut agora_token_builder,
    privilege: c_int,
    expire_ts: u32,
) -> c_int {
    run(|| {
        // SAFETY: caller contract.
        let b = unsafe { builder_mut(builder) }?;
        b.set_privilege(privilege_arg(privilege)?, expire_ts);
        Ok(())
    })
}

/// Removes a privilege (no-op when absent). An unknown id is AGORA_TOKEN_ERR_PRIVILEGE.
///
/// # Safety
/// `builder` is NULL or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_remove_privilege(builder: *mut agora_token_builder, privilege: c_int) -> c_int {
    run(|| {
        // SAFETY: caller contract.
        let b = unsafe { builder_mut(builder) }?;
        b.remove_privilege(privilege_arg(privilege)?);
        Ok(())
    })
}

/// Fixes the salt of every token built from now on (reproducible tokens).
///
/// # Safety
/// `builder` is NULL or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_set_salt(builder: *mut agora_token_builder, salt: u32) -> c_int {
    run(|| {
        // SAFETY: caller contract.
        unsafe { builder_mut(builder) }?.set_salt(salt);
        Ok(())
    })
}

/// Back to a fresh CSPRNG salt per token.
///
/// # Safety
/// `builder` is NULL or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_clear_salt(builder: *mut agora_token_builder) -> c_int {
    run(|| {
        // SAFETY: caller contract.
        unsafe { builder_mut(builder) }?.set_salt(None);
        Ok(())
    })
}

/// Writes the fixed salt to `*salt_out`, or -1 when every token draws its own.
///
/// # Safety
/// `builder` is NULL or live; `salt_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_get_salt(builder: *const agora_token_builder, salt_out: *mut i64) -> c_int {
    run(|| {
        // SAFETY: caller contract.
        let b = unsafe { builder_ref(builder) }?;
        non_null(salt_out, "salt_out")?;
        // SAFETY: checked non-NULL.
        unsafe { write_out(salt_out, b.salt().map_or(-1, i64::from)) };
        Ok(())
    })
}

/// Fixes the token expiry (Unix seconds) of every token built from now on.
///
/// # Safety
/// `builder` is NULL or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_set_ts(builder: *mut agora_token_builder, ts: u32) -> c_int {
    run(|| {
        // SAFETY: caller contract.
        unsafe { builder_mut(builder) }?.set_ts(ts);
        Ok(())
    })
}

/// Back to "now + 24 h" at each build.
///
/// # Safety
/// `builder` is NULL or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_clear_ts(builder: *mut agora_token_builder) -> c_int {
    run(|| {
        // SAFETY: caller contract.
        unsafe { builder_mut(builder) }?.set_ts(None);
        Ok(())
    })
}

/// Writes the fixed token expiry to `*ts_out`, or -1 for "now + 24 h at each build".
///
/// # Safety
/// `builder` is NULL or live; `ts_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_get_ts(builder: *const agora_token_builder, ts_out: *mut i64) -> c_int {
    run(|| {
        // SAFETY: caller contract.
        let b = unsafe { builder_ref(builder) }?;
        non_null(ts_out, "ts_out")?;
        // SAFETY: checked non-NULL.
        unsafe { write_out(ts_out, b.ts().map_or(-1, i64::from)) };
        Ok(())
    })
}

/// Builds a token. On success `*token_out` gets a string that the caller
/// frees with `agora_token_string_free`.
///
/// # Safety
/// `builder` is NULL or live; `token_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_build_token(
    builder: *const agora_token_builder,
    token_out: *mut *mut c_char,
) -> c_int {
    // SAFETY: forwarded caller contract.
    unsafe { build_with(builder, TokenOut::Owned(token_out)) }
}

/// Builds a token into the caller's buffer `buf` of `buf_len` bytes: on
/// success the token and a terminating NUL, and its length (without the NUL)
/// in `*token_len_out`. A buffer shorter than the token + 1 is
/// AGORA_TOKEN_ERR_BUFFER_TOO_SMALL (the message says how many bytes are
/// needed). On failure neither `buf` nor `*token_len_out` is written. A
/// 256-byte buffer holds every token of a builder whose privileges are the
/// documented ones; one initialized from a token with more privileges can
/// need more.
///
/// # Safety
/// `builder` is NULL or live; `buf` is NULL or writable for `buf_len` bytes;
/// `token_len_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_builder_build_token_into(
    builder: *const agora_token_builder,
    buf: *mut c_char,
    buf_len: usize,
    token_len_out: *mut usize,
) -> c_int {
    // SAFETY: forwarded caller contract.
    unsafe { build_with(builder, TokenOut::Buffer { buf, buf_len, token_len_out }) }
}

/// # Safety
/// `builder` is NULL or live; `out` holds NULL or writable pointers.
unsafe fn build_with(builder: *const agora_token_builder, out: TokenOut) -> c_int {
    run(|| {
        // SAFETY: caller contract.
        let b = unsafe { builder_ref(builder) }?;
        let out = out.check()?;
        // SAFETY: checked.
        unsafe { out.write(|token| b.build_token_into(token)) }
    })
}

// ---------------------------------------------------------------------------
// The static helpers.

#[allow(clippy::too_many_arguments)]
unsafe fn rtc_helper(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    user: Option<*const c_char>,
    uid: u32,
    role: c_int,
    privilege_expired_ts: u32,
    out: TokenOut,
) -> c_int {
    run(|| {
        // SAFETY (all str_arg calls): the caller lends NUL-terminated strings or NULL.
        let app_id = unsafe { str_arg(app_id, ErrorKind::AppId) }?;
        let app_certificate = unsafe { str_arg(app_certificate, ErrorKind::AppCertificate) }?;
        let channel_name = unsafe { str_arg(channel_name, ErrorKind::ChannelName) }?;
        let account = match user {
            Some(account) => Some(unsafe { str_arg(account, ErrorKind::UserAccount) }?),
            None => None,
        };
        let out = out.check()?;
        let role = role_arg(role)?;
        let user = account.as_ref().map_or(UserId::Uid(uid), |a| UserId::Account(a.as_str()));
        // SAFETY: checked. utf8_checked decides before the token is handed over.
        unsafe {
            out.write(|token| {
                utf8_checked(
                    RtcTokenBuilder::build_token_into(
                        token,
                        app_id.as_str(),
                        app_certificate.as_str(),
                        channel_name.as_str(),
                        user,
                        role,
                        privilege_expired_ts,
                    ),
                    &[Some(&app_id), Some(&app_certificate), Some(&channel_name), account.as_ref()],
                )
            })
        }
    })
}

/// RtcTokenBuilder::buildTokenWithUid: a token with the role's privileges,
/// each expiring at `privilege_expired_ts` (0 = never); random salt, ts =
/// now + 24 h. `*token_out` is freed with `agora_token_string_free`.
///
/// # Safety
/// The strings are NULL or NUL-terminated; `token_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_rtc_token_builder_build_token_with_uid(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    role: c_int,
    privilege_expired_ts: u32,
    token_out: *mut *mut c_char,
) -> c_int {
    // SAFETY: forwarded caller contract.
    unsafe {
        rtc_helper(app_id, app_certificate, channel_name, None, uid, role, privilege_expired_ts, TokenOut::Owned(token_out))
    }
}

/// RtcTokenBuilder::buildTokenWithUserAccount: as the uid form, for a user
/// account. `*token_out` is freed with `agora_token_string_free`.
///
/// # Safety
/// The strings are NULL or NUL-terminated; `token_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_rtc_token_builder_build_token_with_user_account(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    user_account: *const c_char,
    role: c_int,
    privilege_expired_ts: u32,
    token_out: *mut *mut c_char,
) -> c_int {
    // SAFETY: forwarded caller contract.
    unsafe {
        rtc_helper(
            app_id,
            app_certificate,
            channel_name,
            Some(user_account),
            0,
            role,
            privilege_expired_ts,
            TokenOut::Owned(token_out),
        )
    }
}

/// As `agora_rtc_token_builder_build_token_with_uid`, into the caller's
/// buffer `buf` of `buf_len` bytes: on success the token and a terminating
/// NUL, and its length (without the NUL) in `*token_len_out`. A buffer
/// shorter than the token + 1 is AGORA_TOKEN_ERR_BUFFER_TOO_SMALL (the
/// message says how many bytes are needed). Every token of this function
/// (and of the user-account form) fits in 256 bytes: a token holds the CRCs
/// of the channel and user, not the strings. On failure neither `buf` nor
/// `*token_len_out` is written.
///
/// # Safety
/// The strings are NULL or NUL-terminated; `buf` is NULL or writable for
/// `buf_len` bytes; `token_len_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_rtc_token_builder_build_token_with_uid_into(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    role: c_int,
    privilege_expired_ts: u32,
    buf: *mut c_char,
    buf_len: usize,
    token_len_out: *mut usize,
) -> c_int {
    let out = TokenOut::Buffer { buf, buf_len, token_len_out };
    // SAFETY: forwarded caller contract.
    unsafe { rtc_helper(app_id, app_certificate, channel_name, None, uid, role, privilege_expired_ts, out) }
}

/// As `agora_rtc_token_builder_build_token_with_user_account`, into the
/// caller's buffer, as `agora_rtc_token_builder_build_token_with_uid_into`
/// (every token fits in 256 bytes).
///
/// # Safety
/// The strings are NULL or NUL-terminated; `buf` is NULL or writable for
/// `buf_len` bytes; `token_len_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_rtc_token_builder_build_token_with_user_account_into(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    user_account: *const c_char,
    role: c_int,
    privilege_expired_ts: u32,
    buf: *mut c_char,
    buf_len: usize,
    token_len_out: *mut usize,
) -> c_int {
    let out = TokenOut::Buffer { buf, buf_len, token_len_out };
    // SAFETY: forwarded caller contract.
    unsafe { rtc_helper(app_id, app_certificate, channel_name, Some(user_account), 0, role, privilege_expired_ts, out) }
}

/// RtmTokenBuilder::buildToken: an RTM login token for a user account
/// (`role` must be AGORA_TOKEN_RTM_ROLE_USER). `*token_out` is freed with
/// `agora_token_string_free`.
///
/// # Safety
/// The strings are NULL or NUL-terminated; `token_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_rtm_token_builder_build_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_account: *const c_char,
    role: c_int,
    privilege_expired_ts: u32,
    token_out: *mut *mut c_char,
) -> c_int {
    run(|| {
        // SAFETY (all str_arg calls): the caller lends NUL-terminated strings or NULL.
        let app_id = unsafe { str_arg(app_id, ErrorKind::AppId) }?;
        let app_certificate = unsafe { str_arg(app_certificate, ErrorKind::AppCertificate) }?;
        let user_account = unsafe { str_arg(user_account, ErrorKind::UserAccount) }?;
        non_null(token_out, "token_out")?;
        let role = RtmRole::try_from_value(i64::from(role))?;
        let token = utf8_checked(
            RtmTokenBuilder::build_token(
                app_id.as_str(),
                app_certificate.as_str(),
                user_account.as_str(),
                role,
                privilege_expired_ts,
            ),
            &[Some(&app_id), Some(&app_certificate), Some(&user_account)],
        )?;
        let token = into_c_string(token)?;
        // SAFETY: checked non-NULL.
        unsafe { write_out(token_out, token) };
        Ok(())
    })
}

// ---------------------------------------------------------------------------
// Parse and verify.

/// Parses a 006 token strictly. Fails with AGORA_TOKEN_ERR_VERSION, _APP_ID,
/// _BASE64, _TRUNCATED or _TRAILING. On success `*info_out` gets a struct
/// that the caller frees with `agora_token_info_free`.
///
/// # Safety
/// `token` is NULL or NUL-terminated; `info_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_parse(token: *const c_char, info_out: *mut *mut agora_token_info) -> c_int {
    run(|| {
        // SAFETY: caller contract.
        let token = unsafe { bytes_arg(token, "token") }?;
        non_null(info_out, "info_out")?;
        let parsed = parse(token)?;
        let mut app_id = [0 as c_char; 33];
        for (dst, src) in app_id.iter_mut().zip(parsed.app_id.bytes().take(32)) {
            *dst = src as c_char;
        }
        let signature: Box<[u8]> = parsed.signature.into_boxed_slice();
        let privileges: Box<[agora_token_privilege]> =
            parsed.privileges.iter().map(|&(id, expire_ts)| agora_token_privilege { id, expire_ts }).collect();
        let boxed = Box::new(InfoBox {
            info: agora_token_info {
                app_id,
                signature: if signature.is_empty() { ptr::null() } else { signature.as_ptr() },
                signature_len: signature.len(),
                crc_channel_name: parsed.crc_channel_name,
                crc_uid: parsed.crc_uid,
                salt: parsed.salt,
                ts: parsed.ts,
                privileges: if privileges.is_empty() { ptr::null() } else { privileges.as_ptr() },
                privilege_count: privileges.len(),
            },
            signature,
            privileges,
        });
        // `info` is the first field of a repr(C) struct: the pointers are interchangeable.
        let raw = Box::into_raw(boxed).cast::<agora_token_info>();
        // SAFETY: checked non-NULL.
        unsafe { write_out(info_out, raw) };
        Ok(())
    })
}

/// Frees a struct from `agora_token_parse`. NULL is a no-op.
///
/// # Safety
/// `info` is NULL or a struct from `agora_token_parse` not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_info_free(info: *mut agora_token_info) {
    if info.is_null() {
        return;
    }
    run_void(|| {
        // SAFETY: allocated as an InfoBox whose first field is the info.
        drop(unsafe { Box::from_raw(info.cast::<InfoBox>()) });
    });
}

#[allow(clippy::too_many_arguments)]
unsafe fn verify_common(
    token: *const c_char,
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    user: Option<*const c_char>,
    uid: u32,
    now: u32,
    result_out: *mut c_int,
) -> c_int {
    run(|| {
        // SAFETY (all argument reads): the caller lends NUL-terminated strings or NULL.
        let token = unsafe { bytes_arg(token, "token") }?;
        let app_id = if app_id.is_null() { None } else { Some(unsafe { str_arg(app_id, ErrorKind::AppId) }?) };
        let app_certificate = unsafe { str_arg(app_certificate, ErrorKind::AppCertificate) }?;
        let channel_name = unsafe { str_arg(channel_name, ErrorKind::ChannelName) }?;
        let account = match user {
            Some(account) => Some(unsafe { str_arg(account, ErrorKind::UserAccount) }?),
            None => None,
        };
        non_null(result_out, "result_out")?;
        let user = account.as_ref().map_or(UserId::Uid(uid), |a| UserId::Account(a.as_str()));
        let expected = Expected { app_id: app_id.as_ref().map(StrArg::as_str), channel_name: channel_name.as_str(), user };
        let result: VerifyResult = utf8_checked(
            verify(token, app_certificate.as_str(), &expected, now),
            &[app_id.as_ref(), Some(&app_certificate), Some(&channel_name), account.as_ref()],
        )?;
        // SAFETY: checked non-NULL.
        unsafe { write_out(result_out, result.value()) };
        Ok(())
    })
}

/// Verifies a token for a channel and numeric uid at time `now` (Unix
/// seconds). `app_id` is nullable: NULL skips the app id check. On success
/// (status 0) `*result_out` gets an agora_token_verify_result: OK or the first
/// failing check. A malformed token or certificate is a negative status.
///
/// # Safety
/// The strings are NULL or NUL-terminated; `result_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_verify(
    token: *const c_char,
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    now: u32,
    result_out: *mut c_int,
) -> c_int {
    // SAFETY: forwarded caller contract.
    unsafe { verify_common(token, app_id, app_certificate, channel_name, None, uid, now, result_out) }
}

/// As `agora_token_verify`, for a user account.
///
/// # Safety
/// The strings are NULL or NUL-terminated; `result_out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token_verify_user_account(
    token: *const c_char,
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    user_account: *const c_char,
    now: u32,
    result_out: *mut c_int,
) -> c_int {
    // SAFETY: forwarded caller contract.
    unsafe { verify_common(token, app_id, app_certificate, channel_name, Some(user_account), 0, now, result_out) }
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

/// The library version ("0.1.0"), the workspace version. Static: never free it.
#[unsafe(no_mangle)]
pub extern "C" fn agora_token_version() -> *const c_char {
    static VERSION: OnceLock<CString> = OnceLock::new();
    run_str(c"", || VERSION.get_or_init(|| CString::new(token_core::version()).unwrap_or_default()).as_ptr())
}

mod boundary;
mod v006_sized;
mod v007;

pub use boundary::{agora_token_error, agora_token_str};
pub use v006_sized::*;
pub use v007::*;

#[cfg(test)]
mod tests;
