//! Property tests of AccessToken2: random valid tokens of every service mix
//! round-trip and verify; the parser never panics on arbitrary input.

use std::io::Write as _;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use proptest::prelude::*;
use token_core::v007::{RawPermission, RawService, RawToken, ServiceFields, ServiceType};
use token_core::{parse007, parse007_lenient, parse_any, verify007, AnyToken, Expected007, UserId, VerifyResult};

const NAME_CHARS: &str = "[a-zA-Z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]";

fn hex32() -> impl Strategy<Value = String> {
    "[0-9a-fA-F]{32}"
}

/// A documented privilege set of a service type, with random values.
fn privileges(t: ServiceType) -> impl Strategy<Value = Vec<(i64, i64)>> {
    let ids: Vec<u16> = t.privileges().iter().map(|&(id, _)| id).collect();
    proptest::sample::subsequence(ids.clone(), 0..=ids.len())
        .prop_flat_map(|ids| {
            let n = ids.len();
            (Just(ids), proptest::collection::vec(any::<u32>(), n))
        })
        .prop_shuffle_pairs()
}

trait ShufflePairs {
    fn prop_shuffle_pairs(self) -> BoxedStrategy<Vec<(i64, i64)>>;
}

impl<S: Strategy<Value = (Vec<u16>, Vec<u32>)> + 'static> ShufflePairs for S {
    fn prop_shuffle_pairs(self) -> BoxedStrategy<Vec<(i64, i64)>> {
        self.prop_map(|(ids, values)| ids.into_iter().zip(values).map(|(i, v)| (i64::from(i), i64::from(v))).collect::<Vec<_>>())
            .prop_shuffle()
            .boxed()
    }
}

/// Owned inputs of one service (RawService borrows its strings).
#[derive(Debug, Clone)]
struct Svc {
    t: ServiceType,
    privileges: Vec<(i64, i64)>,
    channel: String,
    uid: Option<u32>,
    account: String,
    user_id: String,
    room: String,
    user: String,
    role: i16,
    permissions: Vec<RawPermission>,
}

impl Svc {
    fn raw(&self) -> RawService<'_> {
        RawService {
            service_type: i64::from(self.t.id()),
            privileges: self.privileges.clone(),
            channel_name: Some(&self.channel),
            uid: self.uid.map(i64::from),
            user_account: self.uid.is_none().then_some(self.account.as_str()),
            user_id: Some(&self.user_id),
            room_uuid: Some(&self.room),
            user_uuid: Some(&self.user),
            role: Some(i64::from(self.role)),
            permissions: if self.t == ServiceType::Rtm2 { self.permissions.clone() } else { Vec::new() },
        }
    }

    fn user_string(&self) -> String {
        match self.uid {
            Some(0) => String::new(),
            Some(n) => n.to_string(),
            None => self.account.clone(),
        }
    }
}

fn permissions() -> impl Strategy<Value = Vec<RawPermission>> {
    let pairs: Vec<(i64, i64)> = (0..5).flat_map(|r| (0..2).map(move |p| (r, p))).collect();
    proptest::sample::subsequence(pairs, 0..4).prop_flat_map(|pairs| {
        let n = pairs.len();
        (Just(pairs), proptest::collection::vec(proptest::collection::vec("\\PC{0,12}", 0..4), n)).prop_map(|(pairs, res)| {
            pairs
                .into_iter()
                .zip(res)
                .map(|((r, p), resources)| RawPermission { resource_type: r, permission_type: p, resources })
                .collect()
        })
    })
}

