//! Unit tests of the sized C ABI (007 and the agora_token006_* forms),
//! calling the exports as C would. The C suite (tests/test_capi007.c) runs
//! the same surface from C under ASan; these check what only Rust can see:
//! that the header's constants are token-core's.

use super::*;
use crate::boundary::{agora_token_error, agora_token_str};
use crate::v006::sized::*;
use std::ptr;
use token_core::v007::{builders, privilege as p, rtm2, ServiceType};
use token_core::{RtcTokenBuilder, VerifyResult};

const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";
const CHANNEL: &str = "7d72365eb983485397e3e3f9d460bdda";
/// build007 p-build007-0001: the Agora sample (uid 2882341273, issue_ts 1111111, salt 1, expire 600, join 600).
const SAMPLE: &str = "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj";

fn s(text: &str) -> agora_token_str {
    agora_token_str::of(text)
}

fn new_error() -> agora_token_error {
    agora_token_error { code: 0, len: 0, needed: 0, message: [0; 256] }
}

fn message(e: &agora_token_error) -> String {
    let bytes: Vec<u8> = e.message[..e.len as usize].iter().map(|&c| c as u8).collect();
    assert_eq!(e.message[e.len as usize], 0, "the message ends with a NUL");
    String::from_utf8(bytes).unwrap()
}

fn pins(issue_ts: i64, salt: i64) -> agora_token2_args {
    agora_token2_args { has_issue_ts: 1, has_salt: 1, issue_ts, salt, ..NO_ARGS }
}

/// Calls the generic builder; Ok(token) or Err((status, message, needed)).
fn build(id: u32, args: Option<&agora_token2_args>, cap: usize) -> Result<String, (c_int, String, usize)> {
    let mut out = vec![0u8; cap];
    let mut n = usize::MAX;
    let mut e = new_error();
    let rc = unsafe {
        agora_token2_build(
            id,
            APP_ID.as_ptr().cast(),
            APP_ID.len(),
            CERT.as_ptr().cast(),
            CERT.len(),
            args.map_or(ptr::null(), |a| a as *const _),
            out.as_mut_ptr().cast(),
            cap,
            &mut n,
            &mut e,
        )
    };
    if rc == 0 {
        assert_eq!(e.code, 0, "the error object is not written on success");
        Ok(String::from_utf8(out[..n].to_vec()).unwrap())
    } else {
        assert_eq!(n, usize::MAX, "out_len is written only on success");
        assert_eq!(e.code, rc);
        Err((rc, message(&e), e.needed))
    }
}

#[test]
fn builder_ids_are_token_cores_table() {
    use agora_token2_builder_id::*;
    let ids = [
        AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID,
        AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_USER_ACCOUNT,
        AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID_AND_PRIVILEGE,
        AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_USER_ACCOUNT_AND_PRIVILEGE,
        AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_RTM,
        AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_RTM2,
        AGORA_TOKEN2_RTM_BUILD_TOKEN,
        AGORA_TOKEN2_RTM_BUILD_TOKEN_WITH_PERMISSIONS,
        AGORA_TOKEN2_CHAT_BUILD_USER_TOKEN,
        AGORA_TOKEN2_CHAT_BUILD_APP_TOKEN,
        AGORA_TOKEN2_FPA_BUILD_TOKEN,
        AGORA_TOKEN2_APAAS_BUILD_ROOM_USER_TOKEN,
        AGORA_TOKEN2_APAAS_BUILD_USER_TOKEN,
        AGORA_TOKEN2_APAAS_BUILD_APP_TOKEN,
        AGORA_TOKEN2_EDUCATION_BUILD_ROOM_USER_TOKEN,
        AGORA_TOKEN2_EDUCATION_BUILD_USER_TOKEN,
        AGORA_TOKEN2_EDUCATION_BUILD_APP_TOKEN,
        AGORA_TOKEN2_CONVOAI_BUILD_TOKEN,
        AGORA_TOKEN2_STT_BUILD_TOKEN,
    ];
    assert_eq!(ids.len(), RECIPES.len(), "a builder without a header constant");
    assert_eq!(agora_token2_builder_count() as usize, RECIPES.len());
    for (id, recipe) in ids.iter().zip(RECIPES) {
        // The constant's name is the python3 name, upper-cased, '.' as '_'.
        let constant = format!("{id:?}");
        assert_eq!(constant, format!("AGORA_TOKEN2_{}", recipe.name.replace('.', "_").to_uppercase()));
        assert_eq!(Recipe::find(recipe.name).unwrap().0, *id as usize);
        let mut info: *const agora_token2_builder_info = ptr::null();
        assert_eq!(unsafe { agora_token2_builder_get_info(*id as u32, &mut info, ptr::null_mut()) }, 0);
        let info = unsafe { &*info };
        let name = unsafe { std::slice::from_raw_parts(info.name.ptr.cast::<u8>(), info.name.len) };
        assert_eq!(name, recipe.name.as_bytes());
        assert_eq!(info.param_count, recipe.params.len());
        let params = if info.param_count == 0 {
            &[][..]
        } else {
            unsafe { std::slice::from_raw_parts(info.params, info.param_count) }
        };
        for (c, p) in params.iter().zip(recipe.params) {
            let pname = unsafe { std::slice::from_raw_parts(c.name.ptr.cast::<u8>(), c.name.len) };
            assert_eq!(pname, p.name.as_bytes());
            assert_eq!(c.kind, kind_code(p.kind) as i32);
            assert_eq!((c.has_default != 0).then_some(c.default_value), p.default);
            if p.kind == ParamKind::Str {
                assert_ne!(p.error_kind(), ErrorKind::NullArgument, "{} has no field category", p.name);
            }
        }
        let mut found = u32::MAX;
        let rc = unsafe {
            agora_token2_builder_find(recipe.name.as_ptr().cast(), recipe.name.len(), &mut found, ptr::null_mut())
        };
        assert_eq!((rc, found), (0, *id as u32));
    }
    let mut e = new_error();
    let mut info: *const agora_token2_builder_info = ptr::null();
    let rc = unsafe { agora_token2_builder_get_info(RECIPES.len() as u32, &mut info, &mut e) };
    assert_eq!(rc, ErrorKind::Internal.code());
    assert!(info.is_null());
    assert!(message(&e).starts_with("internal:"), "{}", message(&e));
    let mut found = 7u32;
    let rc = unsafe { agora_token2_builder_find(c"rtc.nope".as_ptr(), 8, &mut found, &mut e) };
    assert_eq!((rc, found), (ErrorKind::NullArgument.code(), 7));
}

