//! The native half of the `agoratoken` npm package (napi-rs).
//!
//! Everything here is a thin call into `token_core`. The public JavaScript API
//! lives in `index.js` (006) and `v2.js` (007, glue in `v007.rs`): they check
//! argument types (throwing `TypeError`), then call these functions. Numbers arrive as `f64`, so that a fraction or an
//! out-of-range value is reported with the core's category instead of being
//! wrapped or truncated by napi's integer conversions. Failures are thrown as
//! `Error`s whose `code` is the token-core category name (`"channel_name"`);
//! no message contains the app certificate.
//!
//! Unsafe code is confined to `text` (one-call string reads) and `fast` (the
//! static helpers as plain napi callbacks), both for speed on the hot path.

#![deny(unsafe_code)]

mod fast;
mod text;
mod v007;

use napi::bindgen_prelude::{Error, External};
use napi_derive::napi;
use text::Text;
use token_core::{
    validate, ErrorKind, Expected, Privilege, Role, RtcTokenBuilder, RtmRole, RtmTokenBuilder,
    SimpleTokenBuilder, TokenError, UserId,
};

/// A napi error whose JS `code` is the category name.
pub(crate) type Result<T> = std::result::Result<T, Error<&'static str>>;

pub(crate) fn js_err(e: TokenError) -> Error<&'static str> {
    Error::new(e.kind().as_str(), e.message())
}

/// The message of a caught panic: the payload is never quoted.
pub(crate) const PANIC_MESSAGE: &str =
    "internal: a panic was caught in agoratoken (a bug; please report it)";

/// Runs an export's body: a panic becomes an `Error` with code `internal`
/// instead of unwinding into napi (which aborts the Node process). The
/// payload is dropped without letting a second panic out.
pub(crate) fn guard<T>(body: impl FnOnce() -> Result<T>) -> Result<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(payload) => {
            if let Err(again) =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || drop(payload)))
            {
                std::mem::forget(again);
            }
            Err(Error::new("internal", PANIC_MESSAGE))
        }
    }
}

/// A JS number as an integer (saturating beyond the i128 range), or an error
/// of this category when it has a fraction or is not finite.
pub(crate) fn integral(kind: ErrorKind, value: f64) -> Result<i128> {
    if value.is_finite() && value.fract() == 0.0 {
        Ok(value as i128)
    } else {
        let name = kind.as_str();
        Err(Error::new(
            name,
            format!("{name}: {value} is not an integer"),
        ))
    }
}

/// A JS number that must be an integer in 0..=4294967295 (`uid`, `salt`, `ts`, `expire_ts`).
fn u32_arg(kind: ErrorKind, value: f64) -> Result<u32> {
    validate::check_u32(kind, integral(kind, value)?).map_err(js_err)
}

/// A JS number as an i64, for the core's own range checks (the role and
/// privilege tables, the 007 fields): a fraction or a value beyond i64 is
/// an error of this category.
pub(crate) fn i64_arg(kind: ErrorKind, value: f64) -> Result<i64> {
    let v = integral(kind, value)?;
    i64::try_from(v).map_err(|_| {
        let name = kind.as_str();
        Error::new(name, format!("{name}: {value} is out of range"))
    })
}

/// A numeric uid: the core's check, whose message says when a negative uid
/// may be the signed 32-bit view of an unsigned one.
fn uid_arg(value: f64) -> Result<u32> {
    validate::check_uid(integral(ErrorKind::Uid, value)?).map_err(js_err)
}

fn role_arg(value: f64) -> Result<Role> {
    Role::try_from_value(i64_arg(ErrorKind::Role, value)?).map_err(js_err)
}

fn privilege_arg(value: f64) -> Result<Privilege> {
    Privilege::try_from_id(i64_arg(ErrorKind::Privilege, value)?).map_err(js_err)
}

// The documented builder: `index.js` wraps these functions as the
// `SimpleTokenBuilder` class. The builder lives in a napi External (a plain
// handle with a finalizer): creating one and calling into it costs much less
// than a napi-rs class instance and its methods (about 0.3 µs and 0.2 µs per
// call). napi checks the handle's Rust type on every call.

