//! Property tests: build -> parse round-trips every field; parse never panics.

use proptest::prelude::*;
use token_core::*;

fn name_strategy(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!(
        "[a-zA-Z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{{}}|~,]{{1,{max}}}"
    ))
    .unwrap()
}

fn hex32() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[0-9a-fA-F]{32}").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn build_parse_round_trip(
        app_id in hex32(),
        cert in hex32(),
        channel in name_strategy(64),
        user in prop_oneof![any::<u32>().prop_map(Ok), name_strategy(255).prop_map(Err)],
        salt in any::<u32>(),
        ts in any::<u32>(),
        privs in proptest::collection::btree_map(proptest::sample::select(Privilege::ALL), any::<u32>(), 0..14),
    ) {
        let uid = match &user { Ok(n) => UserId::Uid(*n), Err(a) => UserId::Account(a) };
        let mut b = SimpleTokenBuilder::new(&app_id, &cert, &channel, uid).unwrap();
        b.set_salt(salt);
        b.set_ts(ts);
        for (p, e) in &privs {
            b.set_privilege(*p, *e);
        }
        let token = b.build_token().unwrap();
        let t = parse(&token).unwrap();
        prop_assert_eq!(&t.app_id, &app_id);
        prop_assert_eq!(t.salt, salt);
        prop_assert_eq!(t.ts, ts);
        prop_assert_eq!(t.crc_channel_name, crc32fast::hash(channel.as_bytes()));
        prop_assert_eq!(t.crc_uid, crc32fast::hash(uid.uid_string().as_bytes()));
        let want: Vec<(u16, u32)> = privs.iter().map(|(p, e)| (p.id(), *e)).collect();
        prop_assert_eq!(&t.privileges, &want);
        let exp = Expected { app_id: Some(&app_id), channel_name: &channel, user: uid };
        let now = ts.min(privs.get(&Privilege::JoinChannel).copied().filter(|&e| e != 0).unwrap_or(u32::MAX));
        prop_assert_eq!(verify(&token, &cert, &exp, now).unwrap(), VerifyResult::Ok);
        // A renewing builder inherits the privileges only; with the same salt
        // and ts set again it reproduces the token exactly.
        let mut renewed = SimpleTokenBuilder::new(&app_id, &cert, &channel, uid).unwrap();
        renewed.init_token_builder(&token).unwrap();
        prop_assert_eq!(renewed.salt(), None);
        prop_assert_eq!(renewed.ts(), None);
        prop_assert_eq!(renewed.privileges(), &want[..]);
        renewed.set_salt(salt);
        renewed.set_ts(ts);
        prop_assert_eq!(renewed.build_token().unwrap(), token);
    }

    #[test]
    fn parse_never_panics_on_strings(s in ".*") {
        let _ = parse(&s);
    }

    #[test]
    fn parse_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = parse(&bytes);
    }

    #[test]
    fn parse_never_panics_on_006_base64(app_id in hex32(), content in proptest::collection::vec(any::<u8>(), 0..120)) {
        use base64::Engine as _;
        let token = format!("006{app_id}{}", base64::engine::general_purpose::STANDARD.encode(&content));
        match parse(&token) {
            Ok(t) => prop_assert_eq!(t.app_id, app_id),
            Err(e) => prop_assert!(matches!(e.kind(), ErrorKind::Truncated | ErrorKind::Trailing), "{:?}", e),
        }
    }

    #[test]
    fn a_flipped_signature_byte_never_verifies(i in 0usize..32, bit in 0u8..8) {
        use base64::Engine as _;
        let token = "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW";
        let engine = base64::engine::general_purpose::STANDARD;
        let mut content = engine.decode(&token[35..]).unwrap();
        content[2 + i] ^= 1 << bit;
        let forged = format!("{}{}", &token[..35], engine.encode(&content));
        let exp = Expected { app_id: None, channel_name: "7d72365eb983485397e3e3f9d460bdda", user: UserId::Uid(2882341273) };
        prop_assert_eq!(verify(&forged, "5CFd2fd1755d40ecb72977518be15d3b", &exp, 0).unwrap(), VerifyResult::SignatureMismatch);
    }
}