#[test]
fn kind_and_constant_enums_are_token_cores() {
    use agora_token2_param_kind::*;
    for (kind, code) in [
        (ParamKind::Str, AGORA_TOKEN2_PARAM_STR),
        (ParamKind::Uid, AGORA_TOKEN2_PARAM_UID),
        (ParamKind::RtcRole, AGORA_TOKEN2_PARAM_RTC_ROLE),
        (ParamKind::Expire, AGORA_TOKEN2_PARAM_EXPIRE),
        (ParamKind::PrivilegeExpire, AGORA_TOKEN2_PARAM_PRIVILEGE_EXPIRE),
        (ParamKind::ApaasRole, AGORA_TOKEN2_PARAM_APAAS_ROLE),
        (ParamKind::Permissions, AGORA_TOKEN2_PARAM_PERMISSIONS),
    ] {
        assert_eq!(kind_code(kind), code);
    }
    use agora_token2_service_type::*;
    let types = [
        AGORA_TOKEN2_SERVICE_RTC,
        AGORA_TOKEN2_SERVICE_RTM,
        AGORA_TOKEN2_SERVICE_STREAMING,
        AGORA_TOKEN2_SERVICE_FPA,
        AGORA_TOKEN2_SERVICE_CHAT,
        AGORA_TOKEN2_SERVICE_FCDN,
        AGORA_TOKEN2_SERVICE_APAAS,
        AGORA_TOKEN2_SERVICE_RTM2,
        AGORA_TOKEN2_SERVICE_CONVOAI,
        AGORA_TOKEN2_SERVICE_STT,
    ];
    assert_eq!(types.len(), ServiceType::ALL.len());
    for (t, core) in types.iter().zip(ServiceType::ALL) {
        assert_eq!(*t as u16, core.id());
        assert_eq!(format!("{t:?}"), format!("AGORA_TOKEN2_SERVICE_{}", core.name().to_uppercase()));
    }
    // Every documented privilege of every service has its constant, with the same id.
    let constants: Vec<(ServiceType, u16)> = vec![
        (ServiceType::Rtc, agora_token2_privilege_rtc::AGORA_TOKEN2_PRIVILEGE_JOIN_CHANNEL as u16),
        (ServiceType::Rtc, agora_token2_privilege_rtc::AGORA_TOKEN2_PRIVILEGE_PUBLISH_AUDIO_STREAM as u16),
        (ServiceType::Rtc, agora_token2_privilege_rtc::AGORA_TOKEN2_PRIVILEGE_PUBLISH_VIDEO_STREAM as u16),
        (ServiceType::Rtc, agora_token2_privilege_rtc::AGORA_TOKEN2_PRIVILEGE_PUBLISH_DATA_STREAM as u16),
        (ServiceType::Rtm, agora_token2_privilege_login::AGORA_TOKEN2_PRIVILEGE_LOGIN as u16),
        (
            ServiceType::Streaming,
            agora_token2_privilege_streaming::AGORA_TOKEN2_PRIVILEGE_STREAMING_PUBLISH_MIX_STREAM as u16,
        ),
        (
            ServiceType::Streaming,
            agora_token2_privilege_streaming::AGORA_TOKEN2_PRIVILEGE_STREAMING_PUBLISH_RAW_STREAM as u16,
        ),
        (ServiceType::Fpa, agora_token2_privilege_login::AGORA_TOKEN2_PRIVILEGE_LOGIN as u16),
        (ServiceType::Chat, agora_token2_privilege_chat::AGORA_TOKEN2_PRIVILEGE_CHAT_USER as u16),
        (ServiceType::Chat, agora_token2_privilege_chat::AGORA_TOKEN2_PRIVILEGE_CHAT_APP as u16),
        (ServiceType::FCdn, agora_token2_privilege_fcdn::AGORA_TOKEN2_PRIVILEGE_FCDN_PUBLISH as u16),
        (ServiceType::FCdn, agora_token2_privilege_fcdn::AGORA_TOKEN2_PRIVILEGE_FCDN_PLAY as u16),
        (ServiceType::Apaas, agora_token2_privilege_apaas::AGORA_TOKEN2_PRIVILEGE_APAAS_ROOM_USER as u16),
        (ServiceType::Apaas, agora_token2_privilege_apaas::AGORA_TOKEN2_PRIVILEGE_APAAS_USER as u16),
        (ServiceType::Apaas, agora_token2_privilege_apaas::AGORA_TOKEN2_PRIVILEGE_APAAS_APP as u16),
        (ServiceType::Rtm2, agora_token2_privilege_login::AGORA_TOKEN2_PRIVILEGE_LOGIN as u16),
    ];
    let documented: Vec<(ServiceType, u16)> =
        ServiceType::ALL.iter().flat_map(|&t| t.privileges().iter().map(move |&(id, _)| (t, id))).collect();
    assert_eq!(constants, documented);
    assert_eq!(p::JOIN_CHANNEL, 1);
    use agora_token2_rtm2_permission::*;
    use agora_token2_rtm2_resource::*;
    let resources = [
        AGORA_TOKEN2_RTM2_MESSAGE_CHANNELS,
        AGORA_TOKEN2_RTM2_STREAM_CHANNELS,
        AGORA_TOKEN2_RTM2_GROUP_CHANNELS,
        AGORA_TOKEN2_RTM2_SERVER_GROUPS,
        AGORA_TOKEN2_RTM2_USERS,
    ];
    assert_eq!(resources.len(), rtm2::RESOURCE_NAMES.len());
    for (i, r) in resources.iter().enumerate() {
        assert_eq!(*r as usize, i);
    }
    assert_eq!((AGORA_TOKEN2_RTM2_READ as u16, AGORA_TOKEN2_RTM2_WRITE as u16), (rtm2::READ, rtm2::WRITE));
    use agora_token2_role::*;
    assert_eq!(AGORA_TOKEN2_ROLE_PUBLISHER as u16, builders::RtcRole::Publisher.value());
    assert_eq!(AGORA_TOKEN2_ROLE_SUBSCRIBER as u16, builders::RtcRole::Subscriber.value());
    assert_eq!(
        crate::agora_token_verify_result::AGORA_TOKEN_VERIFY_SERVICE_MISSING as i32,
        VerifyResult::ServiceMissing.value()
    );
}

#[test]
fn the_generic_builder_writes_the_sample() {
    let strs = [s(CHANNEL)];
    let ints = [2882341273i64, 2, 600, 600];
    let args =
        agora_token2_args { strs: strs.as_ptr(), str_count: 1, ints: ints.as_ptr(), int_count: 4, ..pins(1111111, 1) };
    // A subscriber with JoinChannel 600 is the sample's one service.
    let token = build(agora_token2_builder_id::AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID as u32, Some(&args), 512).unwrap();
    assert_eq!(token, SAMPLE);
    // Exact fit, one byte short, and a size query.
    assert_eq!(build(0, Some(&args), SAMPLE.len()).unwrap(), SAMPLE);
    let (rc, msg, needed) = build(0, Some(&args), SAMPLE.len() - 1).unwrap_err();
    assert_eq!((rc, needed), (ErrorKind::BufferTooSmall.code(), SAMPLE.len()));
    assert!(msg.starts_with("buffer_too_small:"), "{msg}");
    let mut n = 0usize;
    let mut e = new_error();
    let rc = unsafe {
        agora_token2_build(
            0,
            APP_ID.as_ptr().cast(),
            32,
            CERT.as_ptr().cast(),
            32,
            &args,
            ptr::null_mut(),
            0,
            &mut n,
            &mut e,
        )
    };
    assert_eq!((rc, e.needed, n), (ErrorKind::BufferTooSmall.code(), SAMPLE.len(), 0));
}