/// A `SimpleTokenBuilder` owned by JavaScript. `close()` drops it at once
/// (its certificate zeroed, its memory freed); otherwise the garbage
/// collector frees it with the External, which tells V8 the builder's size.
/// A closed builder is `None`: every call on it fails with `null_argument`.
type Builder = External<Option<Box<SimpleTokenBuilder>>>;

fn new_builder(b: SimpleTokenBuilder) -> Builder {
    External::new_with_size_hint(Some(Box::new(b)), std::mem::size_of::<SimpleTokenBuilder>())
}

fn closed() -> Error<&'static str> {
    Error::new("null_argument", "null_argument: the builder is closed")
}

fn live(builder: &Builder) -> Result<&SimpleTokenBuilder> {
    builder.as_deref().ok_or_else(closed)
}

fn live_mut(builder: &mut Builder) -> Result<&mut SimpleTokenBuilder> {
    builder.as_deref_mut().ok_or_else(closed)
}

/// A builder for a numeric uid (an integer in 0..=4294967295).
#[napi]
pub fn builder_with_uid(
    app_id: Text,
    app_certificate: Text,
    channel_name: Text,
    uid: f64,
) -> Result<Builder> {
    guard(|| {
        let uid = uid_arg(uid)?;
        SimpleTokenBuilder::with_uid(&app_id, &app_certificate, &channel_name, uid)
            .map(new_builder)
            .map_err(js_err)
    })
}

/// A builder for a user account.
#[napi]
pub fn builder_with_user_account(
    app_id: Text,
    app_certificate: Text,
    channel_name: Text,
    user_account: Text,
) -> Result<Builder> {
    guard(|| {
        SimpleTokenBuilder::with_user_account(
            &app_id,
            &app_certificate,
            &channel_name,
            &user_account,
        )
        .map(new_builder)
        .map_err(js_err)
    })
}

/// Drops the builder now: its certificate is zeroed and its memory freed
/// (the small External shell stays until the garbage collector takes it).
/// Closing twice is a no-op.
#[napi]
pub fn builder_close(builder: &mut Builder) -> Result<()> {
    guard(|| {
        builder.take();
        Ok(())
    })
}

/// 0, or the negative code of the failure's category (the builder is then unchanged).
#[napi]
pub fn builder_init_token_builder(builder: &mut Builder, origin_token: Text) -> Result<i32> {
    guard(|| {
        let Some(b) = builder.as_deref_mut() else {
            return Ok(ErrorKind::NullArgument.code());
        };
        Ok(match b.init_token_builder(&*origin_token) {
            Ok(()) => 0,
            Err(e) => e.code(),
        })
    })
}

#[napi]
pub fn builder_init_privileges(builder: &mut Builder, role: f64) -> Result<()> {
    guard(|| {
        let role = role_arg(role)?;
        live_mut(builder)?.init_privileges(role);
        Ok(())
    })
}

#[napi]
pub fn builder_set_privilege(builder: &mut Builder, privilege: f64, expire_ts: f64) -> Result<()> {
    guard(|| {
        let privilege = privilege_arg(privilege)?;
        let expire_ts = u32_arg(ErrorKind::ExpireTs, expire_ts)?;
        live_mut(builder)?.set_privilege(privilege, expire_ts);
        Ok(())
    })
}

#[napi]
pub fn builder_remove_privilege(builder: &mut Builder, privilege: f64) -> Result<()> {
    guard(|| {
        let privilege = privilege_arg(privilege)?;
        live_mut(builder)?.remove_privilege(privilege);
        Ok(())
    })
}

/// `null` returns to a fresh CSPRNG salt per token.
#[napi]
pub fn builder_set_salt(builder: &mut Builder, salt: Option<f64>) -> Result<()> {
    guard(|| {
        let salt = salt.map(|v| u32_arg(ErrorKind::Salt, v)).transpose()?;
        live_mut(builder)?.set_salt(salt);
        Ok(())
    })
}

#[napi]
pub fn builder_get_salt(builder: &Builder) -> Result<Option<u32>> {
    guard(|| Ok(live(builder)?.salt()))
}

