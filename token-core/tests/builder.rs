//! Unit tests of the builder, the helpers, parse and verify.

use token_core::*;

const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";
const CHANNEL: &str = "7d72365eb983485397e3e3f9d460bdda";
/// Agora's documented sample: uid 2882341273, salt 1, ts 1111111, JoinChannel until 1446455471.
const SAMPLE: &str = "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW";

fn sample_builder() -> SimpleTokenBuilder {
    let mut b = SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, 2882341273).unwrap();
    b.set_salt(1);
    b.set_ts(1111111);
    b.set_privilege(Privilege::JoinChannel, 1446455471);
    b
}

fn expected(user: UserId<'_>) -> Expected<'_> {
    Expected { app_id: None, channel_name: CHANNEL, user }
}

#[test]
fn builds_the_documented_sample() {
    assert_eq!(sample_builder().build_token().unwrap(), SAMPLE);
}

#[test]
fn uid_and_account_with_the_same_text_are_the_same_user() {
    let mut a = SimpleTokenBuilder::with_user_account(APP_ID, CERT, CHANNEL, "2882341273").unwrap();
    a.set_salt(1);
    a.set_ts(1111111);
    a.set_privilege(Privilege::JoinChannel, 1446455471);
    assert_eq!(a.build_token().unwrap(), SAMPLE);
    // uid 0 is the empty string; the account "0" is another user.
    let zero = SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, 0).unwrap();
    assert_eq!(zero.uid_string(), "");
    let acc0 = SimpleTokenBuilder::with_user_account(APP_ID, CERT, CHANNEL, "0").unwrap();
    assert_eq!(acc0.uid_string(), "0");
    let t = parse(zero.build_token().unwrap()).unwrap();
    assert_eq!(t.crc_uid, 0);
}

#[test]
fn privileges_are_sorted_and_unique() {
    let mut b = SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, 1).unwrap();
    b.set_privilege(Privilege::RtmLogin, 9);
    b.set_privilege(Privilege::JoinChannel, 5);
    b.set_privilege(Privilege::AdministrateChannel, 7);
    b.set_privilege(Privilege::JoinChannel, 6);
    assert_eq!(b.privileges(), [(1, 6), (101, 7), (1000, 9)]);
    b.remove_privilege(Privilege::AdministrateChannel);
    b.remove_privilege(Privilege::PublishAudioCdn); // absent: no-op
    assert_eq!(b.privileges(), [(1, 6), (1000, 9)]);
    let t = parse(b.build_token().unwrap()).unwrap();
    assert_eq!(t.privileges, [(1, 6), (1000, 9)]);
}

#[test]
fn init_privileges_replaces_with_the_role_table() {
    let mut b = SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, 1).unwrap();
    b.set_privilege(Privilege::RtmLogin, 9);
    b.init_privileges(Role::Subscriber);
    assert_eq!(b.privileges(), [(1, 0)]);
    for role in [Role::Attendee, Role::Publisher, Role::Admin] {
        b.init_privileges(role);
        assert_eq!(b.privileges(), [(1, 0), (2, 0), (3, 0), (4, 0)], "{role:?}");
    }
}

#[test]
fn defaults_fresh_salt_and_ts_about_a_day_ahead() {
    let b = SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, 1).unwrap();
    assert_eq!(b.salt(), None);
    assert_eq!(b.ts(), None);
    let before = now_secs();
    let salts: std::collections::HashSet<u32> = (0..64).map(|_| parse(b.build_token().unwrap()).unwrap().salt).collect();
    assert!(salts.len() >= 63, "salts repeat: {} distinct of 64", salts.len());
    let t = parse(b.build_token().unwrap()).unwrap();
    let after = now_secs();
    assert!(t.ts >= before + DEFAULT_TOKEN_LIFETIME_SECS && t.ts <= after + DEFAULT_TOKEN_LIFETIME_SECS);
    // Two builders never share a salt sequence.
    let c = SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, 1).unwrap();
    assert_ne!(b.build_token().unwrap(), c.build_token().unwrap());
    // Fixed salt and ts make tokens reproducible; None goes back to drawing.
    let mut d = c.clone();
    d.set_salt(7);
    d.set_ts(8);
    assert_eq!(d.build_token().unwrap(), d.build_token().unwrap());
    d.set_salt(None);
    assert_eq!(d.salt(), None);
    assert_ne!(d.build_token().unwrap(), d.build_token().unwrap());
}