#[test]
fn every_builder_is_reachable_and_matches_the_typed_core_function() {
    // One call per row, against the reference-named Rust functions.
    let (issue_ts, salt) = (1_700_000_000i64, 4242i64);
    let pinned = |mut t: token_core::AccessToken2| {
        t.issue_ts = Some(issue_ts as u32);
        t.salt = Some(salt as u32);
        t.build().unwrap()
    };
    let rtm2args = builders::RtcRtm2 {
        channel_name: "room",
        rtc_account: "alice",
        rtc_role: builders::RtcRole::Publisher,
        rtc_token_expire: 600,
        expires: builders::RtcPrivilegeExpires { join_channel: 1, pub_audio: 2, pub_video: 3, pub_data_stream: 4 },
        rtm_user_id: "bob",
        rtm_token_expire: 700,
    };
    let four = builders::RtcPrivilegeExpires { join_channel: 10, pub_audio: 20, pub_video: 30, pub_data_stream: 40 };
    let grants = [agora_token2_permission {
        resource_type: 0,
        permission_type: 1,
        resources: [s("ch-1")].as_ptr(),
        resource_count: 1,
    }];
    type Case<'a> = (Vec<&'a str>, Vec<i64>, token_core::AccessToken2);
    let cases: Vec<Case<'_>> = vec![
        (
            vec!["room"],
            vec![7, 1, 600, 60],
            builders::rtc(APP_ID, CERT, "room", UserId::Uid(7), builders::RtcRole::Publisher, 600, 60).unwrap(),
        ),
        (
            vec!["room", "alice"],
            vec![2, 600],
            builders::rtc(APP_ID, CERT, "room", UserId::Account("alice"), builders::RtcRole::Subscriber, 600, 0)
                .unwrap(),
        ),
        (
            vec!["room"],
            vec![7, 600, 10, 20, 30, 40],
            builders::rtc_with_privileges(APP_ID, CERT, "room", UserId::Uid(7), 600, four).unwrap(),
        ),
        (
            vec!["room", "alice"],
            vec![600, 10, 20, 30, 40],
            builders::rtc_with_privileges(APP_ID, CERT, "room", UserId::Account("alice"), 600, four).unwrap(),
        ),
        (
            vec!["room", "alice"],
            vec![1, 600, 60],
            builders::rtc_with_rtm(APP_ID, CERT, "room", "alice", builders::RtcRole::Publisher, 600, 60).unwrap(),
        ),
        (
            vec!["room", "alice", "bob"],
            vec![1, 600, 1, 2, 3, 4, 700],
            builders::rtc_with_rtm2(APP_ID, CERT, &rtm2args, None).unwrap(),
        ),
        (vec!["bob"], vec![600], builders::rtm(APP_ID, CERT, "bob", 600).unwrap()),
        (
            vec!["bob"],
            vec![600],
            builders::rtm2(
                APP_ID,
                CERT,
                "bob",
                vec![token_core::v007::Rtm2Permission {
                    resource_type: 0,
                    permission_type: 1,
                    resources: vec!["ch-1".into()],
                }],
                600,
            )
            .unwrap(),
        ),
        (vec!["bob"], vec![600], builders::chat_user(APP_ID, CERT, "bob", 600).unwrap()),
        (vec![], vec![600], builders::chat_app(APP_ID, CERT, 600).unwrap()),
        (vec![], vec![], builders::fpa(APP_ID, CERT).unwrap()),
        (vec!["r1", "u1"], vec![1, 600], builders::apaas_room_user(APP_ID, CERT, "r1", "u1", 1, 600).unwrap()),
        (vec!["u1"], vec![600], builders::apaas_user(APP_ID, CERT, "u1", 600).unwrap()),
        (vec![], vec![600], builders::apaas_app(APP_ID, CERT, 600).unwrap()),
        (vec!["r1", "u1"], vec![-5, 600], builders::apaas_room_user(APP_ID, CERT, "r1", "u1", -5, 600).unwrap()),
        (vec!["u1"], vec![600], builders::apaas_user(APP_ID, CERT, "u1", 600).unwrap()),
        (vec![], vec![600], builders::apaas_app(APP_ID, CERT, 600).unwrap()),
        (
            vec!["room", "alice", "bob"],
            vec![1, 600, 1, 2, 3, 4, 700],
            builders::rtc_with_rtm2(APP_ID, CERT, &rtm2args, Some(token_core::Service::convoai())).unwrap(),
        ),
        (
            vec!["room", "alice", "bob"],
            vec![1, 600, 1, 2, 3, 4, 700],
            builders::rtc_with_rtm2(APP_ID, CERT, &rtm2args, Some(token_core::Service::stt())).unwrap(),
        ),
    ];
    assert_eq!(cases.len(), RECIPES.len());
    for (id, (strs, ints, want)) in cases.into_iter().enumerate() {
        let strs: Vec<agora_token_str> = strs.iter().map(|t| s(t)).collect();
        let mut args = agora_token2_args {
            strs: strs.as_ptr(),
            str_count: strs.len(),
            ints: ints.as_ptr(),
            int_count: ints.len(),
            ..pins(issue_ts, salt)
        };
        if RECIPES[id].params.iter().any(|p| p.kind == ParamKind::Permissions) {
            args.permissions = grants.as_ptr();
            args.permission_count = 1;
        }
        assert_eq!(build(id as u32, Some(&args), 1024).unwrap(), pinned(want), "{}", RECIPES[id].name);
    }
}

#[test]
fn argument_errors_name_the_field() {
    let id = agora_token2_builder_id::AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID as u32;
    let call = |strs: &[agora_token_str], ints: &[i64]| {
        let args = agora_token2_args {
            strs: strs.as_ptr(),
            str_count: strs.len(),
            ints: ints.as_ptr(),
            int_count: ints.len(),
            ..NO_ARGS
        };
        build(id, Some(&args), 512).unwrap_err()
    };
    let room = [s("room")];
    for (ints, kind) in [
        (&[1i64 << 32, 1, 600][..], ErrorKind::Uid),
        (&[-1, 1, 600][..], ErrorKind::Uid),
        (&[7, 3, 600][..], ErrorKind::Role),
        (&[7, 1, -1][..], ErrorKind::Expire),
        (&[7, 1, 600, 1 << 32][..], ErrorKind::ExpireTs),
        (&[7, 1][..], ErrorKind::NullArgument),
        (&[7, 1, 600, 0, 9][..], ErrorKind::NullArgument),
    ] {
        let (rc, msg, _) = call(&room, ints);
        assert_eq!(rc, kind.code(), "{ints:?}: {msg}");
        assert!(msg.starts_with(kind.as_str()) || kind == ErrorKind::NullArgument, "{msg}");
    }
    let (rc, msg, _) = call(&[s("bad/channel")], &[7, 1, 600]);
    assert_eq!(rc, ErrorKind::ChannelName.code(), "{msg}");
    let (rc, _, _) = call(&[s("room"), s("extra")], &[7, 1, 600]);
    assert_eq!(rc, ErrorKind::NullArgument.code());
    let (rc, _, _) = call(&[], &[7, 1, 600]);
    assert_eq!(rc, ErrorKind::NullArgument.code());
    // Not UTF-8: the field's own category, and the lossy copy never signs.
    let bad = [agora_token_str { ptr: b"ro\xffom".as_ptr().cast(), len: 5 }];
    let (rc, msg, _) = call(&bad, &[7, 1, 600]);
    assert_eq!(rc, ErrorKind::ChannelName.code(), "{msg}");
    let rtm = agora_token2_builder_id::AGORA_TOKEN2_RTM_BUILD_TOKEN as u32;
    let bad_user = [agora_token_str { ptr: b"b\xffb".as_ptr().cast(), len: 3 }];
    let args =
        agora_token2_args { strs: bad_user.as_ptr(), str_count: 1, ints: [600i64].as_ptr(), int_count: 1, ..NO_ARGS };
    let (rc, msg, _) = build(rtm, Some(&args), 512).unwrap_err();
    assert_eq!((rc, msg.as_str()), (ErrorKind::UserId.code(), "user_id: is not valid UTF-8"));
    // Bad pins.
    let args = agora_token2_args {
        strs: room.as_ptr(),
        str_count: 1,
        ints: [7i64, 1, 600].as_ptr(),
        int_count: 3,
        ..pins(-1, 0)
    };
    assert_eq!(build(id, Some(&args), 512).unwrap_err().0, ErrorKind::IssueTs.code());
    let args = agora_token2_args {
        strs: room.as_ptr(),
        str_count: 1,
        ints: [7i64, 1, 600].as_ptr(),
        int_count: 3,
        ..pins(0, 1 << 32)
    };
    assert_eq!(build(id, Some(&args), 512).unwrap_err().0, ErrorKind::Salt.code());
    // A builder id past the table.
    assert_eq!(build(RECIPES.len() as u32, None, 512).unwrap_err().0, ErrorKind::Internal.code());
}

