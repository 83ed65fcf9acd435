//! Reading tokens back, in either format: `parse` and `verify`.
//!
//! `format` is 6 (AccessToken, "006"), 7 (AccessToken2, "007"), 8 (007 read as Agora's readers
//! read it: the core's `parse007_lenient` / `verify007_lenient`, which stop at the first service
//! of a type without a class) or 0 (either, by the token's version prefix: the core's
//! `parse_any` / `verify_any`).

use jni::objects::{JClass, JObject, JObjectArray, JString};
use jni::sys::{jint, jlong};
use jni::{Env, EnvUnowned};
use token_core::{
    check_now, check_uid, parse, parse007, parse007_lenient, parse_any, verify, verify007, verify007_lenient, verify_any,
    verify_rtm, AnyToken, ErrorKind, Expected, Expected007, ParsedToken, ParsedToken2, TokenError, UserId,
};

use crate::v007::put_service;
use crate::{long_array, optional_string, run, string, string_array};

fn bad_format(format: jint) -> TokenError {
    crate::internal(format_args!("format {format} is not 0, 6, 7 or 8"))
}

/// `[6, crc_channel_name, crc_uid, salt, ts, (id, expire)*]`
fn ints006(t: &ParsedToken) -> Vec<jlong> {
    let head = [6, t.crc_channel_name.into(), t.crc_uid.into(), t.salt.into(), t.ts.into()];
    head.into_iter().chain(t.privileges.iter().flat_map(|&(id, e)| [jlong::from(id), jlong::from(e)])).collect()
}

/// `[7, issue_ts, expire, salt, count, services*]` and the services' strings.
fn ints007(t: &ParsedToken2) -> (Vec<jlong>, Vec<Option<String>>) {
    let mut ints = vec![7, t.issue_ts.into(), t.expire.into(), t.salt.into(), t.services.len() as jlong];
    let mut strings = Vec::new();
    for s in &t.services {
        put_service(&mut ints, &mut strings, s);
    }
    (ints, strings)
}

/// `Object[] Native.parse(int format, String token)`: `{String appId, byte[] signature, long[]
/// ints, String[] strings, byte[] content}`, where `ints[0]` is the format read (6 or 7), then
/// the fields as [`ints006`] and [`ints007`] give them (services in the layout of `v007`); 006
/// has no strings and no content.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_parse<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    format: jint,
    token: JString<'l>,
) -> JObjectArray<'l> {
    run(env, |env| {
        let token = string(env, &token, "token")?;
        let parsed = match format {
            0 => parse_any(&*token)?,
            6 => AnyToken::V006(parse(&*token)?),
            7 => AnyToken::V007(parse007(&*token)?),
            8 => AnyToken::V007(parse007_lenient(&*token)?),
            _ => return Err(bad_format(format).into()),
        };
        let (app_id, signature, (ints, strings), content) = match &parsed {
            AnyToken::V006(t) => (&t.app_id, &t.signature[..], (ints006(t), Vec::new()), None),
            AnyToken::V007(t) => (&t.app_id, &t.signature[..], ints007(t), Some(&t.content)),
        };
        let result = JObjectArray::<JObject>::new(env, 5, JObject::null())?;
        let app_id = JString::from_str(env, app_id)?;
        result.set_element(env, 0, &app_id)?;
        let signature = env.byte_array_from_slice(signature)?;
        result.set_element(env, 1, &signature)?;
        let ints = long_array(env, &ints)?;
        result.set_element(env, 2, &ints)?;
        let strings = string_array(env, &strings)?;
        result.set_element(env, 3, &strings)?;
        if let Some(content) = content {
            let content = env.byte_array_from_slice(content)?;
            result.set_element(env, 4, &content)?;
        }
        Ok(result)
    })
}

/// `int Native.verify(int format, String token, String appId, String appCertificate, String channelName, String account, long uid, String rtmUserId, long now)`:
/// a `VerifyResult` value. `appId` (checked first when given), `channelName` (an RTC check,
/// for `account` or else the numeric `uid`) and `rtmUserId` (an RTM check) may be null. 006
/// checks a channel, or with `rtmUserId` an RTM token (`verify_rtm`); 0 takes a channel.
/// `now` goes through the core's `check_now` and `uid` through its `check_uid`.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_agora_media_Native_verify<'l>(
    env: EnvUnowned<'l>,
    _c: JClass<'l>,
    format: jint,
    token: JString<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    account: JString<'l>,
    uid: jlong,
    rtm_user_id: JString<'l>,
    now: jlong,
) -> jint {
    run(env, |env: &mut Env<'l>| {
        let token = string(env, &token, "token")?;
        let app_id = optional_string(env, &app_id)?;
        let app_certificate = string(env, &app_certificate, "appCertificate")?;
        let channel = optional_string(env, &channel_name)?;
        let account = optional_string(env, &account)?;
        let rtm = optional_string(env, &rtm_user_id)?;
        let user = match (&channel, &account) {
            (None, _) => UserId::Uid(0),
            (Some(_), Some(account)) => UserId::Account(account),
            (Some(_), None) => UserId::Uid(check_uid(i128::from(uid))?),
        };
        let now = check_now(i128::from(now))?;
        let (app_id, channel, rtm) = (app_id.as_deref().map(String::as_str), channel.as_deref(), rtm.as_deref());
        let channel_needed = || channel.map(String::as_str).ok_or_else(|| crate::null_argument("channelName"));
        let result = match (format, rtm) {
            (6, Some(rtm)) => verify_rtm(&*token, &app_certificate, rtm, now)?,
            (6 | 0, None) => {
                let expected = Expected { app_id, channel_name: channel_needed()?, user };
                if format == 6 { verify(&*token, &app_certificate, &expected, now)? } else { verify_any(&*token, &app_certificate, &expected, now)? }
            }
            (7 | 8, rtm) => {
                let rtc = channel.map(|c| (c.as_str(), user));
                let expected = Expected007 { app_id, rtc, rtm: rtm.map(String::as_str) };
                if format == 7 {
                    verify007(&*token, &app_certificate, &expected, now)?
                } else {
                    verify007_lenient(&*token, &app_certificate, &expected, now)?
                }
            }
            (0, Some(_)) => return Err(TokenError::new(ErrorKind::NullArgument, "rtmUserId: verifyAny checks RTC tokens only").into()),
            _ => return Err(bad_format(format).into()),
        };
        Ok(result.value())
    })
}