#[test]
fn init_token_builder_inherits_privileges_and_draws_salt_and_ts_afresh() {
    let mut b = SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, 2882341273).unwrap();
    b.init_token_builder(SAMPLE).unwrap();
    assert_eq!(b.salt(), None);
    assert_eq!(b.ts(), None);
    assert_eq!(b.privileges(), [(1, 1446455471)]);
    let renewed = parse(b.build_token().unwrap()).unwrap();
    let now = now_secs();
    assert!(renewed.ts >= now + 86_400 - 5 && renewed.ts <= now + 86_400 + 5, "fresh 24 h lifetime");
    assert_eq!(renewed.privileges, [(1, 1446455471)]);
    b.set_salt(1);
    b.set_ts(1111111);
    assert_eq!(b.build_token().unwrap(), SAMPLE);
    // The same user as an account is accepted too.
    let mut a = SimpleTokenBuilder::with_user_account(APP_ID, CERT, CHANNEL, "2882341273").unwrap();
    a.init_token_builder(SAMPLE).unwrap();
}

#[test]
fn init_token_builder_failures_leave_the_builder_unchanged() {
    let cases: [(SimpleTokenBuilder, &str, ErrorKind); 7] = [
        (SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, 2882341273).unwrap(), "007abc", ErrorKind::Version),
        (SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, 2882341273).unwrap(), "006xyz", ErrorKind::AppId),
        (
            SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, 2882341273).unwrap(),
            &SAMPLE[..SAMPLE.len() - 1],
            ErrorKind::Base64,
        ),
        (
            SimpleTokenBuilder::with_uid("00000000000000000000000000000000", CERT, CHANNEL, 2882341273).unwrap(),
            SAMPLE,
            ErrorKind::AppIdMismatch,
        ),
        (SimpleTokenBuilder::with_uid(APP_ID, CERT, "other", 2882341273).unwrap(), SAMPLE, ErrorKind::ChannelMismatch),
        (SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, 2882341274).unwrap(), SAMPLE, ErrorKind::UidMismatch),
        (SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, 0).unwrap(), SAMPLE, ErrorKind::UidMismatch),
    ];
    for (mut b, token, kind) in cases {
        b.set_salt(5);
        b.set_privilege(Privilege::RtmLogin, 3);
        let before = format!("{b:?}");
        let e = b.init_token_builder(token).unwrap_err();
        assert_eq!(e.kind(), kind, "{token}");
        assert!(e.message().starts_with(kind.as_str()), "{}", e.message());
        assert_eq!(format!("{b:?}"), before);
    }
}

#[test]
fn constructor_errors_name_the_field_and_hide_the_certificate() {
    let bad_cert = "zCFd2fd1755d40ecb72977518be15d3b";
    let cases = [
        (SimpleTokenBuilder::with_uid("x", CERT, CHANNEL, 1), ErrorKind::AppId),
        (SimpleTokenBuilder::with_uid(APP_ID, bad_cert, CHANNEL, 1), ErrorKind::AppCertificate),
        (SimpleTokenBuilder::with_uid(APP_ID, &CERT[1..], CHANNEL, 1), ErrorKind::AppCertificate),
        (SimpleTokenBuilder::with_uid(APP_ID, CERT, "", 1), ErrorKind::ChannelName),
        (SimpleTokenBuilder::with_uid(APP_ID, CERT, "a/b", 1), ErrorKind::ChannelName),
        (SimpleTokenBuilder::with_user_account(APP_ID, CERT, CHANNEL, ""), ErrorKind::UserAccount),
        (SimpleTokenBuilder::with_user_account(APP_ID, CERT, CHANNEL, "a\"b"), ErrorKind::UserAccount),
    ];
    for (result, kind) in cases {
        let e = result.unwrap_err();
        assert_eq!(e.kind(), kind);
        assert!(e.message().starts_with(&format!("{}:", kind.as_str())), "{}", e.message());
        for secret in [CERT, bad_cert, &CERT[1..], "5CFd2fd1", "zCFd2fd1"] {
            assert!(!e.message().contains(secret), "{}", e.message());
        }
    }
    let b = sample_builder();
    let debug = format!("{b:?}");
    assert!(debug.contains("***") && !debug.contains(CERT) && !debug.contains("5CFd2fd1"), "{debug}");
}