#[test]
fn nulls_are_null_argument_and_write_nothing() {
    let mut out = [7u8; 64];
    let mut n = 99usize;
    let mut e = new_error();
    let fpa = agora_token2_builder_id::AGORA_TOKEN2_FPA_BUILD_TOKEN as u32;
    let na = ErrorKind::NullArgument.code();
    unsafe {
        assert_eq!(
            agora_token2_build(
                fpa,
                ptr::null(),
                32,
                CERT.as_ptr().cast(),
                32,
                ptr::null(),
                out.as_mut_ptr().cast(),
                64,
                &mut n,
                &mut e
            ),
            na
        );
        assert!(message(&e).starts_with("null_argument: app_id"), "{}", message(&e));
        // NULL with length 0 is the empty string: an app id check failure.
        assert_eq!(
            agora_token2_build(
                fpa,
                ptr::null(),
                0,
                CERT.as_ptr().cast(),
                32,
                ptr::null(),
                out.as_mut_ptr().cast(),
                64,
                &mut n,
                &mut e
            ),
            ErrorKind::AppId.code()
        );
        assert_eq!(
            agora_token2_build(
                fpa,
                APP_ID.as_ptr().cast(),
                32,
                CERT.as_ptr().cast(),
                32,
                ptr::null(),
                ptr::null_mut(),
                64,
                &mut n,
                &mut e
            ),
            na
        );
        assert_eq!(
            agora_token2_build(
                fpa,
                APP_ID.as_ptr().cast(),
                32,
                CERT.as_ptr().cast(),
                32,
                ptr::null(),
                out.as_mut_ptr().cast(),
                64,
                ptr::null_mut(),
                &mut e
            ),
            na
        );
        // A NULL error object is allowed.
        assert_eq!(
            agora_token2_build(
                fpa,
                ptr::null(),
                1,
                CERT.as_ptr().cast(),
                32,
                ptr::null(),
                out.as_mut_ptr().cast(),
                64,
                &mut n,
                ptr::null_mut()
            ),
            na
        );
        let strs_null = agora_token2_args { str_count: 1, ..NO_ARGS };
        let rtm = agora_token2_builder_id::AGORA_TOKEN2_RTM_BUILD_TOKEN as u32;
        assert_eq!(
            agora_token2_build(
                rtm,
                APP_ID.as_ptr().cast(),
                32,
                CERT.as_ptr().cast(),
                32,
                &strs_null,
                out.as_mut_ptr().cast(),
                64,
                &mut n,
                &mut e
            ),
            na
        );
        assert_eq!(agora_token2_build_data(ptr::null(), out.as_mut_ptr().cast(), 64, &mut n, &mut e), na);
        assert_eq!(agora_token2_parse(ptr::null(), 5, &mut ptr::null_mut(), &mut e), na);
        assert_eq!(agora_token2_parse(SAMPLE.as_ptr().cast(), SAMPLE.len(), ptr::null_mut(), &mut e), na);
        let mut r = 42;
        assert_eq!(
            agora_token2_verify(
                SAMPLE.as_ptr().cast(),
                SAMPLE.len(),
                CERT.as_ptr().cast(),
                32,
                ptr::null(),
                0,
                ptr::null_mut(),
                &mut e
            ),
            na
        );
        assert_eq!(
            agora_token2_verify(SAMPLE.as_ptr().cast(), SAMPLE.len(), ptr::null(), 32, ptr::null(), 0, &mut r, &mut e),
            na
        );
        assert_eq!(r, 42);
        agora_token2_info_free(ptr::null_mut());
    }
    assert_eq!((out, n), ([7u8; 64], 99));
}

fn data_token(services: &[agora_token2_service]) -> agora_token2_data {
    agora_token2_data {
        app_id: s(APP_ID),
        app_certificate: s(CERT),
        has_issue_ts: 1,
        has_salt: 1,
        issue_ts: 1111111,
        expire: 600,
        salt: 1,
        services: services.as_ptr(),
        service_count: services.len(),
        other_services: ptr::null(),
        other_service_count: 0,
    }
}

const NO_SERVICE: agora_token2_service = agora_token2_service {
    service_type: 0,
    privileges: ptr::null(),
    privilege_count: 0,
    channel_name: agora_token_str::NONE,
    has_uid: 0,
    uid: 0,
    user_account: agora_token_str::NONE,
    user_id: agora_token_str::NONE,
    room_uuid: agora_token_str::NONE,
    user_uuid: agora_token_str::NONE,
    has_role: 0,
    role: 0,
    permissions: ptr::null(),
    permission_count: 0,
};

fn build_data(t: &agora_token2_data) -> Result<String, (c_int, String)> {
    let mut out = [0u8; 1024];
    let mut n = 0;
    let mut e = new_error();
    match unsafe { agora_token2_build_data(t, out.as_mut_ptr().cast(), out.len(), &mut n, &mut e) } {
        0 => Ok(String::from_utf8(out[..n].to_vec()).unwrap()),
        rc => Err((rc, message(&e))),
    }
}

#[test]
fn data_builds_the_sample_and_parses_back() {
    let join = [agora_token2_privilege { id: 1, expire: 600 }];
    let rtc = agora_token2_service {
        service_type: 1,
        privileges: join.as_ptr(),
        privilege_count: 1,
        channel_name: s(CHANNEL),
        has_uid: 1,
        uid: 2882341273,
        ..NO_SERVICE
    };
    let token = build_data(&data_token(&[rtc])).unwrap();
    assert_eq!(token, SAMPLE);
    let mut info: *mut agora_token2_info = ptr::null_mut();
    assert_eq!(unsafe { agora_token2_parse(token.as_ptr().cast(), token.len(), &mut info, ptr::null_mut(),) }, 0);
    let i = unsafe { &*info };
    assert_eq!((i.issue_ts, i.expire, i.salt, i.service_count), (1111111, 600, 1, 1));
    let svc = unsafe { &*i.services };
    let text = |t: agora_token_str| {
        String::from_utf8(unsafe { std::slice::from_raw_parts(t.ptr.cast::<u8>(), t.len) }.to_vec()).unwrap()
    };
    assert_eq!(
        (svc.service_type, text(svc.channel_name), text(svc.user_account)),
        (1, CHANNEL.to_owned(), "2882341273".to_owned())
    );
    assert_eq!(text(i.app_id), APP_ID);
    let p = unsafe { &*svc.privileges };
    assert_eq!((svc.privilege_count, p.id, p.expire), (1, 1, 600));
    let core = parse007(SAMPLE).unwrap();
    assert_eq!(i.signature, core.signature);
    assert_eq!(unsafe { std::slice::from_raw_parts(i.content, i.content_len) }, &core.content[..]);
    unsafe { agora_token2_info_free(info) };
}