fn service() -> impl Strategy<Value = Svc> {
    (1u16..=10).prop_flat_map(|id| {
        let t = ServiceType::from_id(id).unwrap();
        (
            privileges(t),
            proptest::string::string_regex(&format!("{NAME_CHARS}{{1,64}}")).unwrap(),
            prop_oneof![Just(None), any::<u32>().prop_map(Some), Just(Some(0))],
            proptest::string::string_regex(&format!("{NAME_CHARS}{{1,40}}")).unwrap(),
            "\\PC{1,30}",
            ("\\PC{0,30}", "\\PC{0,30}", any::<i16>()),
            permissions(),
        )
            .prop_map(move |(privileges, channel, uid, account, user_id, (room, user, role), permissions)| Svc {
                t,
                privileges,
                channel,
                uid,
                account,
                user_id,
                room,
                user,
                role,
                permissions,
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_tokens_round_trip_and_verify(
        app_id in hex32(), cert in hex32(), issue_ts in any::<u32>(), expire in any::<u32>(), salt in any::<u32>(),
        services in proptest::collection::vec(service(), 1..6),
    ) {
        let raw = RawToken {
            other_services: Vec::new(),
            app_id: &app_id, app_certificate: &cert, issue_ts: Some(i64::from(issue_ts)), expire: i64::from(expire),
            salt: Some(i64::from(salt)), services: services.iter().map(Svc::raw).collect(),
        };
        let token = raw.build().unwrap();
        let p = parse007(&token).unwrap();
        prop_assert_eq!(&p.app_id, &app_id);
        prop_assert_eq!((p.issue_ts, p.expire, p.salt), (issue_ts, expire, salt));
        // Services come back sorted by type (stably), privileges by id, fields as given.
        let mut want: Vec<&Svc> = services.iter().collect();
        want.sort_by_key(|s| s.t);
        prop_assert_eq!(p.services.len(), want.len());
        for (got, want) in p.services.iter().zip(&want) {
            prop_assert_eq!(got.service_type(), want.t);
            let mut privs: Vec<(u16, u32)> = want.privileges.iter().map(|&(i, v)| (i as u16, v as u32)).collect();
            privs.sort();
            prop_assert_eq!(got.privileges(), &privs[..]);
            match got.fields() {
                ServiceFields::Channel { channel_name, account } => {
                    prop_assert_eq!(channel_name, &want.channel);
                    prop_assert_eq!(account, &want.user_string());
                }
                ServiceFields::User { user_id } | ServiceFields::Rtm2 { user_id, .. } => prop_assert_eq!(user_id, &want.user_id),
                ServiceFields::Apaas { room_uuid, user_uuid, role } => {
                    prop_assert_eq!((room_uuid, user_uuid, *role), (&want.room, &want.user, want.role));
                }
                ServiceFields::Empty => {}
            }
        }
        prop_assert_eq!(parse_any(&token).unwrap(), AnyToken::V007(p.clone()));
        // Signature and expiry; with an RTC service, the RTC check of its first one.
        let now = issue_ts;
        let rtc = want.iter().find(|s| s.t == ServiceType::Rtc);
        let user = rtc.map(|s| s.user_string());
        let e = Expected007 {
            app_id: Some(&app_id),
            rtc: rtc.map(|s| (s.channel.as_str(), UserId::Account(user.as_deref().unwrap()))),
            rtm: None,
        };
        // At issue_ts nothing has expired, and the first RTC service matches itself exactly.
        prop_assert_eq!(verify007(&token, &cert, &e, now).unwrap(), VerifyResult::Ok);
        let wrong = format!("{}{}", if cert.starts_with('0') { '1' } else { '0' }, &cert[1..]);
        prop_assert_eq!(verify007(&token, &wrong, &e, now).unwrap(), VerifyResult::SignatureMismatch);
        if let Some(after) = now.checked_add(1) {
            if u64::from(after) > u64::from(issue_ts) + u64::from(expire) {
                prop_assert_eq!(verify007(&token, &cert, &e, after).unwrap(), VerifyResult::Expired);
            }
        }
    }

    #[test]
    fn parse_never_panics_after_the_version(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let mut token = b"007".to_vec();
        token.extend_from_slice(&bytes);
        let _ = parse007(&token);
        let _ = parse_any(&token);
    }

    #[test]
    fn parse_never_panics_on_arbitrary_base64(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse007(format!("007{}", STANDARD.encode(&bytes)));
    }

    #[test]
    fn parse_never_panics_on_arbitrary_zlib_streams(bytes in proptest::collection::vec(any::<u8>(), 0..400), level in 0u32..=9) {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
        e.write_all(&bytes).unwrap();
        let token = format!("007{}", STANDARD.encode(e.finish().unwrap()));
        let lenient = parse007_lenient(&token);
        match parse007(&token) {
            Ok(p) => {
                // What the strict parser reads, the lenient one reads the same.
                prop_assert_eq!(lenient.as_ref().ok(), Some(&p));
                prop_assert_eq!(p.content, bytes)
            }
            Err(e) => {
                prop_assert!(e.kind() != token_core::ErrorKind::Zlib, "a valid stream was refused: {}", e);
                // The lenient parser differs only at an unknown service type.
                if let Ok(l) = lenient {
                    prop_assert!(l.unread_service_type.is_some(), "lenient read what strict refused ({})", e);
                }
            }
        }
    }

    #[test]
    fn parse_never_panics_on_any_text(s in ".*") {
        let _ = parse_any(&s);
    }
}