#[test]
fn rtc_helpers_grant_the_role_privileges() {
    let t = RtcTokenBuilder::build_token_with_uid(APP_ID, CERT, CHANNEL, 42, Role::Publisher, 1234).unwrap();
    let p = parse(&t).unwrap();
    assert_eq!(p.privileges, [(1, 1234), (2, 1234), (3, 1234), (4, 1234)]);
    assert_eq!(p.crc_uid, crc32fast_hash(b"42"));
    assert_eq!(verify(&t, CERT, &expected(UserId::Uid(42)), now_secs()).unwrap(), VerifyResult::PrivilegeExpired);
    let t = RtcTokenBuilder::build_token_with_user_account(APP_ID, CERT, CHANNEL, "alice", Role::Subscriber, 0).unwrap();
    let p = parse(&t).unwrap();
    assert_eq!(p.privileges, [(1, 0)]);
    assert_eq!(verify(&t, CERT, &expected(UserId::Account("alice")), now_secs()).unwrap(), VerifyResult::Ok);
    assert_eq!(
        RtcTokenBuilder::build_token_with_uid(APP_ID, CERT, "", 1, Role::Admin, 0).unwrap_err().kind(),
        ErrorKind::ChannelName
    );
}

#[test]
fn rtm_helper_puts_the_account_in_the_channel_field() {
    let t = RtmTokenBuilder::build_token(APP_ID, CERT, "bob", RtmRole::RtmUser, 99).unwrap();
    let p = parse(&t).unwrap();
    assert_eq!(p.privileges, [(1000, 99)]);
    assert_eq!(p.crc_channel_name, crc32fast_hash(b"bob"));
    assert_eq!(p.crc_uid, 0);
    let rtm = Expected { app_id: Some(APP_ID), channel_name: "bob", user: UserId::Uid(0) };
    assert_eq!(verify(&t, CERT, &rtm, 1).unwrap(), VerifyResult::Ok);
    assert_eq!(RtmTokenBuilder::build_token(APP_ID, CERT, "", RtmRole::RtmUser, 0).unwrap_err().kind(), ErrorKind::UserAccount);
}

#[test]
fn verify_checks_in_order() {
    let now = 1_000_000;
    let e = expected(UserId::Uid(2882341273));
    assert_eq!(verify(SAMPLE, CERT, &e, now).unwrap(), VerifyResult::Ok);
    let with_app = Expected { app_id: Some("00000000000000000000000000000000"), ..e };
    assert_eq!(verify(SAMPLE, CERT, &with_app, now).unwrap(), VerifyResult::AppIdMismatch);
    let with_app = Expected { app_id: Some(APP_ID), ..e };
    assert_eq!(verify(SAMPLE, CERT, &with_app, now).unwrap(), VerifyResult::Ok);
    assert_eq!(verify(SAMPLE, CERT, &Expected { channel_name: "x", ..e }, now).unwrap(), VerifyResult::ChannelMismatch);
    assert_eq!(verify(SAMPLE, CERT, &expected(UserId::Uid(1)), now).unwrap(), VerifyResult::UidMismatch);
    assert_eq!(verify(SAMPLE, CERT, &expected(UserId::Account("2882341273")), now).unwrap(), VerifyResult::Ok);
    let other_cert = "5cfd2fd1755d40ecb72977518be15d3b"; // case matters
    assert_eq!(verify(SAMPLE, other_cert, &e, now).unwrap(), VerifyResult::SignatureMismatch);
    assert_eq!(verify(SAMPLE, CERT, &e, 1111111).unwrap(), VerifyResult::Ok);
    assert_eq!(verify(SAMPLE, CERT, &e, 1111112).unwrap(), VerifyResult::Expired);
    // Privilege expiry after a still-valid ts.
    let mut b = sample_builder();
    b.set_ts(u32::MAX);
    b.set_privilege(Privilege::JoinChannel, 100);
    let t = b.build_token().unwrap();
    assert_eq!(verify(&t, CERT, &e, 100).unwrap(), VerifyResult::Ok);
    assert_eq!(verify(&t, CERT, &e, 101).unwrap(), VerifyResult::PrivilegeExpired);
    b.set_privilege(Privilege::JoinChannel, 0);
    assert_eq!(verify(b.build_token().unwrap(), CERT, &e, 101).unwrap(), VerifyResult::Ok);
    b.remove_privilege(Privilege::JoinChannel);
    b.set_privilege(Privilege::PublishAudioStream, 5);
    assert_eq!(verify(b.build_token().unwrap(), CERT, &e, 101).unwrap(), VerifyResult::Ok);
    // Errors: malformed token, bad certificate (message without it).
    assert_eq!(verify("007", CERT, &e, now).unwrap_err().kind(), ErrorKind::Version);
    let err = verify(SAMPLE, "5CFd2fd1755d40ecb72977518be15d3", &e, now).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::AppCertificate);
    assert!(!err.message().contains("5CFd2fd1"));
    for (i, r) in VerifyResult::ALL.iter().enumerate() {
        assert_eq!(r.value(), i as i32);
    }
}