#[test]
fn data_errors_follow_the_invalid007_rules() {
    let rtc = |channel: &'static str| agora_token2_service {
        service_type: 1,
        channel_name: s(channel),
        has_uid: 1,
        uid: 1,
        ..NO_SERVICE
    };
    let cases: Vec<(agora_token2_data, ErrorKind)> = vec![
        (data_token(&[]), ErrorKind::NoService),
        (agora_token2_data { app_id: s("x"), ..data_token(&[]) }, ErrorKind::AppId),
        (agora_token2_data { expire: -1, ..data_token(&[]) }, ErrorKind::Expire),
        (agora_token2_data { salt: 1 << 32, ..data_token(&[]) }, ErrorKind::Salt),
        (agora_token2_data { issue_ts: -1, ..data_token(&[]) }, ErrorKind::IssueTs),
    ];
    for (t, kind) in cases {
        assert_eq!(build_data(&t).unwrap_err().0, kind.code());
    }
    let one = |svc: agora_token2_service| build_data(&data_token(&[svc])).unwrap_err();
    assert_eq!(one(rtc("")).0, ErrorKind::ChannelName.code());
    assert_eq!(one(agora_token2_service { uid: -1, ..rtc("room") }).0, ErrorKind::Uid.code());
    assert_eq!(one(agora_token2_service { has_uid: 0, ..rtc("room") }).0, ErrorKind::NullArgument.code());
    assert_eq!(one(agora_token2_service { service_type: 11, ..NO_SERVICE }).0, ErrorKind::Service.code());
    let bad = [agora_token2_privilege { id: 5, expire: 0 }];
    assert_eq!(
        one(agora_token2_service { privileges: bad.as_ptr(), privilege_count: 1, ..rtc("room") }).0,
        ErrorKind::Privilege.code()
    );
    let twice = [agora_token2_privilege { id: 1, expire: 0 }, agora_token2_privilege { id: 1, expire: 5 }];
    assert_eq!(
        one(agora_token2_service { privileges: twice.as_ptr(), privilege_count: 2, ..rtc("room") }).0,
        ErrorKind::Privilege.code()
    );
    let far = [agora_token2_privilege { id: 1, expire: 1 << 32 }];
    assert_eq!(
        one(agora_token2_service { privileges: far.as_ptr(), privilege_count: 1, ..rtc("room") }).0,
        ErrorKind::ExpireTs.code()
    );
    assert_eq!(one(agora_token2_service { service_type: 2, user_id: s(""), ..NO_SERVICE }).0, ErrorKind::UserId.code());
    assert_eq!(
        one(agora_token2_service { service_type: 7, has_role: 1, role: 32768, ..NO_SERVICE }).0,
        ErrorKind::Role.code()
    );
    assert_eq!(one(agora_token2_service { service_type: 7, ..NO_SERVICE }).0, ErrorKind::NullArgument.code());
    let g =
        [agora_token2_permission { resource_type: 5, permission_type: 0, resources: ptr::null(), resource_count: 0 }];
    let rtm2 = agora_token2_service {
        service_type: 8,
        user_id: s("u"),
        permissions: g.as_ptr(),
        permission_count: 1,
        ..NO_SERVICE
    };
    assert_eq!(one(rtm2).0, ErrorKind::Permission.code());
    let res = [agora_token_str { ptr: b"\xff".as_ptr().cast(), len: 1 }];
    let g =
        [agora_token2_permission { resource_type: 0, permission_type: 0, resources: res.as_ptr(), resource_count: 1 }];
    let (rc, msg) = one(agora_token2_service { permissions: g.as_ptr(), ..rtm2 });
    assert_eq!(rc, ErrorKind::Permission.code(), "{msg}");
    // Not UTF-8 in a user id (no character rule): still refused, as user_id.
    let (rc, msg) = one(agora_token2_service {
        service_type: 2,
        user_id: agora_token_str { ptr: b"a\xff".as_ptr().cast(), len: 2 },
        ..NO_SERVICE
    });
    assert_eq!((rc, msg.as_str()), (ErrorKind::UserId.code(), "user_id: is not valid UTF-8"));
}

