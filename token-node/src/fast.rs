//! The hot entries as plain napi callbacks: the three 006 static helpers and
//! the one generic 007 builder entry (`build007`, `build007Pinned`).
//!
//! A `#[napi]` function with arguments sets up napi-rs's borrow-tracking scope
//! on every call (about 80 ns, an eighth of `buildTokenWithUid`), and cannot
//! take a variable number of arguments or throw a `TypeError`. These
//! callbacks take only strings, numbers and (007) one array, and return a
//! string: each reads its arguments with the readers below, calls token-core,
//! and returns the token or throws. The 006 helpers are called by `index.js`
//! after its type checks (a wrong type reaching them is `internal`); the 007
//! entry checks types itself, so that each reference-named builder in
//! `v2.js` is one line.

#![allow(unsafe_code)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use napi::bindgen_prelude::{Error, FromNapiValue, Object};
use napi::{sys, Env};

use crate::text::Text;

/// What a callback throws: an `Error` whose `code` is the token-core
/// category, or a `TypeError` (`code` `null_argument` for null/undefined,
/// else `ERR_INVALID_ARG_TYPE`/`ERR_INVALID_ARG_VALUE`).
pub enum Thrown {
    Error(Error<&'static str>),
    TypeError(Error<&'static str>),
}

impl From<Error<&'static str>> for Thrown {
    fn from(e: Error<&'static str>) -> Thrown {
        Thrown::Error(e)
    }
}

pub type Result<T> = std::result::Result<T, Thrown>;

fn internal(message: &'static str) -> Thrown {
    Thrown::Error(Error::new("internal", message))
}

/// The callbacks, as `index.js` and `v2.js` find them on the addon's exports.
pub fn register(exports: &mut Object, env: &Env) -> napi::Result<()> {
    let callbacks: [(&str, napi::Callback); 6] = [
        ("rtcBuildTokenWithUid", rtc_build_token_with_uid),
        ("rtcBuildTokenWithAccount", rtc_build_token_with_account),
        ("rtmBuildToken", rtm_build_token),
        ("build007", build007),
        ("build007Pinned", build007_pinned),
        ("build007Accepting", build007_accepting),
    ];
    for (name, callback) in callbacks {
        let function = env.create_function::<(), ()>(name, callback)?;
        exports.set(name, function)?;
    }
    Ok(())
}

/// The JS arguments of a callback.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub env: sys::napi_env,
    /// The reader's whole buffer: the arguments passed, then `undefined`.
    values: &'a [sys::napi_value],
    /// How many arguments were passed (at most the buffer's length).
    pub count: usize,
}

/// Reads up to `N` arguments into `argv` and returns them.
///
/// # Safety
/// `env` and `info` are those of the running callback.
unsafe fn arguments<const N: usize>(
    env: sys::napi_env,
    info: sys::napi_callback_info,
    argv: &mut [sys::napi_value; N],
) -> Result<Args<'_>> {
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
    if status != sys::Status::napi_ok {
        return Err(internal("internal: could not read the arguments"));
    }
    Ok(Args {
        env,
        values: argv,
        count: argc.min(N),
    })
}

/// A JS value's type, for `TypeError` messages (never the value itself: it
/// may be the certificate passed in the wrong place).
pub fn type_name(env: sys::napi_env, value: sys::napi_value) -> &'static str {
    let mut t = 0;
    // SAFETY: env and value belong to the running callback.
    if unsafe { sys::napi_typeof(env, value, &mut t) } != sys::Status::napi_ok {
        return "an unknown value";
    }
    match t {
        sys::ValueType::napi_undefined => "undefined",
        sys::ValueType::napi_null => "null",
        sys::ValueType::napi_boolean => "type boolean",
        sys::ValueType::napi_number => "type number",
        sys::ValueType::napi_string => "type string",
        sys::ValueType::napi_symbol => "type symbol",
        sys::ValueType::napi_function => "type function",
        sys::ValueType::napi_bigint => "type bigint",
        _ => "an object",
    }
}

/// `true` for `undefined` and `null`.
pub fn is_absent(env: sys::napi_env, value: sys::napi_value) -> bool {
    matches!(type_name(env, value), "undefined" | "null")
}

/// A python3 parameter name as JavaScript spells it (`channel_name` -> `channelName`).
pub fn camel(name: &str) -> String {
    let mut parts = name.split('_');
    let mut out = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        let mut chars = part.chars();
        out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
        out.push_str(chars.as_str());
    }
    out
}