#[test]
fn parse_rejects_with_categories() {
    let cases: &[(&[u8], ErrorKind)] = &[
        (b"", ErrorKind::Version),
        (b"00", ErrorKind::Version),
        (b"005abc", ErrorKind::Version),
        (b"006", ErrorKind::AppId),
        (b"006970CA35de60c44645bbae8a215061b3", ErrorKind::AppId),
        (b"006970CA35de60c44645bbae8a215061b33", ErrorKind::Truncated),
        (b"006970CA35de60c44645bbae8a215061b33AAAA", ErrorKind::Truncated),
        (b"006970CA35de60c44645bbae8a215061b33 AAA", ErrorKind::Base64),
        (b"006970CA35de60c44645bbae8a215061b33AA==\n", ErrorKind::Base64),
        (b"006970CA35de60c44645bbae8a215061b33\xff\xfe", ErrorKind::Base64),
        (b"006970CA35de60c44645bbae8a215061b3\xc3\xa9", ErrorKind::AppId),
    ];
    for (token, kind) in cases {
        assert_eq!(parse(token).unwrap_err().kind(), *kind, "{}", String::from_utf8_lossy(token));
    }
    let p = parse(SAMPLE).unwrap();
    assert_eq!(p.app_id, APP_ID);
    assert_eq!((p.salt, p.ts), (1, 1111111));
    assert_eq!(p.privilege(Privilege::JoinChannel), Some(1446455471));
    assert_eq!(p.privilege(Privilege::RtmLogin), None);
    assert_eq!(p.signature.len(), 32);
    assert_eq!(p.signature_hex().len(), 64);
}

#[test]
fn version_is_the_workspace_version() {
    let manifest = include_str!("../../Cargo.toml");
    let line = manifest.lines().find(|l| l.starts_with("version = ")).unwrap();
    assert_eq!(line, format!("version = \"{}\"", version()));
}

fn crc32fast_hash(bytes: &[u8]) -> u32 {
    // Bit-by-bit CRC-32 (IEEE), independent of the crate under test.
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[test]
fn a_token_with_many_privileges_round_trips() {
    // 20 entries (documented and unknown ids) do not fit the stack buffer of
    // the usual token: the builder inherits them all and signs them.
    use base64::Engine as _;
    let ids: Vec<u16> = (1..=12).chain([101, 1000, 2000, 2001, 2002, 2003, 2004, 65535]).collect();
    let mut message = Vec::new();
    message.extend_from_slice(&9u32.to_le_bytes());
    message.extend_from_slice(&u32::MAX.to_le_bytes());
    message.extend_from_slice(&(ids.len() as u16).to_le_bytes());
    for &id in &ids {
        message.extend_from_slice(&id.to_le_bytes());
        message.extend_from_slice(&u32::from(id).to_le_bytes());
    }
    let mut content = vec![32, 0];
    content.extend_from_slice(&[0u8; 32]);
    content.extend_from_slice(&crc32fast_hash(CHANNEL.as_bytes()).to_le_bytes());
    content.extend_from_slice(&crc32fast_hash(b"7").to_le_bytes());
    content.extend_from_slice(&(message.len() as u16).to_le_bytes());
    content.extend_from_slice(&message);
    let forged = format!("006{APP_ID}{}", base64::engine::general_purpose::STANDARD.encode(&content));
    let e = Expected { app_id: None, channel_name: CHANNEL, user: UserId::Uid(7) };
    assert_eq!(verify(&forged, CERT, &e, 0).unwrap(), VerifyResult::SignatureMismatch);

    let mut b = SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, 7).unwrap();
    b.init_token_builder(&forged).unwrap();
    assert_eq!(b.privileges().len(), 20);
    b.set_salt(9);
    b.set_ts(u32::MAX);
    let token = b.build_token().unwrap();
    let t = parse(&token).unwrap();
    assert_eq!(t.privileges.iter().map(|p| p.0).collect::<Vec<_>>(), ids);
    assert_eq!(t.privileges.iter().map(|p| p.1).collect::<Vec<_>>(), ids.iter().map(|&i| u32::from(i)).collect::<Vec<_>>());
    assert_eq!((t.salt, t.ts), (9, u32::MAX));
    assert_eq!(verify(&token, CERT, &e, 1).unwrap(), VerifyResult::Ok);
}

