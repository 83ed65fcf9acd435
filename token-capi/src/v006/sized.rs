//! The 006 calls in the sized style of the 007 ones: strings as (pointer,
//! length), the token in the caller's buffer, the reason in the caller's
//! `agora_token_error`. They do what the NUL-terminated functions of the
//! same name do (same checks, same categories, same tokens); a binding that
//! calls them needs no thread-local last error and no NUL handling of its
//! own (a NUL byte fails its field's check like any other bad byte), and a
//! Go binding no LockOSThread.

use std::ffi::{c_char, c_int};

use token_core::{parse, ErrorKind, TokenError};

use crate::boundary::{
    agora_token_error, bytes_in, credentials_in, out_param, put, run_sized, text_in, Failure, SizedOut,
};
use crate::v006::{
    agora_token_builder, agora_token_privilege, builder_ref, role_arg, rtc_token, rtm_token, verify_token,
};

/// The most privileges `agora_token006_parsed` holds: every documented id
/// (the header spells the number: PHP's FFI reads no `#define`).
const AGORA_TOKEN006_MAX_PRIVILEGES: usize = 16;

/// A parsed 006 token in the caller's memory (`agora_token006_parse`).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct agora_token006_parsed {
    /// The 32-character app id (no NUL).
    pub app_id: [c_char; 32],
    /// The signature (32 bytes in a well-formed token).
    pub signature: [u8; 32],
    /// How many signature bytes.
    pub signature_len: u32,
    /// CRC32 (IEEE) of the channel name.
    pub crc_channel_name: u32,
    /// CRC32 (IEEE) of the uid string.
    pub crc_uid: u32,
    /// The salt.
    pub salt: u32,
    /// The token's expiry, in Unix seconds.
    pub ts: u32,
    /// How many privileges.
    pub privilege_count: u32,
    /// The privileges, sorted by id (the first `privilege_count`).
    pub privileges: [agora_token_privilege; 16],
}

/// `agora_rtc_token_builder_build_token_with_uid` and `…_with_user_account`
/// in the sized style: `user_account` NULL means the numeric `uid`. The
/// token (no NUL) goes to `out`, its length to `*out_len`; every token of
/// this function fits in 256 bytes. A shorter `out_cap` is
/// AGORA_TOKEN_ERR_BUFFER_TOO_SMALL with the bytes needed in `error->needed`.
/// On failure `out` and `*out_len` are not written; `error` (nullable) gets
/// the reason.
///
/// # Safety
/// The strings are NULL or valid for their lengths; `out` is NULL or
/// writable for `out_cap` bytes; `out_len` and `error` are NULL or writable.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token006_build_rtc(
    app_id: *const c_char,
    app_id_len: usize,
    app_certificate: *const c_char,
    app_certificate_len: usize,
    channel_name: *const c_char,
    channel_name_len: usize,
    user_account: *const c_char,
    user_account_len: usize,
    uid: u32,
    role: c_int,
    privilege_expired_ts: u32,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut agora_token_error,
) -> c_int {
    run_sized(error, || {
        // SAFETY (all argument reads): the caller lends valid memory or NULL.
        let (app_id, app_certificate) =
            unsafe { credentials_in(app_id, app_id_len, app_certificate, app_certificate_len) }?;
        let channel_name = unsafe { text_in(channel_name, channel_name_len, ErrorKind::ChannelName) }?;
        let account = if user_account.is_null() {
            None
        } else {
            Some(unsafe { text_in(user_account, user_account_len, ErrorKind::UserAccount) }?)
        };
        let out = SizedOut::new(out, out_cap, out_len)?;
        let role = role_arg(role)?;
        out.build(|token| {
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
    })
}

/// `agora_rtm_token_builder_build_token` in the sized style (`role`: any
/// value, as there). Output and failures as `agora_token006_build_rtc`.
///
/// # Safety
/// As `agora_token006_build_rtc`.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token006_build_rtm(
    app_id: *const c_char,
    app_id_len: usize,
    app_certificate: *const c_char,
    app_certificate_len: usize,
    user_account: *const c_char,
    user_account_len: usize,
    role: c_int,
    privilege_expired_ts: u32,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut agora_token_error,
) -> c_int {
    run_sized(error, || {
        // SAFETY (all argument reads): the caller lends valid memory or NULL.
        let (app_id, app_certificate) =
            unsafe { credentials_in(app_id, app_id_len, app_certificate, app_certificate_len) }?;
        let user_account = unsafe { text_in(user_account, user_account_len, ErrorKind::UserAccount) }?;
        let out = SizedOut::new(out, out_cap, out_len)?;
        let token = rtm_token(&app_id, &app_certificate, &user_account, role, privilege_expired_ts)?;
        // SAFETY: checked by SizedOut::new.
        unsafe { out.write(token.as_bytes()) }
    })
}

/// `agora_token_builder_build_token` in the sized style. Output and failures
/// as `agora_token006_build_rtc` (a builder initialized from a token with
/// more than the documented privileges can need more than 256 bytes).
///
/// # Safety
/// `builder` is NULL or live; `out` is NULL or writable for `out_cap` bytes;
/// `out_len` and `error` are NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token006_builder_build(
    builder: *const agora_token_builder,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut agora_token_error,
) -> c_int {
    run_sized(error, || {
        // SAFETY: caller contract.
        let b = unsafe { builder_ref(builder) }?;
        SizedOut::new(out, out_cap, out_len)?.build(|token| b.build_token_into(token))
    })
}