#[test]
fn parse_reports_categories_and_verify_runs_every_check() {
    let mut e = new_error();
    let mut info: *mut agora_token2_info = ptr::null_mut();
    for (text, kind) in [("006abc", ErrorKind::Version), ("007@@@@", ErrorKind::Base64), ("007", ErrorKind::Zlib)] {
        assert_eq!(unsafe { agora_token2_parse(text.as_ptr().cast(), text.len(), &mut info, &mut e) }, kind.code());
        assert!(info.is_null());
        assert!(message(&e).starts_with(kind.as_str()), "{}", message(&e));
    }
    let verify = |cert: &str, expected: Option<&agora_token2_expected>, now: i64| {
        let mut r = -1;
        let mut e = new_error();
        let rc = unsafe {
            agora_token2_verify(
                SAMPLE.as_ptr().cast(),
                SAMPLE.len(),
                cert.as_ptr().cast(),
                cert.len(),
                expected.map_or(ptr::null(), |x| x as *const _),
                now,
                &mut r,
                &mut e,
            )
        };
        if rc == 0 {
            Ok(VerifyResult::ALL.iter().find(|v| v.value() == r).copied().unwrap())
        } else {
            Err(rc)
        }
    };
    let rtc = |channel: &'static str, uid: i64| agora_token2_expected {
        app_id: agora_token_str::NONE,
        channel_name: s(channel),
        has_uid: 1,
        uid,
        user_account: agora_token_str::NONE,
        rtm_user_id: agora_token_str::NONE,
    };
    assert_eq!(verify(CERT, None, 1111111 + 600), Ok(VerifyResult::Ok));
    assert_eq!(verify(CERT, None, 1111111 + 601), Ok(VerifyResult::Expired));
    assert_eq!(verify("5cfd2fd1755d40ecb72977518be15d3b", None, 0), Ok(VerifyResult::SignatureMismatch));
    assert_eq!(verify(CERT, Some(&rtc(CHANNEL, 2882341273)), 1111111), Ok(VerifyResult::Ok));
    assert_eq!(verify(CERT, Some(&rtc("other", 2882341273)), 1111111), Ok(VerifyResult::ChannelMismatch));
    assert_eq!(verify(CERT, Some(&rtc(CHANNEL, 1)), 1111111), Ok(VerifyResult::UidMismatch));
    let account = agora_token2_expected { has_uid: 0, user_account: s("2882341273"), ..rtc(CHANNEL, 0) };
    assert_eq!(verify(CERT, Some(&account), 1111111), Ok(VerifyResult::Ok));
    let other_app = agora_token2_expected { app_id: s("970ca35de60c44645bbae8a215061b33"), ..rtc(CHANNEL, 0) };
    assert_eq!(verify(CERT, Some(&other_app), 0), Ok(VerifyResult::AppIdMismatch));
    assert_eq!(verify(CERT, None, -1), Err(ErrorKind::Now.code()));
    assert_eq!(verify(CERT, None, 1 << 32), Err(ErrorKind::Now.code()));
    assert_eq!(verify("nope", None, 0), Err(ErrorKind::AppCertificate.code()));
    assert_eq!(verify(CERT, Some(&rtc(CHANNEL, 1 << 32)), 0), Err(ErrorKind::Uid.code()));
    let both = agora_token2_expected { user_account: s("x"), ..rtc(CHANNEL, 1) };
    assert_eq!(verify(CERT, Some(&both), 0), Err(ErrorKind::NullArgument.code()));
    // The RTM check.
    let rtm_token = {
        let mut t = builders::rtm(APP_ID, CERT, "alice", 60).unwrap();
        t.issue_ts = Some(1000);
        t.build().unwrap()
    };
    let rtm_check = |user: &'static str, now: i64| {
        let x = agora_token2_expected {
            rtm_user_id: s(user),
            channel_name: agora_token_str::NONE,
            has_uid: 0,
            ..rtc(CHANNEL, 0)
        };
        let mut r = -1;
        let rc = unsafe {
            agora_token2_verify(
                rtm_token.as_ptr().cast(),
                rtm_token.len(),
                CERT.as_ptr().cast(),
                32,
                &x,
                now,
                &mut r,
                ptr::null_mut(),
            )
        };
        (rc, r)
    };
    assert_eq!(rtm_check("alice", 1060), (0, VerifyResult::Ok.value()));
    assert_eq!(rtm_check("bob", 1060), (0, VerifyResult::UidMismatch.value()));
    assert_eq!(rtm_check("alice", 1061), (0, VerifyResult::Expired.value()));
    // No RTC service: service_missing.
    let chat = builders::chat_app(APP_ID, CERT, 600).map(|mut t| {
        t.issue_ts = Some(1111111);
        t.build().unwrap()
    });
    let chat = chat.unwrap();
    let mut r = -1;
    let rc = unsafe {
        agora_token2_verify(
            chat.as_ptr().cast(),
            chat.len(),
            CERT.as_ptr().cast(),
            32,
            &rtc(CHANNEL, 1),
            1111111,
            &mut r,
            ptr::null_mut(),
        )
    };
    assert_eq!((rc, r), (0, VerifyResult::ServiceMissing.value()));
}

#[test]
fn no_message_holds_the_certificate_and_panics_stay_inside() {
    // A certificate that fails its check is never quoted.
    let secret = "5CFd2fd1755d40ecb72977518be15d3X";
    let mut out = [0u8; 512];
    let mut n = 0;
    let mut e = new_error();
    let rc = unsafe {
        agora_token2_build(
            10,
            APP_ID.as_ptr().cast(),
            32,
            secret.as_ptr().cast(),
            32,
            ptr::null(),
            out.as_mut_ptr().cast(),
            512,
            &mut n,
            &mut e,
        )
    };
    assert_eq!(rc, ErrorKind::AppCertificate.code());
    assert!(!message(&e).contains("5CFd2fd1755d40ecb72977518be15d3"), "{}", message(&e));
    let rc = crate::boundary::run_sized(&mut e, || panic!("boom secret-payload"));
    assert_eq!(rc, ErrorKind::Internal.code());
    assert!(message(&e).starts_with("internal:") && !message(&e).contains("secret-payload"));
}

#[test]
fn a_long_message_is_cut_at_a_character_boundary() {
    let long = "é".repeat(300);
    let mut e = new_error();
    let rc = crate::boundary::run_sized(&mut e, || Err(TokenError::new(ErrorKind::UserId, long.clone()).into()));
    assert_eq!(rc, ErrorKind::UserId.code());
    assert_eq!(e.len, 254);
    assert_eq!(message(&e), "é".repeat(127));
}

#[test]
fn sized_006_calls_match_the_nul_terminated_ones() {
    let mut out = [0u8; 256];
    let mut n = 0usize;
    let mut e = new_error();
    let rc = unsafe {
        agora_token006_build_rtc(
            APP_ID.as_ptr().cast(),
            32,
            CERT.as_ptr().cast(),
            32,
            CHANNEL.as_ptr().cast(),
            32,
            ptr::null(),
            0,
            2882341273,
            1,
            1446455471,
            out.as_mut_ptr().cast(),
            256,
            &mut n,
            &mut e,
        )
    };
    assert_eq!(rc, 0, "{}", message(&e));
    let token = std::str::from_utf8(&out[..n]).unwrap().to_owned();
    let mut parsed = std::mem::MaybeUninit::<agora_token006_parsed>::zeroed();
    assert_eq!(unsafe { agora_token006_parse(token.as_ptr().cast(), n, parsed.as_mut_ptr(), &mut e) }, 0);
    let parsed = unsafe { parsed.assume_init() };
    let core = token_core::parse(&token).unwrap();
    assert_eq!((parsed.salt, parsed.ts, parsed.privilege_count), (core.salt, core.ts, 4));
    assert_eq!(parsed.app_id.map(|c| c as u8), *<&[u8; 32]>::try_from(APP_ID.as_bytes()).unwrap());
    let mut r = -1;
    let rc = unsafe {
        agora_token006_verify(
            token.as_ptr().cast(),
            n,
            ptr::null(),
            0,
            CERT.as_ptr().cast(),
            32,
            CHANNEL.as_ptr().cast(),
            32,
            c"2882341273".as_ptr(),
            10,
            0,
            1,
            &mut r,
            &mut e,
        )
    };
    assert_eq!((rc, r), (0, 0));
    // A NUL byte fails its field's own check; the RTM helper, the builder.
    let nul = "room\0x";
    let rc = unsafe {
        agora_token006_build_rtc(
            APP_ID.as_ptr().cast(),
            32,
            CERT.as_ptr().cast(),
            32,
            nul.as_ptr().cast(),
            nul.len(),
            ptr::null(),
            0,
            1,
            1,
            0,
            out.as_mut_ptr().cast(),
            256,
            &mut n,
            &mut e,
        )
    };
    assert_eq!(rc, ErrorKind::ChannelName.code());
    let rc = unsafe {
        agora_token006_build_rtm(
            APP_ID.as_ptr().cast(),
            32,
            CERT.as_ptr().cast(),
            32,
            c"bob".as_ptr(),
            3,
            1,
            0,
            out.as_mut_ptr().cast(),
            256,
            &mut n,
            &mut e,
        )
    };
    assert_eq!(rc, 0);
    let want_len =
        RtcTokenBuilder::build_token_with_uid(APP_ID, CERT, CHANNEL, 1, token_core::Role::Publisher, 0).unwrap().len();
    assert!(want_len < 256);
}

