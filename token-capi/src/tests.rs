//! Unit tests of the C ABI, calling the exports as C would.

use super::*;
use crate::boundary::{run, run_void, str_arg, with_token_buf, TOKEN_BUF, TOKEN_BUF_KEEP};
use std::borrow::Cow;
use std::ffi::CStr;
use std::ptr;
use token_core::{Privilege, RtmRole};

const APP_ID: &CStr = c"970CA35de60c44645bbae8a215061b33";
const CERT: &CStr = c"5CFd2fd1755d40ecb72977518be15d3b";
const CHANNEL: &CStr = c"7d72365eb983485397e3e3f9d460bdda";
const UID: u32 = 2882341273;
/// Agora's published sample token for these inputs, salt 1, ts 1111111, JoinChannel until 1446455471.
const SAMPLE: &str = "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW";

fn last_error() -> String {
    // SAFETY: the library returns a valid NUL-terminated string.
    unsafe { CStr::from_ptr(agora_token_last_error()) }.to_str().unwrap().to_owned()
}

fn name(status: c_int) -> &'static str {
    // SAFETY: static NUL-terminated strings.
    unsafe { CStr::from_ptr(agora_token_error_name(status)) }.to_str().unwrap()
}

fn new_uid(uid: u32) -> *mut agora_token_builder {
    let mut b = ptr::null_mut();
    // SAFETY: valid strings and out-pointer.
    let rc = unsafe { agora_token_builder_new_uid(APP_ID.as_ptr(), CERT.as_ptr(), CHANNEL.as_ptr(), uid, &mut b) };
    assert_eq!(rc, 0, "{}", last_error());
    assert!(!b.is_null());
    b
}

fn build(b: *const agora_token_builder) -> String {
    let mut t = ptr::null_mut();
    // SAFETY: live builder, valid out-pointer.
    let rc = unsafe { agora_token_builder_build_token(b, &mut t) };
    assert_eq!(rc, 0, "{}", last_error());
    take_string(t)
}

fn take_string(t: *mut c_char) -> String {
    assert!(!t.is_null());
    // SAFETY: a string from the library, freed once.
    let s = unsafe { CStr::from_ptr(t) }.to_str().unwrap().to_owned();
    unsafe { agora_token_string_free(t) };
    s
}

#[test]
fn builds_the_reference_sample() {
    let b = new_uid(UID);
    unsafe {
        assert_eq!(agora_token_builder_set_salt(b, 1), 0);
        assert_eq!(agora_token_builder_set_ts(b, 1111111), 0);
        assert_eq!(agora_token_builder_set_privilege(b, 1, 1446455471), 0);
    }
    assert_eq!(build(b), SAMPLE);
    unsafe { agora_token_builder_free(b) };
}

#[test]
fn status_enum_is_token_cores_table() {
    use agora_token_status::*;
    let ours = [
        AGORA_TOKEN_ERR_APP_ID,
        AGORA_TOKEN_ERR_APP_CERTIFICATE,
        AGORA_TOKEN_ERR_CHANNEL_NAME,
        AGORA_TOKEN_ERR_USER_ACCOUNT,
        AGORA_TOKEN_ERR_UID,
        AGORA_TOKEN_ERR_VERSION,
        AGORA_TOKEN_ERR_BASE64,
        AGORA_TOKEN_ERR_TRUNCATED,
        AGORA_TOKEN_ERR_TRAILING,
        AGORA_TOKEN_ERR_APP_ID_MISMATCH,
        AGORA_TOKEN_ERR_CHANNEL_MISMATCH,
        AGORA_TOKEN_ERR_UID_MISMATCH,
        AGORA_TOKEN_ERR_PRIVILEGE,
        AGORA_TOKEN_ERR_ROLE,
        AGORA_TOKEN_ERR_SALT,
        AGORA_TOKEN_ERR_TS,
        AGORA_TOKEN_ERR_EXPIRE_TS,
        AGORA_TOKEN_ERR_NULL_ARGUMENT,
        AGORA_TOKEN_ERR_INTERNAL,
        AGORA_TOKEN_ERR_BUFFER_TOO_SMALL,
        AGORA_TOKEN_ERR_ZLIB,
        AGORA_TOKEN_ERR_SIGNATURE,
        AGORA_TOKEN_ERR_NO_SERVICE,
        AGORA_TOKEN_ERR_SERVICE,
        AGORA_TOKEN_ERR_PERMISSION,
        AGORA_TOKEN_ERR_UTF8,
        AGORA_TOKEN_ERR_USER_ID,
        AGORA_TOKEN_ERR_ROOM_UUID,
        AGORA_TOKEN_ERR_USER_UUID,
        AGORA_TOKEN_ERR_ISSUE_TS,
        AGORA_TOKEN_ERR_EXPIRE,
        AGORA_TOKEN_ERR_RANDOM,
        AGORA_TOKEN_ERR_TOO_LONG,
        AGORA_TOKEN_ERR_NOW,
    ];
    assert_eq!(ours.len(), ErrorKind::ALL.len(), "a category without a header constant");
    for (status, kind) in ours.iter().zip(ErrorKind::ALL) {
        assert_eq!(*status as i32, kind.code());
        assert_eq!(name(*status as c_int), kind.as_str());
    }
    assert_eq!(AGORA_TOKEN_OK as i32, 0);
    assert_eq!(name(0), "ok");
    assert_eq!(name(-20), "buffer_too_small");
    assert_eq!(name(-32), "random");
    assert_eq!(name(-35), "unknown");
    assert_eq!(name(1), "unknown");
    assert_eq!(name(c_int::MIN), "unknown");
}

