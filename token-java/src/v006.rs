//! AccessToken "006": the `SimpleTokenBuilder` handle and the one-shot RTC/RTM helpers.
//!
//! A builder crosses the boundary as a `long` handle: `Box::into_raw` of a
//! [`SimpleTokenBuilder`], freed exactly once by `builderFree` (the Java class calls it from
//! `close()` or from its `Cleaner`). The Java class serialises every call on one builder, so a
//! handle is never used by two threads at once.

use std::sync::atomic::{AtomicI64, Ordering};

use jni::objects::{JByteArray, JClass, JLongArray, JString};
use jni::refs::Reference as _;
use jni::sys::{jint, jlong, JNIEnv};
use jni::{Env, EnvUnowned};
use token_core::validate::check_u32;
use token_core::{
    check_uid, ErrorKind, Privilege, Role, RtcTokenBuilder, RtmRole, RtmTokenBuilder, SimpleTokenBuilder, UserId,
};

use crate::{
    null_argument, run, run_raw, string, with_token_buffer, write_token, write_token_raw, ArgBuffer, Res,
};

/// `Native.NULL_ROLE`: a null RTC role (RTM: any role is accepted and ignored).
const NULL_ROLE: jint = jint::MIN;

/// Builders created and not yet freed (read by the Java tests to find leaks).
static LIVE_BUILDERS: AtomicI64 = AtomicI64::new(0);

fn u32_arg(kind: ErrorKind, value: jlong) -> Res<u32> {
    Ok(check_u32(kind, i128::from(value))?)
}

/// The user of a 006 call: the account when Java passed one, else the numeric uid (checked by
/// the core's `check_uid`, whose message explains a negative Java int).
fn user<'a>(account: Option<&'a str>, uid: jlong) -> Res<UserId<'a>> {
    Ok(match account {
        Some(account) => UserId::Account(account),
        None => UserId::Uid(check_uid(i128::from(uid))?),
    })
}

/// The builder behind a handle.
///
/// The Java class passes only handles it got from `builderNew` and has not
/// freed, and never the same handle from two threads at once.
fn builder<'a>(handle: jlong) -> Res<&'a mut SimpleTokenBuilder> {
    if handle == 0 {
        return Err(null_argument("builder handle").into());
    }
    // SAFETY: see above; the handle is a live `Box<SimpleTokenBuilder>` used by one thread.
    Ok(unsafe { &mut *(handle as *mut SimpleTokenBuilder) })
}

/// `long Native.liveBuilders()`: builders created and not yet freed.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_liveBuilders<'l>(env: EnvUnowned<'l>, _c: JClass<'l>) -> jlong {
    run(env, |_| Ok(LIVE_BUILDERS.load(Ordering::Relaxed)))
}

/// `long Native.builderNew(String appId, String appCertificate, String channelName, String userAccount, long uid)`:
/// a builder for the account, or for the numeric uid when `userAccount` is null.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderNew<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    user_account: JString<'l>,
    uid: jlong,
) -> jlong {
    run(env, |env| {
        let app_id = string(env, &app_id, "appId")?;
        let app_certificate = string(env, &app_certificate, "appCertificate")?;
        let channel_name = string(env, &channel_name, "channelName")?;
        let account = crate::optional_string(env, &user_account)?;
        let b = SimpleTokenBuilder::new(&app_id, &app_certificate, &channel_name, user(account.as_deref().map(String::as_str), uid)?)?;
        LIVE_BUILDERS.fetch_add(1, Ordering::Relaxed);
        Ok(Box::into_raw(Box::new(b)) as jlong)
    })
}

/// `void Native.builderFree(long handle)`: 0 is a no-op. Called exactly once per handle.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderFree<'l>(env: EnvUnowned<'l>, _c: JClass<'l>, handle: jlong) {
    run(env, |_| {
        if handle != 0 {
            // SAFETY: a live handle from `builderNew`, freed once (the Java class guarantees it).
            drop(unsafe { Box::from_raw(handle as *mut SimpleTokenBuilder) });
            LIVE_BUILDERS.fetch_sub(1, Ordering::Relaxed);
        }
        Ok(())
    })
}