#[test]
fn check_u32_gives_the_core_s_hints() {
    use crate::agora_token_check_u32;
    let mut e = new_error();
    let mut v = 0u32;
    assert_eq!(unsafe { agora_token_check_u32(ErrorKind::Salt.code(), 7, &mut v, &mut e) }, 0);
    assert_eq!(v, 7);
    assert_eq!(
        unsafe { agora_token_check_u32(ErrorKind::Now.code(), 4_000_000_000, ptr::null_mut(), ptr::null_mut(),) },
        0
    );
    let rc = unsafe { agora_token_check_u32(ErrorKind::Now.code(), 1_796_049_437_726, &mut v, &mut e) };
    assert_eq!((rc, v), (ErrorKind::Now.code(), 7), "the out-param is written only on success");
    assert!(message(&e).starts_with("now:") && message(&e).contains("milliseconds"), "{}", message(&e));
    let rc = unsafe { agora_token_check_u32(ErrorKind::Uid.code(), -5, &mut v, &mut e) };
    assert_eq!(rc, ErrorKind::Uid.code());
    assert!(message(&e).contains("4294967291"), "{}", message(&e));
    let rc = unsafe { agora_token_check_u32(ErrorKind::Ts.code(), -1, &mut v, &mut e) };
    assert_eq!(rc, ErrorKind::Ts.code());
    assert_eq!(unsafe { agora_token_check_u32(0, 1, &mut v, &mut e) }, ErrorKind::NullArgument.code());
}

/// Built by Agora's python3 AccessToken2 (outside this repository): the
/// sample's RTC service and `Service(999)` with privileges {1: 600, 7: 30}.
const WITH_999: &str = "007eJxTYChZyWsQKGz+1P+eVJH9NIHF6i0GTZqsGXcMP81iTRQQqVZgsDQ3cHY0Nk1JNTNINjExMzFNSkpMtUg0MjQ1MDNMMjZ2/yLAEMHEwMDIwMDABCRBEMRXYDBPMTcyNjNNTbK0MDaxMDW2NE81TjVOs0wxMTNISklJ5GIwsrAwMjYxNDI3fs7MBNXHziAHNAkAERsieA==";

#[test]
fn other_services_build_and_read_leniently() {
    let join = [agora_token2_privilege { id: 1, expire: 600 }];
    let rtc = agora_token2_service {
        service_type: 1,
        privileges: join.as_ptr(),
        privilege_count: 1,
        channel_name: s(CHANNEL),
        has_uid: 1,
        uid: 2882341273,
        ..NO_SERVICE
    };
    let privs = [agora_token2_privilege { id: 7, expire: 30 }, agora_token2_privilege { id: 1, expire: 600 }];
    let other = [agora_token2_other_service { service_type: 999, privileges: privs.as_ptr(), privilege_count: 2 }];
    let services = [rtc];
    let data = agora_token2_data { other_services: other.as_ptr(), other_service_count: 1, ..data_token(&services) };
    let token = build_data(&data).unwrap();
    assert_eq!(token, WITH_999);
    let known = [agora_token2_other_service { service_type: 1, ..other[0] }];
    let bad = agora_token2_data { other_services: known.as_ptr(), ..data };
    assert_eq!(build_data(&bad).unwrap_err().0, ErrorKind::Service.code());

    let mut info: *mut agora_token2_info = ptr::null_mut();
    let mut e = new_error();
    assert_eq!(
        unsafe { agora_token2_parse(token.as_ptr().cast(), token.len(), &mut info, &mut e) },
        ErrorKind::Service.code()
    );
    assert_eq!(unsafe { agora_token2_parse_lenient(token.as_ptr().cast(), token.len(), &mut info, &mut e) }, 0);
    let i = unsafe { &*info };
    assert_eq!((i.service_count, i.unread_service_type), (1, 999));
    unsafe { agora_token2_info_free(info) };
    let mut info: *mut agora_token2_info = ptr::null_mut();
    assert_eq!(unsafe { agora_token2_parse_lenient(SAMPLE.as_ptr().cast(), SAMPLE.len(), &mut info, &mut e) }, 0);
    assert_eq!(unsafe { (*info).unread_service_type }, -1);
    unsafe { agora_token2_info_free(info) };

    let expected = agora_token2_expected {
        app_id: agora_token_str::NONE,
        channel_name: s(CHANNEL),
        has_uid: 1,
        uid: 2882341273,
        user_account: agora_token_str::NONE,
        rtm_user_id: agora_token_str::NONE,
    };
    let mut r = -1;
    let rc = unsafe {
        agora_token2_verify_lenient(
            token.as_ptr().cast(),
            token.len(),
            CERT.as_ptr().cast(),
            CERT.len(),
            &expected,
            1111111,
            &mut r,
            &mut e,
        )
    };
    assert_eq!((rc, r), (0, VerifyResult::Ok.value()));
    let rc = unsafe {
        agora_token2_verify(
            token.as_ptr().cast(),
            token.len(),
            CERT.as_ptr().cast(),
            CERT.len(),
            &expected,
            1111111,
            &mut r,
            &mut e,
        )
    };
    assert_eq!(rc, ErrorKind::Service.code());
}

#[test]
fn a_null_int_is_a_join_only_role_or_a_named_null_argument() {
    use token_core::v007::RtcRole;
    assert_eq!(AGORA_TOKEN2_ROLE_JOIN_ONLY, i64::from(RtcRole::JOIN_ONLY.value()));
    assert_eq!(crate::AGORA_TOKEN_ROLE_JOIN_ONLY, i32::from(token_core::Role::JOIN_ONLY.value()));
    let id = agora_token2_builder_id::AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID as u32;
    let strs = [s(CHANNEL)];
    let ints = [2882341273, 99, 600, 600];
    let args = |null_ints: u64| agora_token2_args {
        strs: strs.as_ptr(),
        str_count: 1,
        ints: ints.as_ptr(),
        int_count: 4,
        null_ints,
        ..pins(1111111, 1)
    };
    let token = build(id, Some(&args(0b10)), 1024).unwrap();
    let subscriber = [2882341273, 2, 600, 600];
    let want = build(id, Some(&agora_token2_args { ints: subscriber.as_ptr(), ..args(0) }), 1024).unwrap();
    assert_eq!(token, want, "a null role builds the join-only token");
    let (rc, msg, _) = build(id, Some(&args(0b1)), 1024).unwrap_err();
    assert_eq!(rc, ErrorKind::NullArgument.code());
    assert!(msg.starts_with("uid:") && msg.contains("null"), "{msg}");
    assert_eq!(build(id, Some(&args(0)), 1024).unwrap_err().0, ErrorKind::Role.code(), "99 is no role");
}