#[test]
fn privilege_role_and_verify_enums_are_token_cores() {
    use agora_token_privilege_id::*;
    let ours = [
        AGORA_TOKEN_PRIVILEGE_JOIN_CHANNEL,
        AGORA_TOKEN_PRIVILEGE_PUBLISH_AUDIO_STREAM,
        AGORA_TOKEN_PRIVILEGE_PUBLISH_VIDEO_STREAM,
        AGORA_TOKEN_PRIVILEGE_PUBLISH_DATA_STREAM,
        AGORA_TOKEN_PRIVILEGE_PUBLISH_AUDIO_CDN,
        AGORA_TOKEN_PRIVILEGE_PUBLISH_VIDEO_CDN,
        AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_AUDIO_STREAM,
        AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_VIDEO_STREAM,
        AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_DATA_STREAM,
        AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_AUDIO_STREAM,
        AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_VIDEO_STREAM,
        AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_DATA_STREAM,
        AGORA_TOKEN_PRIVILEGE_ADMINISTRATE_CHANNEL,
        AGORA_TOKEN_PRIVILEGE_RTM_LOGIN,
    ];
    assert_eq!(ours.len(), Privilege::ALL.len());
    for (p, core) in ours.iter().zip(Privilege::ALL) {
        assert_eq!(*p as i32, i32::from(core.id()));
    }
    use agora_token_role::*;
    let roles =
        [AGORA_TOKEN_ROLE_ATTENDEE, AGORA_TOKEN_ROLE_PUBLISHER, AGORA_TOKEN_ROLE_SUBSCRIBER, AGORA_TOKEN_ROLE_ADMIN];
    assert_eq!(roles.len(), token_core::Role::ALL.len());
    for (r, core) in roles.iter().zip(token_core::Role::ALL) {
        assert_eq!(*r as i32, i32::from(core.value()));
    }
    assert_eq!(agora_token_rtm_role::AGORA_TOKEN_RTM_ROLE_USER as i32, RtmRole::RtmUser as i32);
    use agora_token_verify_result::*;
    let results = [
        AGORA_TOKEN_VERIFY_OK,
        AGORA_TOKEN_VERIFY_APP_ID_MISMATCH,
        AGORA_TOKEN_VERIFY_CHANNEL_MISMATCH,
        AGORA_TOKEN_VERIFY_UID_MISMATCH,
        AGORA_TOKEN_VERIFY_SIGNATURE_MISMATCH,
        AGORA_TOKEN_VERIFY_EXPIRED,
        AGORA_TOKEN_VERIFY_PRIVILEGE_EXPIRED,
        AGORA_TOKEN_VERIFY_SERVICE_MISSING,
    ];
    assert_eq!(results.len(), VerifyResult::ALL.len());
    for (r, core) in results.iter().zip(VerifyResult::ALL) {
        assert_eq!(*r as i32, core.value());
        // SAFETY: static strings.
        let n = unsafe { CStr::from_ptr(agora_token_verify_result_name(*r as c_int)) };
        assert_eq!(n.to_str().unwrap(), core.as_str());
    }
    let n = unsafe { CStr::from_ptr(agora_token_verify_result_name(8)) };
    assert_eq!(n.to_str().unwrap(), "unknown");
    let n = unsafe { CStr::from_ptr(agora_token_verify_result_name(-1)) };
    assert_eq!(n.to_str().unwrap(), "unknown");
}

#[test]
fn version_is_the_workspace_version() {
    let v = unsafe { CStr::from_ptr(agora_token_version()) };
    assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    assert_eq!(v.to_str().unwrap(), token_core::version());
}