/// `void Native.builderInitTokenBuilder(long handle, String originToken)`
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderInitTokenBuilder<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
    origin_token: JString<'l>,
) {
    run(env, |env| {
        let b = builder(handle)?;
        let token = string(env, &origin_token, "originToken")?;
        Ok(b.init_token_builder(token)?)
    })
}

/// `void Native.builderSet(long handle, int what, int id, long value)`: one change to a builder.
/// `what`: 0 set privilege `id` until `value`; 1 remove privilege `id`; 2 the privileges of
/// role `id`; 3 the salt (`Long.MIN_VALUE`: a fresh one per token); 4 the ts (`Long.MIN_VALUE`:
/// now + 24 h at each build). A failing change leaves the builder unchanged.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderSet<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
    what: jint,
    id: jint,
    value: jlong,
) {
    run(env, |_| {
        let b = builder(handle)?;
        let optional = |kind| if value == jlong::MIN { Ok(None) } else { u32_arg(kind, value).map(Some) };
        match what {
            0 => b.set_privilege(Privilege::try_from_id(id.into())?, u32_arg(ErrorKind::ExpireTs, value)?),
            1 => b.remove_privilege(Privilege::try_from_id(id.into())?),
            2 => b.init_privileges(Role::try_from_value(id.into())?),
            3 => b.set_salt(optional(ErrorKind::Salt)?),
            4 => b.set_ts(optional(ErrorKind::Ts)?),
            _ => return Err(crate::internal(format_args!("builderSet: no change {what}")).into()),
        }
        Ok(())
    })
}

/// `long[] Native.builderState(long handle)`: `[salt, ts, id0, expire0, id1, expire1, ...]`,
/// salt and ts -1 when drawn at each build, privileges sorted by id.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderState<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
) -> JLongArray<'l> {
    run(env, |env| {
        let b = builder(handle)?;
        let head = [b.salt().map_or(-1, jlong::from), b.ts().map_or(-1, jlong::from)];
        let privileges = b.privileges().iter().flat_map(|&(id, e)| [jlong::from(id), jlong::from(e)]);
        let flat: Vec<jlong> = head.into_iter().chain(privileges).collect();
        crate::long_array(env, &flat)
    })
}

/// `int Native.builderBuildToken(long handle, byte[] out, int capacity)`: the token's ASCII
/// bytes into `out`, whose length the caller passes as `capacity` (see [`write_token_raw`]).
/// The hot path: built into this thread's reused buffer ([`with_token_buffer`]) and run by
/// [`run_raw`].
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_builderBuildToken<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    handle: jlong,
    out: JByteArray<'l>,
    capacity: jint,
) -> jint {
    let out = out.as_raw();
    let fast = |raw| {
        let b = builder(handle)?;
        with_token_buffer(|buffer| {
            b.build_token_into(buffer)?;
            // SAFETY: `raw` is this native method's JNIEnv, nothing is pending, `out` its argument.
            unsafe { write_token_raw(raw, out, capacity, buffer) }.map(Some)
        })
    };
    run_raw(env, fast, |_| Err(crate::internal("no general path").into()))
}

/// The arguments of `build006`, read from Java.
struct Helper<'a> {
    rtm: bool,
    app_id: &'a str,
    app_certificate: &'a str,
    channel_name: &'a str,
    account: Option<&'a str>,
    uid: jlong,
    role: jint,
    privilege_ts: jlong,
}

