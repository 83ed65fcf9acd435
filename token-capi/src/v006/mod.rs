//! AccessToken ("006") through the C ABI: the builder handle, the static
//! helpers (RtcTokenBuilder, RtmTokenBuilder), parse and verify, with
//! NUL-terminated strings and this thread's last error; `sized` holds the
//! same calls in the sized style of the 007 ones.

use std::ffi::{c_char, c_int};
use std::ptr;

use token_core::{
    parse, verify, ErrorKind, Expected, Privilege, RtcTokenBuilder, RtmRole, RtmTokenBuilder, SimpleTokenBuilder,
    TokenError, UserId, VerifyResult,
};

use crate::boundary::{
    bytes_arg, free_boxed, into_c_string, non_null, run, run_void, str_arg, utf8_checked, write_out, StrArg, TokenOut,
};

pub(crate) mod sized;

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

/// The role to pass for a host's null role (`$role = null`, `None`): join
/// only, as Agora's builders make of it (token-core's `Role::JOIN_ONLY`).
pub const AGORA_TOKEN_ROLE_JOIN_ONLY: c_int = 2;

/// RTM roles (the `role` argument of agora_rtm_token_builder_build_token,
/// which takes any value: Agora's builders ignore the role).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token_rtm_role {
    /// Rtm_User
    AGORA_TOKEN_RTM_ROLE_USER = 1,
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

/// # Safety
/// `builder` is NULL or a live builder from `agora_token_builder_new_*`.
pub(crate) unsafe fn builder_ref<'a>(
    builder: *const agora_token_builder,
) -> Result<&'a SimpleTokenBuilder, TokenError> {
    non_null(builder, "builder")?;
    // SAFETY: non-NULL and live per the caller's contract.
    Ok(unsafe { &(*builder).inner })
}

/// # Safety
/// `builder` is NULL or a live builder, used by one thread at a time.
pub(crate) unsafe fn builder_mut<'a>(
    builder: *mut agora_token_builder,
) -> Result<&'a mut SimpleTokenBuilder, TokenError> {
    non_null(builder, "builder")?;
    // SAFETY: non-NULL, live and not shared mutably per the caller's contract.
    Ok(unsafe { &mut (*builder).inner })
}

pub(crate) fn privilege_arg(privilege: c_int) -> Result<Privilege, TokenError> {
    Privilege::try_from_id(i64::from(privilege))
}

pub(crate) fn role_arg(role: c_int) -> Result<token_core::Role, TokenError> {
    token_core::Role::try_from_value(i64::from(role))
}

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
pub unsafe extern "C" fn agora_token_builder_remove_privilege(
    builder: *mut agora_token_builder,
    privilege: c_int,
) -> c_int {
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
pub unsafe extern "C" fn agora_token_builder_get_salt(
    builder: *const agora_token_builder,
    salt_out: *mut i64,
) -> c_int {
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
        // SAFETY: checked. utf8_checked decides before the token is handed over.
        unsafe {
            out.write(|token| {
                rtc_token(
                    token,
                    &app_id,
                    &app_certificate,
                    &channel_name,
                    account.as_ref(),
                    uid,
                    role,
                    privilege_expired_ts,
                )
            })
        }
    })
}

/// The RTC helper's work, shared with its sized form: the token appended to
/// `token`, or the error (of the first field not UTF-8 where that field failed).
#[allow(clippy::too_many_arguments)]
pub(crate) fn rtc_token(
    token: &mut Vec<u8>,
    app_id: &StrArg<'_>,
    app_certificate: &StrArg<'_>,
    channel_name: &StrArg<'_>,
    account: Option<&StrArg<'_>>,
    uid: u32,
    role: token_core::Role,
    privilege_expired_ts: u32,
) -> Result<(), TokenError> {
    let user = account.map_or(UserId::Uid(uid), |a| UserId::Account(a.as_str()));
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
        &[Some(app_id), Some(app_certificate), Some(channel_name), account],
    )
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
        rtc_helper(
            app_id,
            app_certificate,
            channel_name,
            None,
            uid,
            role,
            privilege_expired_ts,
            TokenOut::Owned(token_out),
        )
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
/// (`role`: any value, as Agora's builders ignore it; AGORA_TOKEN_RTM_ROLE_USER
/// is the documented one). `*token_out` is freed with
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
        let token = rtm_token(&app_id, &app_certificate, &user_account, role, privilege_expired_ts)?;
        let token = into_c_string(token)?;
        // SAFETY: checked non-NULL.
        unsafe { write_out(token_out, token) };
        Ok(())
    })
}

/// The RTM helper's work, shared with its sized form.
pub(crate) fn rtm_token(
    app_id: &StrArg<'_>,
    app_certificate: &StrArg<'_>,
    user_account: &StrArg<'_>,
    role: c_int,
    privilege_expired_ts: u32,
) -> Result<String, TokenError> {
    let role = RtmRole::try_from_value(i64::from(role))?;
    utf8_checked(
        RtmTokenBuilder::build_token(
            app_id.as_str(),
            app_certificate.as_str(),
            user_account.as_str(),
            role,
            privilege_expired_ts,
        ),
        &[Some(app_id), Some(app_certificate), Some(user_account)],
    )
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
    // SAFETY: allocated as an InfoBox whose first field is the info, freed once per the contract.
    unsafe { free_boxed::<_, InfoBox>(info) }
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
        let result = verify_token(token, app_id.as_ref(), &app_certificate, &channel_name, account.as_ref(), uid, now)?;
        // SAFETY: checked non-NULL.
        unsafe { write_out(result_out, result.value()) };
        Ok(())
    })
}

/// The verify functions' work, shared with their sized form.
pub(crate) fn verify_token(
    token: &[u8],
    app_id: Option<&StrArg<'_>>,
    app_certificate: &StrArg<'_>,
    channel_name: &StrArg<'_>,
    account: Option<&StrArg<'_>>,
    uid: u32,
    now: u32,
) -> Result<VerifyResult, TokenError> {
    let user = account.map_or(UserId::Uid(uid), |a| UserId::Account(a.as_str()));
    let expected = Expected { app_id: app_id.map(StrArg::as_str), channel_name: channel_name.as_str(), user };
    utf8_checked(
        verify(token, app_certificate.as_str(), &expected, now),
        &[app_id, Some(app_certificate), Some(channel_name), account],
    )
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