/// `null` returns to "now + 24 h at each build".
#[napi]
pub fn builder_set_ts(builder: &mut Builder, ts: Option<f64>) -> Result<()> {
    guard(|| {
        let ts = ts.map(|v| u32_arg(ErrorKind::Ts, v)).transpose()?;
        live_mut(builder)?.set_ts(ts);
        Ok(())
    })
}

#[napi]
pub fn builder_get_ts(builder: &Builder) -> Result<Option<u32>> {
    guard(|| Ok(live(builder)?.ts()))
}

/// `[id, expireTs]` pairs, sorted by id.
#[napi]
pub fn builder_privileges(builder: &Builder) -> Result<Vec<Vec<u32>>> {
    guard(|| {
        Ok(live(builder)?
            .privileges()
            .iter()
            .map(|&(id, expire)| vec![u32::from(id), expire])
            .collect())
    })
}

#[napi]
pub fn builder_build_token(builder: &Builder) -> Result<String> {
    guard(|| live(builder)?.build_token().map_err(js_err))
}

/// Panics on purpose inside [`guard`], so that the tests see a panic become
/// an `Error` with code `internal` and the process live on.
#[napi]
pub fn self_test_panic() -> Result<()> {
    guard(|| panic!("agoratoken self-test panic"))
}

// The three static helpers; `fast.rs` exposes them as plain napi callbacks.

/// `RtcTokenBuilder.buildTokenWithUid`.
pub(crate) fn rtc_build_token_with_uid(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    uid: f64,
    role: f64,
    privilege_expired_ts: f64,
) -> Result<String> {
    let uid = uid_arg(uid)?;
    let role = role_arg(role)?;
    let privilege_expired_ts = u32_arg(ErrorKind::ExpireTs, privilege_expired_ts)?;
    RtcTokenBuilder::build_token_with_uid(
        app_id,
        app_certificate,
        channel_name,
        uid,
        role,
        privilege_expired_ts,
    )
    .map_err(js_err)
}

/// `RtcTokenBuilder.buildTokenWithAccount`.
pub(crate) fn rtc_build_token_with_account(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    account: &str,
    role: f64,
    privilege_expired_ts: f64,
) -> Result<String> {
    let role = role_arg(role)?;
    let privilege_expired_ts = u32_arg(ErrorKind::ExpireTs, privilege_expired_ts)?;
    RtcTokenBuilder::build_token_with_user_account(
        app_id,
        app_certificate,
        channel_name,
        account,
        role,
        privilege_expired_ts,
    )
    .map_err(js_err)
}

/// `RtmTokenBuilder.buildToken`.
pub(crate) fn rtm_build_token(
    app_id: &str,
    app_certificate: &str,
    account: &str,
    role: f64,
    privilege_expired_ts: f64,
) -> Result<String> {
    let role = RtmRole::try_from_value(i64_arg(ErrorKind::Role, role)?).map_err(js_err)?;
    let privilege_expired_ts = u32_arg(ErrorKind::ExpireTs, privilege_expired_ts)?;
    RtmTokenBuilder::build_token(app_id, app_certificate, account, role, privilege_expired_ts)
        .map_err(js_err)
}

#[napi(module_exports)]
pub fn register_fast_helpers(
    mut exports: napi::bindgen_prelude::Object,
    env: napi::Env,
) -> napi::Result<()> {
    guard(|| fast::register(&mut exports, &env).map_err(|e| Error::new("internal", e.reason)))
        .map_err(|e| napi::Error::from_reason(e.reason))
}

/// Every field of a 006 token.
#[napi(object)]
#[derive(Debug)]
pub struct ParsedToken {
    pub app_id: String,
    pub signature_hex: String,
    pub crc_channel_name: u32,
    pub crc_uid: u32,
    pub salt: u32,
    pub ts: u32,
    /// `[id, expireTs]` pairs, sorted by id.
    pub privileges: Vec<Vec<u32>>,
}

#[napi]
pub fn parse(token: Text) -> Result<ParsedToken> {
    guard(|| parse_inner(&token))
}

fn parse_inner(token: &str) -> Result<ParsedToken> {
    token_core::parse(token).map(parsed006).map_err(js_err)
}

