//! The three static helpers as plain napi callbacks.
//!
//! A `#[napi]` function with arguments sets up napi-rs's borrow-tracking scope
//! on every call (about 80 ns, an eighth of `buildTokenWithUid`). These
//! helpers take only strings and numbers and return a string, so they need
//! none of it: each callback reads its arguments, calls token-core through the
//! same functions as the rest of the crate, and returns the token or throws an
//! `Error` whose `code` is the category. `index.js` has already checked the
//! argument types; a wrong type reaching here is reported as `internal`.

#![allow(unsafe_code)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use napi::bindgen_prelude::{Error, FromNapiValue, Object};
use napi::{sys, Env};

use crate::text::Text;
use crate::Result;

/// The callbacks, as `index.js` finds them on the addon's exports.
pub fn register(exports: &mut Object, env: &Env) -> napi::Result<()> {
    let callbacks: [(&str, napi::Callback); 3] = [
        ("rtcBuildTokenWithUid", rtc_build_token_with_uid),
        ("rtcBuildTokenWithAccount", rtc_build_token_with_account),
        ("rtmBuildToken", rtm_build_token),
    ];
    for (name, callback) in callbacks {
        let function = env.create_function::<(), ()>(name, callback)?;
        exports.set(name, function)?;
    }
    Ok(())
}

/// The first `N` arguments (`undefined` for missing ones).
///
/// # Safety
/// `env` and `info` are those of the running callback.
unsafe fn arguments<const N: usize>(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> Result<[sys::napi_value; N]> {
    let mut argv = [ptr::null_mut(); N];
    let mut argc = N;
    // SAFETY: argv has room for argc values; napi fills missing ones with undefined.
    let status = unsafe {
        sys::napi_get_cb_info(
            env,
            info,
            &mut argc,
            argv.as_mut_ptr(),
            ptr::null_mut(),
            ptr::null_mut(),
        )
    };
    if status == sys::Status::napi_ok {
        Ok(argv)
    } else {
        Err(Error::new(
            "internal",
            "internal: could not read the arguments",
        ))
    }
}

/// # Safety
/// `env` is the running callback's and `value` one of its arguments.
unsafe fn text(env: sys::napi_env, value: sys::napi_value) -> Result<Text> {
    // SAFETY: forwarded from the caller.
    unsafe { Text::from_napi_value(env, value) }
        .map_err(|_| Error::new("internal", "internal: expected a string"))
}

/// # Safety
/// `env` is the running callback's and `value` one of its arguments.
unsafe fn number(env: sys::napi_env, value: sys::napi_value) -> Result<f64> {
    let mut out = 0f64;
    // SAFETY: forwarded from the caller; `out` is a valid f64 slot.
    if unsafe { sys::napi_get_value_double(env, value, &mut out) } == sys::Status::napi_ok {
        Ok(out)
    } else {
        Err(Error::new("internal", "internal: expected a number"))
    }
}

/// # Safety
/// `env` is the running callback's.
unsafe fn js_string(env: sys::napi_env, s: &str) -> Option<sys::napi_value> {
    let mut out = ptr::null_mut();
    // SAFETY: the pointer and length describe `s`, valid UTF-8.
    let status =
        unsafe { sys::napi_create_string_utf8(env, s.as_ptr().cast(), s.len() as isize, &mut out) };
    (status == sys::Status::napi_ok).then_some(out)
}

/// A string known to be ASCII (a token: "006", hex digits and base64), which
/// V8 copies as one-byte Latin-1 without UTF-8 decoding.
///
/// # Safety
/// `env` is the running callback's.
unsafe fn js_ascii(env: sys::napi_env, s: &str) -> Option<sys::napi_value> {
    if !s.is_ascii() {
        // SAFETY: same env.
        return unsafe { js_string(env, s) };
    }
    let mut out = ptr::null_mut();
    // SAFETY: the pointer and length describe `s`; ASCII is valid Latin-1.
    let status = unsafe {
        sys::napi_create_string_latin1(env, s.as_ptr().cast(), s.len() as isize, &mut out)
    };
    (status == sys::Status::napi_ok).then_some(out)
}

/// Runs `body` without letting a panic cross into JavaScript, then returns
/// its token or throws its error (`code` = category, message = the core's).
///
/// # Safety
/// `env` is the running callback's.
unsafe fn complete(env: sys::napi_env, body: impl FnOnce() -> Result<String>) -> sys::napi_value {
    let err = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(token)) => {
            // SAFETY: same env.
            if let Some(value) = unsafe { js_ascii(env, &token) } {
                return value;
            }
            Error::new("internal", "internal: could not create the token string")
        }
        Ok(Err(e)) => e,
        Err(payload) => {
            if let Err(again) = catch_unwind(AssertUnwindSafe(move || drop(payload))) {
                std::mem::forget(again);
            }
            Error::new("internal", crate::PANIC_MESSAGE)
        }
    };
    // SAFETY: same env; every out-pointer is a local.
    unsafe {
        let mut error = ptr::null_mut();
        let thrown = match (js_string(env, err.status), js_string(env, &err.reason)) {
            (Some(code), Some(message)) => {
                sys::napi_create_error(env, code, message, &mut error) == sys::Status::napi_ok
                    && sys::napi_throw(env, error) == sys::Status::napi_ok
            }
            _ => false,
        };
        if !thrown {
            sys::napi_throw_error(
                env,
                c"internal".as_ptr(),
                c"internal: could not throw an error".as_ptr(),
            );
        }
    }
    ptr::null_mut()
}

/// `rtcBuildTokenWithUid(appId, appCertificate, channelName, uid, role, privilegeExpiredTs)`
unsafe extern "C" fn rtc_build_token_with_uid(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    // SAFETY: env and info are this callback's.
    unsafe {
        complete(env, || {
            let [app_id, cert, channel, uid, role, expire] = arguments::<6>(env, info)?;
            crate::rtc_build_token_with_uid(
                &text(env, app_id)?,
                &text(env, cert)?,
                &text(env, channel)?,
                number(env, uid)?,
                number(env, role)?,
                number(env, expire)?,
            )
        })
    }
}

/// `rtcBuildTokenWithAccount(appId, appCertificate, channelName, account, role, privilegeExpiredTs)`
unsafe extern "C" fn rtc_build_token_with_account(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    // SAFETY: env and info are this callback's.
    unsafe {
        complete(env, || {
            let [app_id, cert, channel, account, role, expire] = arguments::<6>(env, info)?;
            crate::rtc_build_token_with_account(
                &text(env, app_id)?,
                &text(env, cert)?,
                &text(env, channel)?,
                &text(env, account)?,
                number(env, role)?,
                number(env, expire)?,
            )
        })
    }
}

/// `rtmBuildToken(appId, appCertificate, account, role, privilegeExpiredTs)`
unsafe extern "C" fn rtm_build_token(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    // SAFETY: env and info are this callback's.
    unsafe {
        complete(env, || {
            let [app_id, cert, account, role, expire] = arguments::<5>(env, info)?;
            crate::rtm_build_token(
                &text(env, app_id)?,
                &text(env, cert)?,
                &text(env, account)?,
                number(env, role)?,
                number(env, expire)?,
            )
        })
    }
}