/// `agora_token_parse` into the caller's struct, allocating nothing. A
/// token with more than 16 privileges or a
/// signature over 32 bytes (no builder writes either) is
/// AGORA_TOKEN_ERR_BUFFER_TOO_SMALL (`error->needed` is its privilege
/// count): read it with `agora_token_parse`. `*parsed_out` is written only
/// on success.
///
/// # Safety
/// `token` is NULL or valid for `token_len` bytes; `parsed_out` and `error`
/// are NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token006_parse(
    token: *const c_char,
    token_len: usize,
    parsed_out: *mut agora_token006_parsed,
    error: *mut agora_token_error,
) -> c_int {
    run_sized(error, || {
        // SAFETY: caller contract.
        let token = unsafe { bytes_in(token, token_len, "token") }?;
        let parsed_out = out_param(parsed_out, "parsed_out")?;
        let p = parse(token)?;
        if p.privileges.len() > AGORA_TOKEN006_MAX_PRIVILEGES || p.signature.len() > 32 {
            return Err(Failure {
                error: TokenError::new(
                    ErrorKind::BufferTooSmall,
                    format!(
                        "buffer_too_small: the token has {} privileges and a {}-byte signature; agora_token006_parsed holds {} and 32 (use agora_token_parse)",
                        p.privileges.len(),
                        p.signature.len(),
                        AGORA_TOKEN006_MAX_PRIVILEGES
                    ),
                ),
                needed: p.privileges.len(),
            });
        }
        let mut out = agora_token006_parsed {
            app_id: [0; 32],
            signature: [0; 32],
            signature_len: p.signature.len() as u32,
            crc_channel_name: p.crc_channel_name,
            crc_uid: p.crc_uid,
            salt: p.salt,
            ts: p.ts,
            privilege_count: p.privileges.len() as u32,
            privileges: [agora_token_privilege { id: 0, expire_ts: 0 }; AGORA_TOKEN006_MAX_PRIVILEGES],
        };
        for (dst, src) in out.app_id.iter_mut().zip(p.app_id.bytes()) {
            *dst = src as c_char;
        }
        out.signature[..p.signature.len()].copy_from_slice(&p.signature);
        for (dst, &(id, expire_ts)) in out.privileges.iter_mut().zip(&p.privileges) {
            *dst = agora_token_privilege { id, expire_ts };
        }
        // SAFETY: checked non-NULL.
        unsafe { put(parsed_out, out) };
        Ok(())
    })
}