pub(crate) fn parsed006(t: token_core::ParsedToken) -> ParsedToken {
    ParsedToken {
        signature_hex: t.signature_hex(),
        app_id: t.app_id,
        crc_channel_name: t.crc_channel_name,
        crc_uid: t.crc_uid,
        salt: t.salt,
        ts: t.ts,
        privileges: t
            .privileges
            .iter()
            .map(|&(id, expire)| vec![u32::from(id), expire])
            .collect(),
    }
}

/// `now` (Unix seconds) through the core's check, whose message says when
/// it looks like milliseconds (`Date.now()`); `None`: the clock.
fn now_arg(now: Option<f64>) -> Result<u32> {
    match now {
        Some(v) => validate::check_now(integral(ErrorKind::Now, v)?).map_err(js_err),
        None => Ok(token_core::now_secs()),
    }
}

fn verify_user(
    token: &str,
    app_certificate: &str,
    channel_name: &str,
    user: UserId<'_>,
    now: Option<f64>,
    app_id: Option<&str>,
) -> Result<&'static str> {
    let now = now_arg(now)?;
    let expected = Expected {
        app_id,
        channel_name,
        user,
    };
    token_core::verify(token, app_certificate, &expected, now)
        .map(|r| r.as_str())
        .map_err(js_err)
}

/// The verification result name (`"ok"`, `"channel_mismatch"`, ...).
#[napi]
pub fn verify_uid(
    token: Text,
    app_certificate: Text,
    channel_name: Text,
    uid: f64,
    now: Option<f64>,
    app_id: Option<Text>,
) -> Result<&'static str> {
    guard(|| {
        let uid = uid_arg(uid)?;
        verify_user(
            &token,
            &app_certificate,
            &channel_name,
            UserId::Uid(uid),
            now,
            app_id.as_deref(),
        )
    })
}

#[napi]
pub fn verify_account(
    token: Text,
    app_certificate: Text,
    channel_name: Text,
    account: Text,
    now: Option<f64>,
    app_id: Option<Text>,
) -> Result<&'static str> {
    guard(|| {
        verify_user(
            &token,
            &app_certificate,
            &channel_name,
            UserId::Account(&account),
            now,
            app_id.as_deref(),
        )
    })
}

/// An RTM token (`RtmTokenBuilder`): the account, its `kRtmLogin` expiry.
#[napi]
pub fn verify_rtm(
    token: Text,
    app_certificate: Text,
    account: Text,
    now: Option<f64>,
) -> Result<&'static str> {
    guard(|| {
        token_core::verify_rtm(&*token, &app_certificate, &account, now_arg(now)?)
            .map(|r| r.as_str())
            .map_err(js_err)
    })
}

/// A `{ name, value }` pair of one of the core's tables.
#[napi(object)]
#[derive(Debug)]
pub struct NamedValue {
    pub name: String,
    pub value: i32,
}

/// The privileges, `kJoinChannel` = 1, ..., from token-core.
#[napi]
pub fn privilege_table() -> Result<Vec<NamedValue>> {
    guard(|| {
        Ok(Privilege::ALL
            .iter()
            .map(|p| NamedValue {
                name: p.name().to_owned(),
                value: i32::from(p.id()),
            })
            .collect())
    })
}

/// The roles, `kRoleAttendee` = 0, ..., from token-core.
#[napi]
pub fn role_table() -> Result<Vec<NamedValue>> {
    guard(|| {
        Ok(Role::ALL
            .iter()
            .map(|r| NamedValue {
                name: r.name().to_owned(),
                value: i32::from(r.value()),
            })
            .collect())
    })
}

/// The error categories and their codes (`app_id` = -1, ...), from token-core.
#[napi]
pub fn error_table() -> Result<Vec<NamedValue>> {
    guard(|| {
        Ok(ErrorKind::ALL
            .iter()
            .map(|k| NamedValue {
                name: k.as_str().to_owned(),
                value: k.code(),
            })
            .collect())
    })
}

/// The RTM roles of the npm builders (`Rtm_User` = 1).
#[napi]
pub fn rtm_role_table() -> Result<Vec<NamedValue>> {
    guard(|| {
        Ok(vec![NamedValue {
            name: "Rtm_User".to_owned(),
            value: RtmRole::RtmUser as i32,
        }])
    })
}

#[napi]
pub fn version() -> Result<&'static str> {
    guard(|| Ok(token_core::version()))
}