/// The field report of issue 12: a token renewed just before it expires
/// lives again (it used to keep the old, nearly spent `ts`).
#[test]
fn a_renewed_token_gets_a_fresh_lifetime() {
    let now = now_secs();
    let mut b = SimpleTokenBuilder::with_uid(APP_ID, CERT, "c", 42).unwrap();
    b.set_ts(now + 30);
    for p in [Privilege::JoinChannel, Privilege::PublishAudioStream, Privilege::PublishVideoStream, Privilege::PublishDataStream] {
        b.set_privilege(p, now + 30);
    }
    let mut r = SimpleTokenBuilder::with_uid(APP_ID, CERT, "c", 42).unwrap();
    r.init_token_builder(b.build_token().unwrap()).unwrap();
    r.set_privilege(Privilege::JoinChannel, now + 3600);
    let e = Expected { app_id: None, channel_name: "c", user: UserId::Uid(42) };
    assert_eq!(verify(r.build_token().unwrap(), CERT, &e, now + 600).unwrap(), VerifyResult::Ok);
}

#[test]
fn build_token_into_appends_the_same_token() {
    let b = sample_builder();
    let mut out = b"prefix:".to_vec();
    b.build_token_into(&mut out).unwrap();
    assert_eq!(out, format!("prefix:{SAMPLE}").into_bytes());
    out.clear();
    b.build_token_into(&mut out).unwrap();
    assert_eq!(out, SAMPLE.as_bytes());
}

#[test]
fn rtc_build_token_into_appends_a_verifiable_token_and_nothing_on_failure() {
    let mut out = b"x".to_vec();
    RtcTokenBuilder::build_token_into(&mut out, APP_ID, CERT, CHANNEL, UserId::Uid(42), Role::Subscriber, 0).unwrap();
    let token = std::str::from_utf8(&out[1..]).unwrap();
    assert_eq!(parse(token).unwrap().privileges, [(1, 0)]);
    assert_eq!(verify(token, CERT, &expected(UserId::Uid(42)), now_secs()).unwrap(), VerifyResult::Ok);
    let before = out.clone();
    let e = RtcTokenBuilder::build_token_into(&mut out, APP_ID, CERT, "", UserId::Uid(1), Role::Admin, 0).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ChannelName);
    assert_eq!(out, before);
}

#[test]
fn rtm_tokens_verify_as_rtm_tokens() {
    let now = now_secs();
    let t = RtmTokenBuilder::build_token(APP_ID, CERT, "alice", RtmRole::RtmUser, now + 60).unwrap();
    assert_eq!(verify_rtm(&t, CERT, "alice", now).unwrap(), VerifyResult::Ok);
    assert_eq!(verify_rtm(&t, CERT, "bob", now).unwrap(), VerifyResult::UidMismatch);
    assert_eq!(verify_rtm(&t, CERT, "alice", now + 61).unwrap(), VerifyResult::PrivilegeExpired);
    // A 006 RTM token signs the empty uid, so an RTC check reads it as a uid-0
    // (wildcard) token of channel "alice": verify RTM tokens with verify_rtm.
    let e = Expected { app_id: None, channel_name: "alice", user: UserId::Uid(7) };
    assert_eq!(verify(&t, CERT, &e, now).unwrap(), VerifyResult::Ok);
}