impl Helper<'_> {
    /// Checks and builds, appending the token to `buffer`. The checks run in the same order on
    /// both paths (the strings were read first, then uid, role, expiry, then the core's checks).
    fn build(&self, buffer: &mut Vec<u8>) -> Res<()> {
        if self.rtm {
            let role = RtmRole::try_from_value(self.role.into())?;
            let ts = u32_arg(ErrorKind::ExpireTs, self.privilege_ts)?;
            let token = RtmTokenBuilder::build_token(self.app_id, self.app_certificate, self.channel_name, role, ts)?;
            buffer.extend_from_slice(token.as_bytes());
            return Ok(());
        }
        let user = user(self.account, self.uid)?;
        // `Native.NULL_ROLE` is Java's null: the core's JOIN_ONLY, as Agora's builders treat it.
        let role = Role::from_optional(Some(self.role).filter(|&r| r != NULL_ROLE).map(i64::from))?;
        let ts = u32_arg(ErrorKind::ExpireTs, self.privilege_ts)?;
        let (id, cert, channel) = (self.app_id, self.app_certificate, self.channel_name);
        Ok(RtcTokenBuilder::build_token_into(buffer, id, cert, channel, user, role, ts)?)
    }
}

/// `int Native.build006(boolean rtm, String appId, String appCertificate, String channelName, String account, long uid, int role, long privilegeTs, byte[] out, int capacity)`:
/// `RtcTokenBuilder.buildTokenWithUid` (account null) or `…WithUserAccount`, or with `rtm`
/// `RtmTokenBuilder.buildToken` (the account in `channelName`); the token into `out` of length
/// `capacity`, as `builderBuildToken`. Short ASCII strings (every valid input) are read into
/// stack buffers on the raw fast path; anything else takes the general path, which gives the
/// same checks in the same order.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_build006<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    rtm: jni::sys::jboolean,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    account: JString<'l>,
    uid: jlong,
    role: jint,
    privilege_ts: jlong,
    out: JByteArray<'l>,
    capacity: jint,
) -> jint {
    let (a, c, n, u, o) = (app_id.as_raw(), app_certificate.as_raw(), channel_name.as_raw(), account.as_raw(), out.as_raw());
    let fast = |raw: *mut JNIEnv| {
        let (mut ab, mut cb, mut nb, mut ub) = (ArgBuffer::new(), ArgBuffer::new(), ArgBuffer::new(), ArgBuffer::new());
        // SAFETY: `raw` is this native method's JNIEnv with nothing pending; the references are
        // its arguments (each null or a String of this frame).
        let (Some(app_id), Some(app_certificate), Some(channel_name)) =
            (unsafe { ab.ascii(raw, a) }, unsafe { cb.ascii(raw, c) }, unsafe { nb.ascii(raw, n) })
        else {
            return Ok(None);
        };
        let account = match u.is_null() {
            true => None,
            // SAFETY: as above.
            false => match unsafe { ub.ascii(raw, u) } {
                Some(account) => Some(account),
                None => return Ok(None),
            },
        };
        let helper = Helper { rtm, app_id, app_certificate, channel_name, account, uid, role, privilege_ts };
        with_token_buffer(|buffer| {
            helper.build(buffer)?;
            // SAFETY: as above; `o` is null or this frame's byte[].
            unsafe { write_token_raw(raw, o, capacity, buffer) }.map(Some)
        })
    };
    let general = |env: &mut Env<'l>| {
        let app_id = string(env, &app_id, "appId")?;
        let app_certificate = string(env, &app_certificate, "appCertificate")?;
        let channel_name = string(env, &channel_name, if rtm { "uid" } else { "channelName" })?;
        let account = crate::optional_string(env, &account)?;
        let account = account.as_deref().map(String::as_str);
        let helper = Helper { rtm, app_id: &app_id, app_certificate: &app_certificate, channel_name: &channel_name, account, uid, role, privilege_ts };
        with_token_buffer(|buffer| {
            helper.build(buffer)?;
            write_token(env, &out, buffer)
        })
    };
    run_raw(env, fast, general)
}