/// `agora_token_verify` / `agora_token_verify_user_account` in the sized
/// style: `app_id` NULL skips the app id check, `user_account` NULL means the
/// numeric `uid`. On success `*result_out` gets an agora_token_verify_result.
///
/// # Safety
/// The strings are NULL or valid for their lengths; `result_out` and
/// `error` are NULL or writable.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token006_verify(
    token: *const c_char,
    token_len: usize,
    app_id: *const c_char,
    app_id_len: usize,
    app_certificate: *const c_char,
    app_certificate_len: usize,
    channel_name: *const c_char,
    channel_name_len: usize,
    user_account: *const c_char,
    user_account_len: usize,
    uid: u32,
    now: u32,
    result_out: *mut c_int,
    error: *mut agora_token_error,
) -> c_int {
    run_sized(error, || {
        // SAFETY (all argument reads): the caller lends valid memory or NULL.
        let token = unsafe { bytes_in(token, token_len, "token") }?;
        let app_id =
            if app_id.is_null() { None } else { Some(unsafe { text_in(app_id, app_id_len, ErrorKind::AppId) }?) };
        let app_certificate = unsafe { text_in(app_certificate, app_certificate_len, ErrorKind::AppCertificate) }?;
        let channel_name = unsafe { text_in(channel_name, channel_name_len, ErrorKind::ChannelName) }?;
        let account = if user_account.is_null() {
            None
        } else {
            Some(unsafe { text_in(user_account, user_account_len, ErrorKind::UserAccount) }?)
        };
        let result_out = out_param(result_out, "result_out")?;
        let result = verify_token(token, app_id.as_ref(), &app_certificate, &channel_name, account.as_ref(), uid, now)?;
        // SAFETY: checked non-NULL.
        unsafe { put(result_out, result.value()) };
        Ok(())
    })
}

/// The message bytes of a 006 token (salt, ts and its privileges in token
/// order; Agora's `AccessToken::message_raw_content_`), checked by
/// `agora_token006_parse`'s rules first. Output as `agora_token006_build_rtc`
/// (the bytes are binary: no NUL is added).
///
/// # Safety
/// `token` is NULL or valid for `token_len` bytes; `out` is NULL or
/// writable for `out_cap` bytes; `out_len` and `error` are NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token006_message(
    token: *const c_char,
    token_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut agora_token_error,
) -> c_int {
    run_sized(error, || {
        // SAFETY: caller contract.
        let token = unsafe { bytes_in(token, token_len, "token") }?;
        let out = SizedOut::new(out, out_cap, out_len)?;
        let message = parse(token)?.message();
        // SAFETY: checked by SizedOut::new.
        unsafe { out.write(&message) }
    })
}

/// The 006 signature of a message (Agora's `AccessToken::GenerateSignature`):
/// HMAC-SHA256 keyed with the certificate over `app_id | channel_name | uid
/// | message`, `uid` being the uid string ("" for uid 0, the decimal uid, or
/// the account). The app id and certificate are checked (32 hex digits);
/// the rest is signed as given. On success the 32 bytes go to
/// `signature_out`.
///
/// # Safety
/// The strings and `message` are NULL or valid for their lengths;
/// `signature_out` is NULL or writable for 32 bytes; `error` is NULL or writable.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token006_sign_message(
    app_certificate: *const c_char,
    app_certificate_len: usize,
    app_id: *const c_char,
    app_id_len: usize,
    channel_name: *const c_char,
    channel_name_len: usize,
    uid: *const c_char,
    uid_len: usize,
    message: *const u8,
    message_len: usize,
    signature_out: *mut [u8; 32],
    error: *mut agora_token_error,
) -> c_int {
    run_sized(error, || {
        // SAFETY (all reads): the caller lends valid memory or NULL.
        let (app_id, app_certificate) =
            unsafe { credentials_in(app_id, app_id_len, app_certificate, app_certificate_len) }?;
        let channel = unsafe { text_in(channel_name, channel_name_len, ErrorKind::ChannelName) }?;
        let uid = unsafe { text_in(uid, uid_len, ErrorKind::UserAccount) }?;
        let message = unsafe { bytes_in(message.cast(), message_len, "message") }?;
        let signature_out = out_param(signature_out, "signature_out")?;
        let signature = crate::boundary::utf8_checked(
            token_core::sign_message(
                app_certificate.as_str(),
                app_id.as_str(),
                channel.as_str(),
                uid.as_str(),
                message,
            ),
            &[Some(&app_certificate), Some(&app_id), Some(&channel), Some(&uid)],
        )?;
        // SAFETY: checked non-NULL.
        unsafe { put(signature_out, signature) };
        Ok(())
    })
}
