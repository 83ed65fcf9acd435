//! Authentication (API keys; HS256, RS256, ES256 and JWKS JWTs whose claim
//! must be the user asked for) and the per-client rate limit, against the real binary.
//! RSA and EC keys are made for each run with the `openssl` command (Debian's openssl).

mod common;

use std::process::Command;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use common::*;
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::{json, Value};
use token_core::{verify007, Expected007, UserId, VerifyResult};

const KEY_A: &str = "key-a-0123456789abcdef";
const KEY_B: &str = "key-b-0123456789abcdef";
const KEY_FILE: &str = "key-from-file-0123456789";
const SECRET: &str = "an-hs256-shared-secret-of-32-bytes-or-more";

fn secs() -> u64 {
    u64::from(now())
}

fn bearer(t: &str) -> String {
    format!("Bearer {t}")
}

fn hs(claims: Value) -> String {
    encode(&Header::new(Algorithm::HS256), &claims, &EncodingKey::from_secret(SECRET.as_bytes()).unwrap()).unwrap()
}

fn openssl(dir: &TempDir, args: &[&str]) -> String {
    let out = Command::new("openssl").args(args).current_dir(&dir.0).output().expect("the openssl command (apt-get install openssl) runs");
    assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn api_keys_guard_the_token_routes_only() {
    let dir = TempDir::new("keys");
    let file = dir.file("keys.txt", format!("# one key per line\n{KEY_FILE}\n\n"));
    let s = Server::start(
        &["--host", "127.0.0.1", "--port", "0", "--rate-limit-per-second", "0", "--api-keys-file", file.to_str().unwrap()],
        &[("API_KEYS", &format!("{KEY_A}, {KEY_B}"))],
    );
    let rtc = s.url("/rtc/room-1/publisher/uid/42/");
    let r = get(&rtc);
    r.error(401, "unauthorized");
    assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    get_with(&rtc, &[("Authorization", &bearer("key-a-0123456789abcdeX"))]).error(401, "invalid_api_key");
    get_with(&rtc, &[("Authorization", "Basic a2V5OnZhbHVl")]).error(401, "unauthorized");
    get_with(&rtc, &[("Authorization", "Bearer ")]).error(401, "unauthorized");
    get_with(&rtc, &[("Authorization", &bearer("a.b.c"))]).error(401, "invalid_token");
    for key in [KEY_A, KEY_B, KEY_FILE] {
        let r = get_with(&rtc, &[("Authorization", &bearer(key))]);
        assert_eq!(r.status, 200, "{key}: {}", r.body);
    }
    // An API key may mint anything, including tokens with no user and for uid 0.
    let auth = [("Authorization", bearer(KEY_A))];
    let auth: Vec<(&str, &str)> = auth.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(get_with(&s.url("/chat/app/"), &auth).status, 200);
    assert_eq!(get_with(&s.url("/rtc/room-1/publisher/uid/0/"), &auth).status, 200);
    assert_eq!(post_with(&s.url("/build"), r#"{"builder": "fpa.build_token"}"#, &auth).status, 200);
    // /verify, /inspect and every minting route are authenticated ...
    for (path, body) in [("/getToken", r#"{"tokenType":"chat"}"#), ("/build", "{}"), ("/build/services", "{}"), ("/verify", "{}"), ("/inspect", "{}")] {
        post(&s.url(path), body).error(401, "unauthorized");
    }
    for path in ["/rtm/alice/", "/rte/c/publisher/uid/1/", "/rte/c/publisher/uid/1/bob/", "/chat/app/", "/chat/account/bob/"] {
        get(&s.url(path)).error(401, "unauthorized");
    }
    // ... the rest is not.
    for path in ["/ping", "/healthz", "/readyz", "/metrics", "/openapi.json", "/builders"] {
        assert_eq!(get(&s.url(path)).status, 200, "{path}");
    }
    let m = get(&s.url("/metrics")).body;
    assert!(m.contains("agora_rejections_total{reason=\"unauthorized\"}"), "{m}");
    assert!(m.contains("agora_rejections_total{reason=\"invalid_api_key\"} 1"), "{m}");
}

#[test]
fn hs256_jwts_mint_only_for_their_own_user() {
    let s = Server::start(
        &["--host", "127.0.0.1", "--port", "0", "--rate-limit-per-second", "0", "--jwt-issuer", "https://idp.example", "--jwt-audience", "tokens"],
        &[("JWT_HS256_SECRET", SECRET), ("API_KEYS", KEY_A)],
    );
    let claims = |sub: Value, extra: Value| {
        let mut c = json!({"sub": sub, "iss": "https://idp.example", "aud": "tokens", "exp": secs() + 300});
        for (k, v) in extra.as_object().unwrap() {
            c[k] = v.clone();
        }
        c
    };
    let alice = hs(claims(json!("alice"), json!({})));
    let as_alice = [("Authorization", bearer(&alice))];
    let as_alice: Vec<(&str, &str)> = as_alice.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = get_with(&s.url("/rtc/room-1/publisher/userAccount/alice/"), &as_alice);
    assert_eq!(r.status, 200, "{}", r.body);
    let t = r.json()["rtcToken"].as_str().unwrap().to_owned();
    let e = Expected007 { app_id: Some(DEMO_APP_ID), rtc: Some(("room-1", UserId::Account("alice"))), rtm: None };
    assert_eq!(verify007(&t, DEMO_APP_CERTIFICATE, &e, now()).unwrap(), VerifyResult::Ok);
    assert_eq!(post_with(&s.url("/getToken"), r#"{"tokenType":"rtm","uid":"alice"}"#, &as_alice).status, 200);
    assert_eq!(get_with(&s.url("/chat/account/alice/"), &as_alice).status, 200);
    assert_eq!(get_with(&s.url("/rte/c/publisher/userAccount/alice/"), &as_alice).status, 200);
    let build = r#"{"builder": "rtc.build_token_with_user_account", "args": {"channel_name": "c", "account": "alice", "role": 1, "token_expire": 60}}"#;
    assert_eq!(post_with(&s.url("/build"), build, &as_alice).status, 200);
    // Anyone else's token, uid 0 (any user) and tokens with no user: 403, naming the field.
    let v = get_with(&s.url("/rtc/room-1/publisher/userAccount/bob/"), &as_alice).error(403, "forbidden");
    assert_eq!(v["field"], "rtcuid");
    let v = get_with(&s.url("/rte/c/publisher/userAccount/alice/bob/"), &as_alice).error(403, "forbidden");
    assert_eq!(v["field"], "rtmuid");
    assert!(v["error"].as_str().unwrap().contains("\"alice\""), "{v}");
    get_with(&s.url("/rtc/room-1/publisher/uid/0/"), &as_alice).error(403, "forbidden");
    get_with(&s.url("/chat/app/"), &as_alice).error(403, "forbidden");
    post_with(&s.url("/getToken"), r#"{"tokenType":"chat"}"#, &as_alice).error(403, "forbidden");
    post_with(&s.url("/build"), r#"{"builder": "fpa.build_token"}"#, &as_alice).error(403, "forbidden");
    let own = r#"{"services": [{"type": 3, "privileges": [[1, 60]], "channel_name": "c", "user_account": "alice"}, {"type": 2, "privileges": [[1, 60]], "user_id": "alice"}]}"#;
    assert_eq!(post_with(&s.url("/build/services"), own, &as_alice).status, 200);
    let with_fpa = r#"{"services": [{"type": 2, "privileges": [[1, 60]], "user_id": "alice"}, {"type": 4, "privileges": [[1, 0]]}]}"#;
    assert_eq!(post_with(&s.url("/build/services"), with_fpa, &as_alice).error(403, "forbidden")["field"], "services[1]");
    let other = r#"{"services": [{"type": 6, "privileges": [[1, 60]], "channel_name": "c", "uid": 7}]}"#;
    assert_eq!(post_with(&s.url("/build/services"), other, &as_alice).error(403, "forbidden")["field"], "services[0].uid");
    // A numeric claim matches the numeric uid.
    let n42 = hs(claims(json!(42), json!({})));
    let r = post_with(&s.url("/getToken"), r#"{"tokenType":"rtc","channel":"c","uid":42}"#, &[("Authorization", &bearer(&n42))]);
    assert_eq!(r.status, 200, "{}", r.body);
    // Bad and expired JWTs: 401 invalid_token, saying why.
    let reject = |jwt: &str, why: &str| {
        let r = get_with(&s.url("/rtm/alice/"), &[("Authorization", &bearer(jwt))]);
        let v = r.error(401, "invalid_token");
        assert!(v["error"].as_str().unwrap().contains(why), "{why}: {v}");
        assert!(r.header("www-authenticate").unwrap().contains("invalid_token"));
    };
    reject(&hs(claims(json!("alice"), json!({"exp": secs() - 3600}))), "expired");
    reject(&hs(claims(json!("alice"), json!({"nbf": secs() + 3600}))), "not valid yet");
    reject(&hs(claims(json!("alice"), json!({"iss": "https://other.example"}))), "issuer");
    reject(&hs(claims(json!("alice"), json!({"aud": "other"}))), "audience");
    reject(&hs(json!({"sub": "alice", "iss": "https://idp.example", "aud": "tokens"})), "exp");
    reject(&hs(json!({"iss": "https://idp.example", "aud": "tokens", "exp": secs() + 60})), "\"sub\"");
    let wrong_key = encode(&Header::new(Algorithm::HS256), &claims(json!("alice"), json!({})), &EncodingKey::from_secret(b"another-secret-another-secret-xx").unwrap()).unwrap();
    reject(&wrong_key, "signature");
    let hs512 = encode(&Header::new(Algorithm::HS512), &claims(json!("alice"), json!({})), &EncodingKey::from_secret(SECRET.as_bytes()).unwrap()).unwrap();
    reject(&hs512, "HS512");
    let parts: Vec<&str> = alice.split('.').collect();
    let none_alg = format!("{}.{}.", URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#), parts[1]);
    let r = get_with(&s.url("/rtm/alice/"), &[("Authorization", &bearer(&none_alg))]);
    assert_eq!(r.status, 401, "{}", r.body);
    reject("not.a.jwt", "not a valid JWT");
    // API keys still work beside JWTs.
    assert_eq!(get_with(&s.url("/chat/app/"), &[("Authorization", &bearer(KEY_A))]).status, 200);
}

#[test]
fn rs256_es256_and_jwks_keys() {
    let dir = TempDir::new("keys");
    openssl(&dir, &["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem"]);
    openssl(&dir, &["pkey", "-in", "rsa.pem", "-pubout", "-out", "rsa_pub.pem"]);
    openssl(&dir, &["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.pem"]);
    openssl(&dir, &["pkey", "-in", "ec.pem", "-pubout", "-out", "ec_pub.pem"]);
    let rsa_private = std::fs::read(dir.0.join("rsa.pem")).unwrap();
    let rsa_public = std::fs::read(dir.0.join("rsa_pub.pem")).unwrap();
    let ec_private = std::fs::read(dir.0.join("ec.pem")).unwrap();
    let claims = json!({"sub": "alice", "uid": "carol", "exp": secs() + 300});
    let rs = encode(&Header::new(Algorithm::RS256), &claims, &EncodingKey::from_rsa_pem(&rsa_private).unwrap()).unwrap();
    let es = encode(&Header::new(Algorithm::ES256), &claims, &EncodingKey::from_ec_pem(&ec_private).unwrap()).unwrap();
    let base = ["--host", "127.0.0.1", "--port", "0", "--rate-limit-per-second", "0"];
    let with = |extra: &[&str]| {
        let mut a = base.to_vec();
        a.extend_from_slice(extra);
        Server::start(&a, &[])
    };
    let ok = |s: &Server, jwt: &str| get_with(&s.url("/rtm/alice/"), &[("Authorization", &bearer(jwt))]);

    // RS256 with a PEM public key; an HS256 JWT "signed" with that public key is refused (algorithm confusion).
    let rsa_file = dir.0.join("rsa_pub.pem");
    let s = with(&["--jwt-public-key-file", rsa_file.to_str().unwrap()]);
    assert_eq!(ok(&s, &rs).status, 200, "{}", ok(&s, &rs).body);
    let confused = encode(&Header::new(Algorithm::HS256), &claims, &EncodingKey::from_secret(&rsa_public).unwrap()).unwrap();
    assert_eq!(ok(&s, &confused).error(401, "invalid_token")["field"], "authorization");
    assert_eq!(ok(&s, &es).status, 401);
    drop(s);

    // ES256 with a PEM public key, and a custom claim.
    let ec_file = dir.0.join("ec_pub.pem");
    let s = with(&["--jwt-public-key-file", ec_file.to_str().unwrap(), "--jwt-claim", "uid"]);
    ok(&s, &es).error(403, "forbidden"); // the "uid" claim is carol, not alice
    let r = get_with(&s.url("/rtm/carol/"), &[("Authorization", &bearer(&es))]);
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(ok(&s, &rs).status, 401);
    drop(s);

    // A JWKS file: the RSA key under a kid.
    let modulus = openssl(&dir, &["rsa", "-pubin", "-in", "rsa_pub.pem", "-noout", "-modulus"]);
    let hex = modulus.trim().trim_start_matches("Modulus=");
    let n: Vec<u8> = (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
    let jwks = json!({"keys": [{"kty": "RSA", "kid": "key-1", "use": "sig", "alg": "RS256", "n": URL_SAFE_NO_PAD.encode(&n), "e": "AQAB"}]});
    let jwks_file = dir.file("jwks.json", jwks.to_string());
    let s = with(&["--jwt-jwks-file", jwks_file.to_str().unwrap()]);
    let mut h = Header::new(Algorithm::RS256);
    h.kid = Some("key-1".into());
    let with_kid = encode(&h, &claims, &EncodingKey::from_rsa_pem(&rsa_private).unwrap()).unwrap();
    assert_eq!(ok(&s, &with_kid).status, 200, "{}", ok(&s, &with_kid).body);
    h.kid = Some("key-2".into());
    let other_kid = encode(&h, &claims, &EncodingKey::from_rsa_pem(&rsa_private).unwrap()).unwrap();
    assert!(ok(&s, &other_kid).error(401, "invalid_token")["error"].as_str().unwrap().contains("key-2"));
    drop(s);

    // A key file that is not a key.
    let junk = dir.file("junk.pem", "not a key");
    let out = command(&["--port", "0", "--jwt-public-key-file", junk.to_str().unwrap()], &[], &dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("JWT_PUBLIC_KEY_FILE: not a PEM"));
}

#[test]
fn rate_limit_per_client() {
    let s = Server::start(&["--host", "127.0.0.1", "--port", "0", "--rate-limit-per-second", "1", "--rate-limit-burst", "3"], &[]);
    let url = s.url("/rtc/room-1/publisher/uid/42/");
    for i in 0..3 {
        assert_eq!(get(&url).status, 200, "request {i}");
    }
    let r = get(&url);
    let v = r.error(429, "rate_limited");
    assert!(v["error"].as_str().unwrap().contains("retry in"), "{v}");
    assert!(r.header("retry-after").unwrap().parse::<u64>().unwrap() >= 1);
    post(&s.url("/getToken"), "{}").error(429, "rate_limited");
    // Health, readiness and metrics are never limited.
    for _ in 0..5 {
        assert_eq!(get(&s.url("/healthz")).status, 200);
    }
    let m = get(&s.url("/metrics")).body;
    assert!(m.contains("agora_rejections_total{reason=\"rate_limited\"} 2"), "{m}");
    // The quota comes back.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(get(&url).status, 200);
}