/// The `TypeError` of an argument of the wrong type: names the argument and
/// the type received.
pub fn wrong_type(
    env: sys::napi_env,
    value: sys::napi_value,
    name: &str,
    expected: &str,
) -> Thrown {
    let got = type_name(env, value);
    let code = if matches!(got, "undefined" | "null") {
        "null_argument"
    } else {
        "ERR_INVALID_ARG_TYPE"
    };
    Thrown::TypeError(Error::new(
        code,
        format!("{}: expected {expected}, got {got}", camel(name)),
    ))
}

impl Args<'_> {
    /// Argument `i` (`undefined` past the last one passed).
    pub fn get(&self, i: usize) -> sys::napi_value {
        self.values[i]
    }

    /// Argument `i` as a string; a `TypeError` naming it otherwise, or when
    /// it holds a lone surrogate (not Unicode; napi would replace it).
    pub fn text(&self, i: usize, name: &str) -> Result<Text> {
        let value = self.get(i);
        // SAFETY: env and value belong to the running callback (a null value is refused by napi).
        let text = unsafe { Text::from_napi_value(self.env, value) }
            .map_err(|_| wrong_type(self.env, value, name, "a string"))?;
        if text.had_lone_surrogate() {
            return Err(Thrown::TypeError(Error::new(
                "ERR_INVALID_ARG_VALUE",
                format!("{}: the string holds a lone surrogate (U+D800..U+DFFF alone), which is not Unicode", camel(name)),
            )));
        }
        Ok(text)
    }

    /// Argument `i` as a JS number (a double); the 006 helpers' reader.
    pub fn number(&self, i: usize) -> Result<f64> {
        let mut out = 0f64;
        // SAFETY: env and value belong to the running callback; `out` is a valid f64 slot.
        if unsafe { sys::napi_get_value_double(self.env, self.get(i), &mut out) }
            == sys::Status::napi_ok
        {
            Ok(out)
        } else {
            Err(internal("internal: expected a number"))
        }
    }

    /// Argument `i` as an integer: a number or a bigint. A fraction, NaN,
    /// ±Infinity or a value beyond the i64 range is a `category` error.
    pub fn integer(&self, i: usize, name: &str, category: token_core::ErrorKind) -> Result<i64> {
        let (env, value) = (self.env, self.get(i));
        let mut n = 0f64;
        // SAFETY: env and value belong to the running callback.
        if unsafe { sys::napi_get_value_double(env, value, &mut n) } == sys::Status::napi_ok {
            return Ok(crate::i64_arg(category, n)?);
        }
        let (mut v, mut lossless) = (0i64, false);
        // SAFETY: as above; both out-pointers are locals.
        if unsafe { sys::napi_get_value_bigint_int64(env, value, &mut v, &mut lossless) }
            == sys::Status::napi_ok
        {
            if lossless {
                return Ok(v);
            }
            let kind = category.as_str();
            return Err(Thrown::Error(Error::new(
                kind,
                format!("{kind}: the bigint is outside the 64-bit range"),
            )));
        }
        Err(wrong_type(
            env,
            value,
            name,
            "an integer (a number or a bigint)",
        ))
    }

    /// Argument `i` as null/undefined (`None`) or an integer.
    pub fn optional_integer(
        &self,
        i: usize,
        name: &str,
        category: token_core::ErrorKind,
    ) -> Result<Option<i64>> {
        if is_absent(self.env, self.get(i)) {
            Ok(None)
        } else {
            self.integer(i, name, category).map(Some)
        }
    }

    /// Argument `i` converted by napi-rs, or the `TypeError` naming it.
    pub fn convert<T: FromNapiValue>(&self, i: usize, name: &str, expected: &str) -> Result<T> {
        let value = self.get(i);
        // SAFETY: env and value belong to the running callback.
        unsafe { T::from_napi_value(self.env, value) }
            .map_err(|_| wrong_type(self.env, value, name, expected))
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

/// A string known to be ASCII (a token: "006"/"007", hex digits and
/// base64), which V8 copies as one-byte Latin-1 without UTF-8 decoding.
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
/// `env` and `info` are the running callback's.
unsafe fn complete<const N: usize>(
    env: sys::napi_env,
    info: sys::napi_callback_info,
    body: impl FnOnce(Args<'_>) -> Result<String>,
) -> sys::napi_value {
    let run = || {
        let mut argv = [ptr::null_mut(); N];
        // SAFETY: env and info are the running callback's.
        body(unsafe { arguments::<N>(env, info, &mut argv)? })
    };
    let thrown = match catch_unwind(AssertUnwindSafe(run)) {
        Ok(Ok(token)) => {
            // SAFETY: same env.
            if let Some(value) = unsafe { js_ascii(env, &token) } {
                return value;
            }
            internal("internal: could not create the token string")
        }
        Ok(Err(e)) => e,
        Err(payload) => {
            if let Err(again) = catch_unwind(AssertUnwindSafe(move || drop(payload))) {
                std::mem::forget(again);
            }
            internal(crate::PANIC_MESSAGE)
        }
    };
    let (is_type_error, err) = match thrown {
        Thrown::Error(e) => (false, e),
        Thrown::TypeError(e) => (true, e),
    };
    // SAFETY: same env; every out-pointer is a local.
    unsafe {
        let mut error = ptr::null_mut();
        let thrown = match (js_string(env, err.status), js_string(env, &err.reason)) {
            (Some(code), Some(message)) => {
                let created = if is_type_error {
                    sys::napi_create_type_error(env, code, message, &mut error)
                } else {
                    sys::napi_create_error(env, code, message, &mut error)
                };
                created == sys::Status::napi_ok
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

/// 006 strings: a wrong type reaching here means `index.js` was bypassed. (A
/// lone surrogate reaches the core as U+FFFD, which every 006 string field's
/// character rule refuses with the field's category.)
fn text006(args: &Args<'_>, i: usize) -> Result<Text> {
    // SAFETY: env and value belong to the running callback.
    unsafe { Text::from_napi_value(args.env, args.get(i)) }
        .map_err(|_| internal("internal: expected a string"))
}

/// `rtcBuildTokenWithUid(appId, appCertificate, channelName, uid, role, privilegeExpiredTs)`
unsafe extern "C" fn rtc_build_token_with_uid(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    // SAFETY: env and info are this callback's.
    unsafe {
        complete::<6>(env, info, |a| {
            Ok(crate::rtc_build_token_with_uid(
                &text006(&a, 0)?,
                &text006(&a, 1)?,
                &text006(&a, 2)?,
                a.number(3)?,
                a.number(4)?,
                a.number(5)?,
            )?)
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
        complete::<6>(env, info, |a| {
            Ok(crate::rtc_build_token_with_account(
                &text006(&a, 0)?,
                &text006(&a, 1)?,
                &text006(&a, 2)?,
                &text006(&a, 3)?,
                a.number(4)?,
                a.number(5)?,
            )?)
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
        complete::<5>(env, info, |a| {
            Ok(crate::rtm_build_token(
                &text006(&a, 0)?,
                &text006(&a, 1)?,
                &text006(&a, 2)?,
                a.number(3)?,
                a.number(4)?,
            )?)
        })
    }
}

/// Room for the index, two pins, app id, certificate and the longest recipe (10).
const BUILD007_ARGS: usize = 16;

/// `build007(index, appId, appCertificate, ...args)`: a 007 builder of the
/// core's recipe table, issue_ts and salt drawn.
unsafe extern "C" fn build007(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    // SAFETY: env and info are this callback's.
    unsafe { complete::<BUILD007_ARGS>(env, info, |a| crate::v007::build(a, false, false)) }
}

/// `build007Pinned(index, issueTs, salt, appId, appCertificate, ...args)`:
/// the same with issue_ts and salt pinned (null: drawn), for tests and the
/// `builder007` vectors.
unsafe extern "C" fn build007_pinned(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    // SAFETY: env and info are this callback's.
    unsafe { complete::<BUILD007_ARGS>(env, info, |a| crate::v007::build(a, true, false)) }
}

/// `build007Accepting(index, appId, appCertificate, ...args)`: `build007` that
/// also takes what npm's builders accept when the token is right (a numeric
/// uid as decimal text, a fractional expiry, a null RTC role), for the
/// `agoratoken/agora-token` modules.
unsafe extern "C" fn build007_accepting(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    // SAFETY: env and info are this callback's.
    unsafe { complete::<BUILD007_ARGS>(env, info, |a| crate::v007::build(a, false, true)) }
}