#[test]
fn null_arguments_are_an_error_and_leave_out_params_alone() {
    let null = ptr::null::<c_char>();
    let sentinel = 0x1 as *mut agora_token_builder;
    let mut b = sentinel;
    unsafe {
        for rc in [
            agora_token_builder_new_uid(null, CERT.as_ptr(), CHANNEL.as_ptr(), 1, &mut b),
            agora_token_builder_new_uid(APP_ID.as_ptr(), null, CHANNEL.as_ptr(), 1, &mut b),
            agora_token_builder_new_uid(APP_ID.as_ptr(), CERT.as_ptr(), null, 1, &mut b),
            agora_token_builder_new_uid(APP_ID.as_ptr(), CERT.as_ptr(), CHANNEL.as_ptr(), 1, ptr::null_mut()),
            agora_token_builder_new_user_account(APP_ID.as_ptr(), CERT.as_ptr(), CHANNEL.as_ptr(), null, &mut b),
        ] {
            assert_eq!(rc, agora_token_status::AGORA_TOKEN_ERR_NULL_ARGUMENT as c_int);
            assert!(last_error().starts_with("null_argument:"), "{}", last_error());
        }
    }
    assert_eq!(b, sentinel, "an out-parameter was written on failure");

    let nb = ptr::null_mut::<agora_token_builder>();
    let live = new_uid(UID);
    let mut t = 0x1 as *mut c_char;
    let mut i64_out = 77i64;
    let mut info = 0x1 as *mut agora_token_info;
    let mut res = 77;
    let n = agora_token_status::AGORA_TOKEN_ERR_NULL_ARGUMENT as c_int;
    unsafe {
        assert_eq!(agora_token_builder_init_token_builder(nb, c"006".as_ptr()), n);
        assert_eq!(agora_token_builder_init_token_builder(live, null), n);
        assert_eq!(agora_token_builder_init_privileges(nb, 1), n);
        assert_eq!(agora_token_builder_set_privilege(nb, 1, 0), n);
        assert_eq!(agora_token_builder_remove_privilege(nb, 1), n);
        assert_eq!(agora_token_builder_set_salt(nb, 1), n);
        assert_eq!(agora_token_builder_clear_salt(nb), n);
        assert_eq!(agora_token_builder_get_salt(nb, &mut i64_out), n);
        assert_eq!(agora_token_builder_get_salt(live, ptr::null_mut()), n);
        assert_eq!(agora_token_builder_set_ts(nb, 1), n);
        assert_eq!(agora_token_builder_clear_ts(nb), n);
        assert_eq!(agora_token_builder_get_ts(nb, &mut i64_out), n);
        assert_eq!(agora_token_builder_get_ts(live, ptr::null_mut()), n);
        assert_eq!(agora_token_builder_build_token(nb, &mut t), n);
        assert_eq!(agora_token_builder_build_token(live, ptr::null_mut()), n);
        assert_eq!(
            agora_rtc_token_builder_build_token_with_uid(null, CERT.as_ptr(), CHANNEL.as_ptr(), 1, 1, 0, &mut t),
            n
        );
        assert_eq!(
            agora_rtc_token_builder_build_token_with_uid(
                APP_ID.as_ptr(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                1,
                1,
                0,
                ptr::null_mut()
            ),
            n
        );
        assert_eq!(
            agora_rtc_token_builder_build_token_with_user_account(
                APP_ID.as_ptr(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                null,
                1,
                0,
                &mut t
            ),
            n
        );
        assert_eq!(agora_rtm_token_builder_build_token(APP_ID.as_ptr(), null, c"u".as_ptr(), 1, 0, &mut t), n);
        assert_eq!(
            agora_rtm_token_builder_build_token(APP_ID.as_ptr(), CERT.as_ptr(), c"u".as_ptr(), 1, 0, ptr::null_mut()),
            n
        );
        assert_eq!(agora_token_parse(null, &mut info), n);
        assert_eq!(agora_token_parse(c"006".as_ptr(), ptr::null_mut()), n);
        let tok = std::ffi::CString::new(SAMPLE).unwrap();
        assert_eq!(agora_token_verify(null, null, CERT.as_ptr(), CHANNEL.as_ptr(), UID, 0, &mut res), n);
        assert_eq!(agora_token_verify(tok.as_ptr(), null, null, CHANNEL.as_ptr(), UID, 0, &mut res), n);
        assert_eq!(agora_token_verify(tok.as_ptr(), null, CERT.as_ptr(), null, UID, 0, &mut res), n);
        assert_eq!(agora_token_verify(tok.as_ptr(), null, CERT.as_ptr(), CHANNEL.as_ptr(), UID, 0, ptr::null_mut()), n);
        assert_eq!(
            agora_token_verify_user_account(tok.as_ptr(), null, CERT.as_ptr(), CHANNEL.as_ptr(), null, 0, &mut res),
            n
        );
        // Freeing NULL is a no-op.
        agora_token_builder_free(ptr::null_mut());
        agora_token_string_free(ptr::null_mut());
        agora_token_info_free(ptr::null_mut());
        agora_token_builder_free(live);
    }
    assert_eq!(t, 0x1 as *mut c_char);
    assert_eq!(i64_out, 77);
    assert_eq!(info, 0x1 as *mut agora_token_info);
    assert_eq!(res, 77);
}

#[test]
fn invalid_utf8_fails_the_fields_check() {
    let bad = c"ab\xffcd";
    let mut b = ptr::null_mut();
    let mut t = ptr::null_mut();
    let mut res = 0;
    unsafe {
        assert_eq!(agora_token_builder_new_uid(bad.as_ptr(), CERT.as_ptr(), CHANNEL.as_ptr(), 1, &mut b), -1);
        assert_eq!(agora_token_builder_new_uid(APP_ID.as_ptr(), bad.as_ptr(), CHANNEL.as_ptr(), 1, &mut b), -2);
        assert!(last_error().starts_with("app_certificate:"));
        assert_eq!(agora_token_builder_new_uid(APP_ID.as_ptr(), CERT.as_ptr(), bad.as_ptr(), 1, &mut b), -3);
        assert_eq!(
            agora_token_builder_new_user_account(
                APP_ID.as_ptr(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                bad.as_ptr(),
                &mut b
            ),
            -4
        );
        assert_eq!(agora_rtm_token_builder_build_token(APP_ID.as_ptr(), CERT.as_ptr(), bad.as_ptr(), 1, 0, &mut t), -4);
        let tok = std::ffi::CString::new(SAMPLE).unwrap();
        assert_eq!(
            agora_token_verify(tok.as_ptr(), bad.as_ptr(), CERT.as_ptr(), CHANNEL.as_ptr(), UID, 0, &mut res),
            -1
        );
        assert_eq!(agora_token_verify(tok.as_ptr(), ptr::null(), CERT.as_ptr(), bad.as_ptr(), UID, 0, &mut res), -3);
        assert_eq!(
            agora_token_verify_user_account(
                tok.as_ptr(),
                ptr::null(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                bad.as_ptr(),
                0,
                &mut res
            ),
            -4
        );
        // A token that is not UTF-8 is a parse category, not a conversion failure.
        let mut info = ptr::null_mut();
        assert_eq!(agora_token_parse(c"006970CA35de60c44645bbae8a215061b33\xff\xff".as_ptr(), &mut info), -7);
        assert!(info.is_null());
    }
    assert!(b.is_null());
    assert!(t.is_null());
}

#[test]
fn builder_setters_and_getters() {
    let b = new_uid(UID);
    let mut v = 0i64;
    unsafe {
        assert_eq!(agora_token_builder_get_salt(b, &mut v), 0);
        assert_eq!(v, -1);
        assert_eq!(agora_token_builder_get_ts(b, &mut v), 0);
        assert_eq!(v, -1);
        assert_eq!(agora_token_builder_set_salt(b, u32::MAX), 0);
        assert_eq!(agora_token_builder_get_salt(b, &mut v), 0);
        assert_eq!(v, i64::from(u32::MAX));
        assert_eq!(agora_token_builder_set_ts(b, 0), 0);
        assert_eq!(agora_token_builder_get_ts(b, &mut v), 0);
        assert_eq!(v, 0);
        assert_eq!(agora_token_builder_clear_salt(b), 0);
        assert_eq!(agora_token_builder_get_salt(b, &mut v), 0);
        assert_eq!(v, -1);
        assert_eq!(agora_token_builder_clear_ts(b), 0);
        assert_eq!(agora_token_builder_get_ts(b, &mut v), 0);
        assert_eq!(v, -1);
        // Without a fixed salt, two tokens differ; with one, they are equal.
        let (a, c) = (build(b), build(b));
        assert_ne!(a, c);
        agora_token_builder_set_salt(b, 5);
        agora_token_builder_set_ts(b, 6);
        assert_eq!(build(b), build(b));

        assert_eq!(agora_token_builder_set_privilege(b, 13, 0), -13);
        assert!(last_error().starts_with("privilege:"));
        assert_eq!(agora_token_builder_set_privilege(b, -1, 0), -13);
        assert_eq!(agora_token_builder_set_privilege(b, 65536 + 1, 0), -13);
        assert_eq!(agora_token_builder_remove_privilege(b, 0), -13);
        assert_eq!(agora_token_builder_init_privileges(b, 3), -14);
        assert!(last_error().starts_with("role:"));
        assert_eq!(agora_token_builder_init_privileges(b, -1), -14);

        assert_eq!(agora_token_builder_init_privileges(b, 2), 0);
        assert_eq!(agora_token_builder_set_privilege(b, 1000, 9), 0);
        assert_eq!(agora_token_builder_remove_privilege(b, 1000), 0);
        assert_eq!(agora_token_builder_remove_privilege(b, 1000), 0);
        let tok = std::ffi::CString::new(build(b)).unwrap();
        let mut info = ptr::null_mut();
        assert_eq!(agora_token_parse(tok.as_ptr(), &mut info), 0);
        let i = &*info;
        assert_eq!(i.salt, 5);
        assert_eq!(i.ts, 6);
        assert_eq!(i.privilege_count, 1);
        assert_eq!(*i.privileges, agora_token_privilege { id: 1, expire_ts: 0 });
        agora_token_info_free(info);
        agora_token_builder_free(b);
    }
}

#[test]
fn init_token_builder_renews_and_refuses_others() {
    let b = new_uid(UID);
    let tok = std::ffi::CString::new(SAMPLE).unwrap();
    let mut v = 0i64;
    unsafe {
        assert_eq!(agora_token_builder_init_token_builder(b, tok.as_ptr()), 0);
        // Privileges only: salt and ts are drawn afresh (token-core's rule).
        assert_eq!(agora_token_builder_get_salt(b, &mut v), 0);
        assert_eq!(v, -1);
        assert_eq!(agora_token_builder_get_ts(b, &mut v), 0);
        assert_eq!(v, -1);
        assert_eq!(agora_token_builder_set_salt(b, 1), 0);
        assert_eq!(agora_token_builder_set_ts(b, 1111111), 0);
        assert_eq!(build(b), SAMPLE);
        assert_eq!(agora_token_builder_init_token_builder(b, c"007abc".as_ptr()), -6);
        assert_eq!(agora_token_builder_init_token_builder(b, c"006xyz".as_ptr()), -1);
        assert_eq!(build(b), SAMPLE, "a failed init changed the builder");

        let other = new_uid(UID + 1);
        assert_eq!(agora_token_builder_init_token_builder(other, tok.as_ptr()), -12);
        assert!(last_error().starts_with("uid_mismatch:"));
        agora_token_builder_free(other);
        let mut o = ptr::null_mut();
        assert_eq!(agora_token_builder_new_uid(APP_ID.as_ptr(), CERT.as_ptr(), c"other".as_ptr(), UID, &mut o), 0);
        assert_eq!(agora_token_builder_init_token_builder(o, tok.as_ptr()), -11);
        agora_token_builder_free(o);
        let mut o = ptr::null_mut();
        assert_eq!(
            agora_token_builder_new_uid(
                c"0000000000000000000000000000000a".as_ptr(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                UID,
                &mut o
            ),
            0
        );
        assert_eq!(agora_token_builder_init_token_builder(o, tok.as_ptr()), -10);
        agora_token_builder_free(o);
        agora_token_builder_free(b);
    }
}

#[test]
fn helpers_and_verify() {
    let mut t = ptr::null_mut();
    let mut res = -1;
    unsafe {
        assert_eq!(
            agora_rtc_token_builder_build_token_with_uid(
                APP_ID.as_ptr(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                UID,
                1,
                0,
                &mut t
            ),
            0
        );
        let tok = std::ffi::CString::new(take_string(t)).unwrap();
        let now = token_core::now_secs();
        assert_eq!(
            agora_token_verify(tok.as_ptr(), APP_ID.as_ptr(), CERT.as_ptr(), CHANNEL.as_ptr(), UID, now, &mut res),
            0
        );
        assert_eq!(res, 0);
        assert_eq!(
            agora_token_verify(
                tok.as_ptr(),
                c"0000000000000000000000000000000a".as_ptr(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                UID,
                now,
                &mut res
            ),
            0
        );
        assert_eq!(res, 1);
        assert_eq!(agora_token_verify(tok.as_ptr(), ptr::null(), CERT.as_ptr(), c"x".as_ptr(), UID, now, &mut res), 0);
        assert_eq!(res, 2);
        assert_eq!(agora_token_verify(tok.as_ptr(), ptr::null(), CERT.as_ptr(), CHANNEL.as_ptr(), 1, now, &mut res), 0);
        assert_eq!(res, 3);
        assert_eq!(
            agora_token_verify(
                tok.as_ptr(),
                ptr::null(),
                c"00000000000000000000000000000000".as_ptr(),
                CHANNEL.as_ptr(),
                UID,
                now,
                &mut res
            ),
            0
        );
        assert_eq!(res, 4);
        assert_eq!(
            agora_token_verify(tok.as_ptr(), ptr::null(), CERT.as_ptr(), CHANNEL.as_ptr(), UID, u32::MAX, &mut res),
            0
        );
        assert_eq!(res, 5);
        let uid_str = std::ffi::CString::new(UID.to_string()).unwrap();
        assert_eq!(
            agora_token_verify_user_account(
                tok.as_ptr(),
                ptr::null(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                uid_str.as_ptr(),
                now,
                &mut res
            ),
            0
        );
        assert_eq!(res, 0, "uid N and account \"N\" are the same user");
        res = 99;
        assert_eq!(
            agora_token_verify(c"006".as_ptr(), ptr::null(), CERT.as_ptr(), CHANNEL.as_ptr(), UID, now, &mut res),
            -1
        );
        assert_eq!(
            agora_token_verify(tok.as_ptr(), ptr::null(), c"short".as_ptr(), CHANNEL.as_ptr(), UID, now, &mut res),
            -2
        );
        assert_eq!(res, 99);

        assert_eq!(
            agora_rtc_token_builder_build_token_with_user_account(
                APP_ID.as_ptr(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                c"alice".as_ptr(),
                2,
                5,
                &mut t
            ),
            0
        );
        let tok = std::ffi::CString::new(take_string(t)).unwrap();
        assert_eq!(
            agora_token_verify_user_account(
                tok.as_ptr(),
                ptr::null(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                c"alice".as_ptr(),
                6,
                &mut res
            ),
            0
        );
        assert_eq!(res, 6, "privilege_expired");
        t = ptr::null_mut();
        assert_eq!(
            agora_rtc_token_builder_build_token_with_user_account(
                APP_ID.as_ptr(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                c"alice".as_ptr(),
                7,
                5,
                &mut t
            ),
            -14
        );
        assert_eq!(
            agora_rtc_token_builder_build_token_with_uid(APP_ID.as_ptr(), CERT.as_ptr(), c"".as_ptr(), 1, 1, 5, &mut t),
            -3
        );
        // Any RTM role: Agora's builders ignore it, and so the token is the same.
        assert_eq!(
            agora_rtm_token_builder_build_token(APP_ID.as_ptr(), CERT.as_ptr(), c"bob".as_ptr(), 0, 0, &mut t),
            0
        );
        let role0 = token_core::parse(take_string(t)).unwrap();
        t = ptr::null_mut();
        assert_eq!(
            agora_rtm_token_builder_build_token(APP_ID.as_ptr(), CERT.as_ptr(), c"bob".as_ptr(), 1, 0, &mut t),
            0
        );
        let tok = std::ffi::CString::new(take_string(t)).unwrap();
        assert_eq!(token_core::parse(tok.to_str().unwrap()).unwrap().privileges, role0.privileges);
        let mut info = ptr::null_mut();
        assert_eq!(agora_token_parse(tok.as_ptr(), &mut info), 0);
        assert_eq!((*info).privilege_count, 1);
        assert_eq!((*info).privileges.read().id, 1000);
        assert_eq!((*info).crc_uid, crc32_of(b""));
        agora_token_info_free(info);
    }
}

fn crc32_of(bytes: &[u8]) -> u32 {
    // Bitwise CRC-32 (IEEE): an independent check of the parsed field.
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[test]
fn parse_exposes_every_field() {
    let tok = std::ffi::CString::new(SAMPLE).unwrap();
    let mut info = ptr::null_mut();
    unsafe {
        assert_eq!(agora_token_parse(tok.as_ptr(), &mut info), 0);
        let i = &*info;
        assert_eq!(CStr::from_ptr(i.app_id.as_ptr()), APP_ID);
        assert_eq!(i.signature_len, 32);
        let sig = std::slice::from_raw_parts(i.signature, i.signature_len);
        assert_eq!(token_core::hex_lower(sig), token_core::parse(SAMPLE).unwrap().signature_hex());
        assert_eq!(i.crc_channel_name, crc32_of(CHANNEL.to_bytes()));
        assert_eq!(i.crc_uid, crc32_of(UID.to_string().as_bytes()));
        assert_eq!((i.salt, i.ts, i.privilege_count), (1, 1111111, 1));
        assert_eq!(*i.privileges, agora_token_privilege { id: 1, expire_ts: 1446455471 });
        agora_token_info_free(info);
        for (bad, code) in [
            ("", -6),
            ("007", -6),
            ("006abc", -1),
            ("006970CA35de60c44645bbae8a215061b33", -8),
            ("006970CA35de60c44645bbae8a215061b33A", -7),
        ] {
            let c = std::ffi::CString::new(bad).unwrap();
            let mut info = ptr::null_mut();
            assert_eq!(agora_token_parse(c.as_ptr(), &mut info), code, "{bad}");
            assert!(info.is_null());
            assert_eq!(last_error().split(':').next().unwrap(), name(code));
        }
    }
}

#[test]
fn no_message_contains_the_certificate() {
    let certs =
        [c"5CFd2fd1755d40ecb72977518be15d3", c"5CFd2fd1755d40ecb72977518be15d3bz", c"5CFd2fd1755d40ecb72977518be15d3Z"];
    for cert in certs {
        let mut b = ptr::null_mut();
        let mut t = ptr::null_mut();
        let mut res = 0;
        let tok = std::ffi::CString::new(SAMPLE).unwrap();
        unsafe {
            for rc in [
                agora_token_builder_new_uid(APP_ID.as_ptr(), cert.as_ptr(), CHANNEL.as_ptr(), 1, &mut b),
                agora_rtc_token_builder_build_token_with_uid(
                    APP_ID.as_ptr(),
                    cert.as_ptr(),
                    CHANNEL.as_ptr(),
                    1,
                    1,
                    0,
                    &mut t,
                ),
                agora_rtm_token_builder_build_token(APP_ID.as_ptr(), cert.as_ptr(), c"u".as_ptr(), 1, 0, &mut t),
                agora_token_verify(tok.as_ptr(), ptr::null(), cert.as_ptr(), CHANNEL.as_ptr(), UID, 0, &mut res),
            ] {
                assert_eq!(rc, -2);
                let msg = last_error();
                assert!(msg.starts_with("app_certificate:"), "{msg}");
                assert!(!msg.contains("5CFd2fd1"), "the certificate leaked: {msg}");
            }
        }
    }
    // A builder that fails later must not leak the valid certificate either.
    let b = new_uid(UID);
    unsafe {
        assert_eq!(agora_token_builder_set_privilege(b, 99, 0), -13);
        assert!(!last_error().contains(CERT.to_str().unwrap()));
        agora_token_builder_free(b);
    }
}

#[test]
fn last_error_is_per_thread_and_kept_across_successes() {
    let b = new_uid(UID);
    unsafe {
        assert_eq!(agora_token_builder_init_privileges(b, 55), -14);
    }
    let here = last_error();
    assert!(here.starts_with("role:"));
    let other = std::thread::spawn(|| {
        let before = last_error();
        let mut info = ptr::null_mut();
        let rc = unsafe { agora_token_parse(c"bad".as_ptr(), &mut info) };
        (before, rc, last_error())
    })
    .join()
    .unwrap();
    assert_eq!(other.0, "", "a new thread starts with no message");
    assert_eq!(other.1, -6);
    assert!(other.2.starts_with("version:"));
    assert_eq!(last_error(), here, "another thread's failure changed this thread's message");
    unsafe {
        assert_eq!(agora_token_builder_set_salt(b, 1), 0);
        agora_token_builder_free(b);
    }
    assert_eq!(last_error(), here);
}

#[test]
fn a_panic_becomes_internal() {
    let rc = run(|| panic!("boom secret-payload"));
    assert_eq!(rc, agora_token_status::AGORA_TOKEN_ERR_INTERNAL as c_int);
    assert!(last_error().starts_with("internal:"));
    assert!(!last_error().contains("secret-payload"), "a panic payload reached the message");
    run_void(|| panic!("boom"));
    assert!(last_error().starts_with("internal:"));
}

#[test]
fn a_panic_in_a_string_getter_gives_its_fallback() {
    let p = run_str(UNKNOWN, || panic!("boom secret-payload"));
    assert_eq!(unsafe { CStr::from_ptr(p) }, UNKNOWN);
    assert!(last_error().starts_with("internal:"));
    assert!(!last_error().contains("secret-payload"));
}

#[test]
fn a_lossy_copy_is_zeroed() {
    let bytes = b"5CFd2fd1755d40ecb72977518be15d3\xff\0";
    let mut arg = unsafe { str_arg(bytes.as_ptr().cast(), ErrorKind::AppCertificate) }.unwrap();
    assert!(!arg.is_utf8());
    arg.wipe(); // what Drop runs
    let Cow::Owned(copy) = &mut arg.text else { panic!("not a copy") };
    assert!(copy.is_empty());
    // SAFETY: the spare capacity was written (zeroed) by zeroize, so reading it is defined.
    let spare = unsafe { copy.as_mut_vec() }.spare_capacity_mut();
    assert!(spare.len() >= 32);
    assert!(spare.iter().all(|b| unsafe { b.assume_init() } == 0), "the copy was not zeroed");
}

#[test]
fn a_panic_whose_payload_panics_on_drop_stays_inside() {
    struct Bomb;
    impl Drop for Bomb {
        fn drop(&mut self) {
            panic!("dropping the payload");
        }
    }
    // Without drop_payload, the second panic would leave the extern "C" frame and abort.
    let rc = run(|| std::panic::panic_any(Bomb));
    assert_eq!(rc, agora_token_status::AGORA_TOKEN_ERR_INTERNAL as c_int);
    assert!(last_error().starts_with("internal:"));
    run_void(|| std::panic::panic_any(Bomb));
    assert!(last_error().starts_with("internal:"));
}

#[test]
fn builders_on_many_threads() {
    let handles: Vec<_> = (0..4u32)
        .map(|n| {
            std::thread::spawn(move || {
                let b = new_uid(n + 1);
                unsafe {
                    agora_token_builder_set_salt(b, n);
                    agora_token_builder_set_ts(b, 1000);
                }
                let t = (0..50).map(|_| build(b)).collect::<std::collections::HashSet<_>>();
                unsafe { agora_token_builder_free(b) };
                assert_eq!(t.len(), 1);
                t.into_iter().next().unwrap()
            })
        })
        .collect();
    let tokens: std::collections::HashSet<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(tokens.len(), 4);
}

#[test]
fn a_field_that_is_not_utf8_fails_where_token_core_checks_that_field() {
    let bad = c"ab\xffcd";
    let tok = std::ffi::CString::new(SAMPLE).unwrap();
    let (mut b, mut t, mut res) = (ptr::null_mut(), ptr::null_mut(), 99);
    unsafe {
        // The documented order (app id, certificate, channel, user) holds even
        // when a later field is not UTF-8.
        assert_eq!(agora_token_builder_new_uid(c"xyz".as_ptr(), CERT.as_ptr(), bad.as_ptr(), 1, &mut b), -1);
        assert!(last_error().starts_with("app_id: must be"), "{}", last_error());
        assert_eq!(agora_token_builder_new_uid(APP_ID.as_ptr(), c"short".as_ptr(), bad.as_ptr(), 1, &mut b), -2);
        assert_eq!(
            agora_token_builder_new_user_account(APP_ID.as_ptr(), CERT.as_ptr(), c"".as_ptr(), bad.as_ptr(), &mut b),
            -3
        );
        assert_eq!(
            agora_rtc_token_builder_build_token_with_uid(c"xyz".as_ptr(), CERT.as_ptr(), bad.as_ptr(), 1, 1, 0, &mut t),
            -1
        );
        assert_eq!(
            agora_rtc_token_builder_build_token_with_user_account(
                APP_ID.as_ptr(),
                c"short".as_ptr(),
                CHANNEL.as_ptr(),
                bad.as_ptr(),
                1,
                0,
                &mut t
            ),
            -2
        );
        assert_eq!(agora_rtm_token_builder_build_token(c"xyz".as_ptr(), CERT.as_ptr(), bad.as_ptr(), 1, 0, &mut t), -1);
        // Alone, it is its field's failure, said as such.
        assert_eq!(agora_token_builder_new_uid(APP_ID.as_ptr(), CERT.as_ptr(), bad.as_ptr(), 1, &mut b), -3);
        assert_eq!(last_error(), "channel_name: is not valid UTF-8");
        assert_eq!(agora_token_builder_new_uid(APP_ID.as_ptr(), bad.as_ptr(), CHANNEL.as_ptr(), 1, &mut b), -2);
        assert_eq!(last_error(), "app_certificate: is not valid UTF-8");
        // verify: the certificate and the token are checked first; a channel or
        // user that is not UTF-8 is an error, never a verify result.
        assert_eq!(
            agora_token_verify(c"garbage".as_ptr(), ptr::null(), CERT.as_ptr(), bad.as_ptr(), UID, 0, &mut res),
            -6
        );
        assert_eq!(
            agora_token_verify(tok.as_ptr(), ptr::null(), c"short".as_ptr(), bad.as_ptr(), UID, 0, &mut res),
            -2
        );
        assert_eq!(agora_token_verify(tok.as_ptr(), ptr::null(), CERT.as_ptr(), bad.as_ptr(), UID, 0, &mut res), -3);
        assert_eq!(last_error(), "channel_name: is not valid UTF-8");
        assert_eq!(
            agora_token_verify(tok.as_ptr(), bad.as_ptr(), CERT.as_ptr(), CHANNEL.as_ptr(), UID, 0, &mut res),
            -1
        );
        assert_eq!(last_error(), "app_id: is not valid UTF-8");
        assert_eq!(
            agora_token_verify_user_account(
                tok.as_ptr(),
                ptr::null(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                bad.as_ptr(),
                0,
                &mut res
            ),
            -4
        );
        assert_eq!(last_error(), "user_account: is not valid UTF-8");
    }
    assert!(b.is_null());
    assert!(t.is_null());
    assert_eq!(res, 99);
}

// ---------------------------------------------------------------------------
// The `_into` functions: the caller's buffer.

const TOO_SMALL: c_int = agora_token_status::AGORA_TOKEN_ERR_BUFFER_TOO_SMALL as c_int;
const NULL_ARG: c_int = agora_token_status::AGORA_TOKEN_ERR_NULL_ARGUMENT as c_int;
/// What an untouched buffer holds.
const FILL: u8 = 0xA5;

/// Calls `f(buf, buf_len, token_len_out)` with a buffer of `len` bytes
/// (filled with FILL) and a length sentinel; returns the status, the buffer
/// and the length.
fn into_call(len: usize, f: impl FnOnce(*mut c_char, usize, *mut usize) -> c_int) -> (c_int, Vec<u8>, usize) {
    let mut buf = vec![FILL; len];
    let mut n = usize::MAX;
    let rc = f(buf.as_mut_ptr().cast(), len, &mut n);
    (rc, buf, n)
}

/// The token in a buffer that `_into` filled: the bytes before the NUL at `n`.
fn token_in(buf: &[u8], n: usize) -> String {
    assert_eq!(buf[n], 0, "no NUL after the token");
    assert!(!buf[..n].contains(&0));
    assert!(buf[n + 1..].iter().all(|&b| b == FILL), "bytes past the NUL were written");
    String::from_utf8(buf[..n].to_vec()).unwrap()
}

fn assert_untouched(rc: c_int, want: c_int, buf: &[u8], n: usize) {
    assert_eq!(rc, want, "{}", last_error());
    assert!(buf.iter().all(|&b| b == FILL), "the buffer was written on failure");
    assert_eq!(n, usize::MAX, "token_len_out was written on failure");
}

fn sample_builder() -> *mut agora_token_builder {
    let b = new_uid(UID);
    unsafe {
        assert_eq!(agora_token_builder_set_salt(b, 1), 0);
        assert_eq!(agora_token_builder_set_ts(b, 1111111), 0);
        assert_eq!(agora_token_builder_set_privilege(b, 1, 1446455471), 0);
    }
    b
}

#[test]
fn build_token_into_writes_the_token_and_a_nul() {
    let b = sample_builder();
    let (rc, buf, n) = into_call(256, |p, l, o| unsafe { agora_token_builder_build_token_into(b, p, l, o) });
    assert_eq!(rc, 0, "{}", last_error());
    assert_eq!(n, SAMPLE.len());
    assert_eq!(token_in(&buf, n), SAMPLE);
    // The same token as the allocating function, again and again (the
    // thread's buffer is reused).
    for _ in 0..3 {
        assert_eq!(build(b), SAMPLE);
        let (rc, buf, n) = into_call(256, |p, l, o| unsafe { agora_token_builder_build_token_into(b, p, l, o) });
        assert_eq!(rc, 0);
        assert_eq!(token_in(&buf, n), SAMPLE);
    }
    unsafe { agora_token_builder_free(b) };
}

#[test]
fn build_token_into_exact_fit_and_one_byte_short() {
    let b = sample_builder();
    let exact = SAMPLE.len() + 1;
    let (rc, buf, n) = into_call(exact, |p, l, o| unsafe { agora_token_builder_build_token_into(b, p, l, o) });
    assert_eq!(rc, 0, "{}", last_error());
    assert_eq!(token_in(&buf, n), SAMPLE);

    for len in [exact - 1, SAMPLE.len() / 2, 1, 0] {
        let (rc, buf, n) = into_call(len, |p, l, o| unsafe { agora_token_builder_build_token_into(b, p, l, o) });
        assert_untouched(rc, TOO_SMALL, &buf, n);
        let msg = last_error();
        assert!(msg.starts_with("buffer_too_small:"), "{msg}");
        assert!(msg.contains(&format!("{exact} bytes")), "the message does not name the bytes needed: {msg}");
        assert_eq!(name(rc), "buffer_too_small");
    }
    // A buffer of length 0 at a dangling (non-NULL) pointer is never touched.
    let mut n = usize::MAX;
    let rc = unsafe { agora_token_builder_build_token_into(b, ptr::NonNull::dangling().as_ptr(), 0, &mut n) };
    assert_eq!((rc, n), (TOO_SMALL, usize::MAX));
    unsafe { agora_token_builder_free(b) };
}

#[test]
fn build_token_into_nulls() {
    let b = sample_builder();
    let (rc, buf, n) = into_call(256, |p, l, o| unsafe { agora_token_builder_build_token_into(ptr::null(), p, l, o) });
    assert_untouched(rc, NULL_ARG, &buf, n);
    assert_eq!(last_error(), "null_argument: builder is NULL");
    let (rc, buf, n) =
        into_call(256, |_, l, o| unsafe { agora_token_builder_build_token_into(b, ptr::null_mut(), l, o) });
    assert_untouched(rc, NULL_ARG, &buf, n);
    assert_eq!(last_error(), "null_argument: buf is NULL");
    // NULL with length 0 is NULL, not too small.
    let (rc, _, n) = into_call(0, |_, _, o| unsafe { agora_token_builder_build_token_into(b, ptr::null_mut(), 0, o) });
    assert_eq!((rc, n), (NULL_ARG, usize::MAX));
    let (rc, buf, _) =
        into_call(256, |p, l, _| unsafe { agora_token_builder_build_token_into(b, p, l, ptr::null_mut()) });
    assert_untouched(rc, NULL_ARG, &buf, usize::MAX);
    assert_eq!(last_error(), "null_argument: token_len_out is NULL");
    unsafe { agora_token_builder_free(b) };
}

/// Calls one of the RTC `_into` helpers: with `account`, the user-account form.
fn rtc_into(cert: &CStr, channel: &CStr, account: Option<&CStr>, role: c_int, len: usize) -> (c_int, Vec<u8>, usize) {
    into_call(len, |p, l, o| unsafe {
        match account {
            None => agora_rtc_token_builder_build_token_with_uid_into(
                APP_ID.as_ptr(),
                cert.as_ptr(),
                channel.as_ptr(),
                UID,
                role,
                0,
                p,
                l,
                o,
            ),
            Some(a) => agora_rtc_token_builder_build_token_with_user_account_into(
                APP_ID.as_ptr(),
                cert.as_ptr(),
                channel.as_ptr(),
                a.as_ptr(),
                role,
                0,
                p,
                l,
                o,
            ),
        }
    })
}

#[test]
fn rtc_into_builds_verifiable_tokens_exact_fit_and_one_short() {
    let now = token_core::now_secs();
    for account in [None, Some(c"alice")] {
        let (rc, buf, n) = rtc_into(CERT, CHANNEL, account, 1, 256);
        assert_eq!(rc, 0, "{}", last_error());
        let token = std::ffi::CString::new(token_in(&buf, n)).unwrap();
        let mut res = -1;
        unsafe {
            let rc = match account {
                None => agora_token_verify(
                    token.as_ptr(),
                    APP_ID.as_ptr(),
                    CERT.as_ptr(),
                    CHANNEL.as_ptr(),
                    UID,
                    now,
                    &mut res,
                ),
                Some(a) => agora_token_verify_user_account(
                    token.as_ptr(),
                    APP_ID.as_ptr(),
                    CERT.as_ptr(),
                    CHANNEL.as_ptr(),
                    a.as_ptr(),
                    now,
                    &mut res,
                ),
            };
            assert_eq!((rc, res), (0, 0));
        }
        let mut info = ptr::null_mut();
        unsafe {
            assert_eq!(agora_token_parse(token.as_ptr(), &mut info), 0);
            assert_eq!((*info).privilege_count, 4, "the publisher role's privileges");
            agora_token_info_free(info);
        }
        // The length of an RTC token does not depend on the salt: exact fit, then one byte short.
        let (rc, buf, m) = rtc_into(CERT, CHANNEL, account, 1, n + 1);
        assert_eq!(rc, 0, "{}", last_error());
        assert_eq!(m, n);
        assert_eq!(token_in(&buf, m).len(), n);
        let (rc, buf, m) = rtc_into(CERT, CHANNEL, account, 1, n);
        assert_untouched(rc, TOO_SMALL, &buf, m);
        assert!(last_error().contains(&format!("{} bytes", n + 1)), "{}", last_error());
    }
}

#[test]
fn rtc_into_bad_input_nulls_and_utf8_leave_the_buffer_alone() {
    for account in [None, Some(c"alice")] {
        let (rc, buf, n) = rtc_into(CERT, c"", account, 1, 256);
        assert_untouched(rc, -3, &buf, n);
        assert!(last_error().starts_with("channel_name:"));
        let (rc, buf, n) = rtc_into(CERT, CHANNEL, account, 7, 256);
        assert_untouched(rc, -14, &buf, n);
        let (rc, buf, n) = rtc_into(c"short", CHANNEL, account, 1, 256);
        assert_untouched(rc, -2, &buf, n);
        assert!(!last_error().contains("short"));
        let (rc, buf, n) = rtc_into(CERT, c"ab\xffcd", account, 1, 256);
        assert_untouched(rc, -3, &buf, n);
        assert_eq!(last_error(), "channel_name: is not valid UTF-8");
        // A bad input is reported before a buffer that is too small.
        let (rc, buf, n) = rtc_into(CERT, c"", account, 1, 0);
        assert_untouched(rc, -3, &buf, n);
    }
    let (rc, buf, n) = rtc_into(CERT, CHANNEL, Some(c"ab\xffcd"), 1, 256);
    assert_untouched(rc, -4, &buf, n);
    assert_eq!(last_error(), "user_account: is not valid UTF-8");
    let (rc, buf, n) = rtc_into(CERT, CHANNEL, Some(c""), 1, 256);
    assert_untouched(rc, -4, &buf, n);

    let null = ptr::null::<c_char>();
    let mut buf = [FILL; 256];
    let mut n = usize::MAX;
    let p = buf.as_mut_ptr().cast::<c_char>();
    unsafe {
        for rc in [
            agora_rtc_token_builder_build_token_with_uid_into(
                null,
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                1,
                1,
                0,
                p,
                256,
                &mut n,
            ),
            agora_rtc_token_builder_build_token_with_uid_into(
                APP_ID.as_ptr(),
                null,
                CHANNEL.as_ptr(),
                1,
                1,
                0,
                p,
                256,
                &mut n,
            ),
            agora_rtc_token_builder_build_token_with_uid_into(
                APP_ID.as_ptr(),
                CERT.as_ptr(),
                null,
                1,
                1,
                0,
                p,
                256,
                &mut n,
            ),
            agora_rtc_token_builder_build_token_with_uid_into(
                APP_ID.as_ptr(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                1,
                1,
                0,
                ptr::null_mut(),
                256,
                &mut n,
            ),
            agora_rtc_token_builder_build_token_with_uid_into(
                APP_ID.as_ptr(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                1,
                1,
                0,
                p,
                256,
                ptr::null_mut(),
            ),
            agora_rtc_token_builder_build_token_with_user_account_into(
                APP_ID.as_ptr(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                null,
                1,
                0,
                p,
                256,
                &mut n,
            ),
            agora_rtc_token_builder_build_token_with_user_account_into(
                APP_ID.as_ptr(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                c"u".as_ptr(),
                1,
                0,
                ptr::null_mut(),
                0,
                &mut n,
            ),
            agora_rtc_token_builder_build_token_with_user_account_into(
                APP_ID.as_ptr(),
                CERT.as_ptr(),
                CHANNEL.as_ptr(),
                c"u".as_ptr(),
                1,
                0,
                p,
                256,
                ptr::null_mut(),
            ),
        ] {
            assert_eq!(rc, NULL_ARG);
            assert!(last_error().starts_with("null_argument:"), "{}", last_error());
        }
    }
    assert!(buf.iter().all(|&b| b == FILL));
    assert_eq!(n, usize::MAX);
}

/// A token of this builder's app, channel and user carrying `count` privileges
/// (ids 1..=count, most of them ids no builder defines), signed with nothing:
/// init_token_builder takes salt, ts and privileges without checking the signature.
fn token_with_privileges(count: u16) -> String {
    let mut msg = Vec::new();
    msg.extend_from_slice(&3u32.to_le_bytes());
    msg.extend_from_slice(&4u32.to_le_bytes());
    msg.extend_from_slice(&count.to_le_bytes());
    for id in 1..=count {
        msg.extend_from_slice(&id.to_le_bytes());
        msg.extend_from_slice(&0u32.to_le_bytes());
    }
    let mut content = Vec::new();
    content.extend_from_slice(&32u16.to_le_bytes());
    content.extend_from_slice(&[0u8; 32]);
    content.extend_from_slice(&crc32_of(CHANNEL.to_bytes()).to_le_bytes());
    content.extend_from_slice(&crc32_of(UID.to_string().as_bytes()).to_le_bytes());
    content.extend_from_slice(&(msg.len() as u16).to_le_bytes());
    content.extend_from_slice(&msg);
    format!("006{}{}", APP_ID.to_str().unwrap(), base64(&content))
}

/// Standard, padded base64 (an independent encoder for the test's token).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn a_token_larger_than_the_kept_buffer() {
    let b = new_uid(UID);
    let origin = std::ffi::CString::new(token_with_privileges(300)).unwrap();
    unsafe {
        assert_eq!(agora_token_builder_init_token_builder(b, origin.as_ptr()), 0, "{}", last_error());
        // Fixed, so that every build below gives the same token.
        assert_eq!(agora_token_builder_set_salt(b, 3), 0);
        assert_eq!(agora_token_builder_set_ts(b, 4), 0);
    }
    let big = build(b);
    assert!(big.len() > 2000, "{}", big.len());
    assert_eq!(token_core::parse(&big).unwrap().privileges.len(), 300);
    let (rc, buf, n) = into_call(256, |p, l, o| unsafe { agora_token_builder_build_token_into(b, p, l, o) });
    assert_untouched(rc, TOO_SMALL, &buf, n);
    assert!(last_error().contains(&format!("{} bytes", big.len() + 1)), "{}", last_error());
    let (rc, buf, n) = into_call(big.len() + 1, |p, l, o| unsafe { agora_token_builder_build_token_into(b, p, l, o) });
    assert_eq!(rc, 0, "{}", last_error());
    assert_eq!(token_in(&buf, n), big);
    // The thread's buffer let go of the big token's memory and still works.
    assert!(TOKEN_BUF.with(|cell| cell.borrow().capacity()) <= TOKEN_BUF_KEEP);
    let s = sample_builder();
    assert_eq!(build(s), SAMPLE);
    unsafe {
        agora_token_builder_free(s);
        agora_token_builder_free(b);
    }
}

#[test]
fn the_thread_buffer_is_reused() {
    let b = sample_builder();
    assert_eq!(build(b), SAMPLE);
    let before = TOKEN_BUF.with(|cell| cell.borrow().as_ptr());
    let (rc, ..) = into_call(256, |p, l, o| unsafe { agora_token_builder_build_token_into(b, p, l, o) });
    assert_eq!(rc, 0);
    assert_eq!(build(b), SAMPLE);
    assert_eq!(TOKEN_BUF.with(|cell| cell.borrow().as_ptr()), before, "the buffer was reallocated");
    // A nested use (never done by the library) gets a buffer of its own.
    let nested = with_token_buf(|outer| {
        outer.extend_from_slice(b"outer");
        let inner = with_token_buf(|inner| {
            inner.extend_from_slice(b"inner");
            inner.clone()
        });
        (outer.clone(), inner)
    });
    assert_eq!(nested, (b"outer".to_vec(), b"inner".to_vec()));
    unsafe { agora_token_builder_free(b) };
}