#[test]
fn numbers_from_text_and_floats_use_the_core_rules() {
    use crate::{agora_token_check_f64, agora_token_uid_from_decimal};
    let mut e = new_error();
    let mut v = 0u32;
    for (text, want) in [("0", 0u32), ("2882341273", 2882341273)] {
        assert_eq!(unsafe { agora_token_uid_from_decimal(text.as_ptr().cast(), text.len(), &mut v, &mut e) }, 0);
        assert_eq!(v, want);
    }
    for bad in ["007", "", "-1", "4294967296", "1.0"] {
        let rc = unsafe { agora_token_uid_from_decimal(bad.as_ptr().cast(), bad.len(), &mut v, &mut e) };
        assert_eq!(rc, ErrorKind::Uid.code(), "{bad:?}");
        assert!(message(&e).starts_with("uid:"), "{}", message(&e));
    }
    assert_eq!(unsafe { agora_token_uid_from_decimal(ptr::null(), 1, &mut v, &mut e) }, ErrorKind::NullArgument.code());
    {
        use crate::agora_token_u32_from_decimal;
        let t = "3600";
        assert_eq!(
            unsafe {
                agora_token_u32_from_decimal(ErrorKind::Expire.code(), t.as_ptr().cast(), t.len(), &mut v, &mut e)
            },
            0
        );
        assert_eq!(v, 3600);
        let t = "036";
        let rc = unsafe {
            agora_token_u32_from_decimal(ErrorKind::Expire.code(), t.as_ptr().cast(), t.len(), &mut v, &mut e)
        };
        assert_eq!(rc, ErrorKind::Expire.code());
        assert!(message(&e).starts_with("expire:"), "{}", message(&e));
        assert_eq!(
            unsafe { agora_token_u32_from_decimal(0, t.as_ptr().cast(), t.len(), &mut v, &mut e) },
            ErrorKind::NullArgument.code()
        );
    }
    assert_eq!(unsafe { agora_token_check_f64(ErrorKind::Expire.code(), 3600.9, &mut v, &mut e) }, 0);
    assert_eq!(v, 3600);
    for bad in [f64::NAN, -1.0, 4294967296.0, f64::INFINITY] {
        assert_eq!(
            unsafe { agora_token_check_f64(ErrorKind::Expire.code(), bad, &mut v, &mut e) },
            ErrorKind::Expire.code()
        );
    }
    assert_eq!(unsafe { agora_token_check_f64(0, 1.0, &mut v, &mut e) }, ErrorKind::NullArgument.code());
}

#[test]
fn pack_service_gives_the_bytes_a_token_holds() {
    let join = [agora_token2_privilege { id: 1, expire: 600 }];
    let rtc = agora_token2_service {
        service_type: 1,
        privileges: join.as_ptr(),
        privilege_count: 1,
        channel_name: s(CHANNEL),
        has_uid: 1,
        uid: 2882341273,
        ..NO_SERVICE
    };
    let pack = |service: *const agora_token2_service, other: *const agora_token2_other_service| {
        let mut out = [0u8; 256];
        let mut n = 0;
        let mut e = new_error();
        match unsafe { agora_token2_pack_service(service, other, out.as_mut_ptr().cast(), out.len(), &mut n, &mut e) } {
            0 => Ok(out[..n].to_vec()),
            rc => Err((rc, message(&e))),
        }
    };
    // content = signature string (34) | app id string (34) | issue_ts, expire, salt (12) | count (2) | services
    let content = parse007(SAMPLE).unwrap().content;
    assert_eq!(pack(&rtc, ptr::null()).unwrap(), &content[82..]);
    let privs = [agora_token2_privilege { id: 1, expire: 600 }, agora_token2_privilege { id: 7, expire: 30 }];
    let other = agora_token2_other_service { service_type: 999, privileges: privs.as_ptr(), privilege_count: 2 };
    let with_999 = parse007_lenient(WITH_999).unwrap().content;
    assert_eq!(pack(ptr::null(), &other).unwrap(), &with_999[with_999.len() - 16..]);
    assert_eq!(pack(ptr::null(), ptr::null()).unwrap_err().0, ErrorKind::NullArgument.code());
    assert_eq!(pack(&rtc, &other).unwrap_err().0, ErrorKind::NullArgument.code());
    let bad = agora_token2_service { channel_name: s("a/b"), ..rtc };
    let (rc, msg) = pack(&bad, ptr::null()).unwrap_err();
    assert_eq!(rc, ErrorKind::ChannelName.code());
    assert!(msg.starts_with("channel_name:"), "{msg}");
}

#[test]
fn a_006_message_and_its_signature_are_the_token_s() {
    use crate::v006::sized::{agora_token006_message, agora_token006_sign_message};
    let token = "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW";
    let mut out = [0u8; 64];
    let mut n = 0;
    let mut e = new_error();
    assert_eq!(
        unsafe {
            agora_token006_message(token.as_ptr().cast(), token.len(), out.as_mut_ptr().cast(), 64, &mut n, &mut e)
        },
        0
    );
    let parsed = token_core::parse(token).unwrap();
    assert_eq!(&out[..n], &parsed.message()[..]);
    let mut sig = [0u8; 32];
    let uid = "2882341273";
    let rc = unsafe {
        agora_token006_sign_message(
            CERT.as_ptr().cast(),
            CERT.len(),
            APP_ID.as_ptr().cast(),
            APP_ID.len(),
            CHANNEL.as_ptr().cast(),
            CHANNEL.len(),
            uid.as_ptr().cast(),
            uid.len(),
            out.as_ptr(),
            n,
            &mut sig,
            &mut e,
        )
    };
    assert_eq!(rc, 0);
    assert_eq!(sig.to_vec(), parsed.signature, "the signature of the token's own message is its signature");
    let rc = unsafe {
        agora_token006_sign_message(
            "x".as_ptr().cast(),
            1,
            APP_ID.as_ptr().cast(),
            APP_ID.len(),
            CHANNEL.as_ptr().cast(),
            CHANNEL.len(),
            uid.as_ptr().cast(),
            uid.len(),
            out.as_ptr(),
            n,
            &mut sig,
            &mut e,
        )
    };
    assert_eq!(rc, ErrorKind::AppCertificate.code());
    assert!(!message(&e).contains("x\""), "{}", message(&e));
    let short = "006abc";
    let rc = unsafe {
        agora_token006_message(short.as_ptr().cast(), short.len(), out.as_mut_ptr().cast(), 64, &mut n, &mut e)
    };
    assert!(rc < 0);
}

#[test]
fn int_arguments_as_text_follow_their_parameter() {
    let id = agora_token2_builder_id::AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID as u32;
    let read = |i: usize, text: &str| {
        let mut v = -1i64;
        let mut e = new_error();
        match unsafe { agora_token2_int_from_decimal(id, i, text.as_ptr().cast(), text.len(), &mut v, &mut e) } {
            0 => Ok(v),
            rc => Err((rc, message(&e))),
        }
    };
    assert_eq!(read(0, "42"), Ok(42));
    assert_eq!(read(1, "1"), Ok(1));
    assert_eq!(read(2, "3600"), Ok(3600));
    assert_eq!(read(3, "0"), Ok(0));
    let (rc, msg) = read(0, "007").unwrap_err();
    assert_eq!(rc, ErrorKind::Uid.code());
    assert!(msg.contains("account builder"), "{msg}");
    assert_eq!(read(1, "01").unwrap_err().0, ErrorKind::Role.code());
    assert_eq!(read(2, "1e3").unwrap_err().0, ErrorKind::Expire.code());
    assert_eq!(read(3, " 60").unwrap_err().0, ErrorKind::ExpireTs.code());
    assert_eq!(read(4, "1").unwrap_err().0, ErrorKind::NullArgument.code());
    let rc = unsafe { agora_token2_int_from_decimal(999, 0, "1".as_ptr().cast(), 1, ptr::null_mut(), ptr::null_mut()) };
    assert_eq!(rc, ErrorKind::Internal.code());
}
