//! The real binary on 127.0.0.1: every route (each minted token checked with
//! token-core's verify), every error path, CORS, request ids, metrics, the
//! OpenAPI document against the routes, configuration failures, and that the
//! certificate never leaks.

mod common;

use common::*;
use serde_json::{json, Value};
use token_core::v007::ServiceType;
use token_core::{parse007, verify, verify007, verify_rtm, Expected, Expected007, UserId, VerifyResult};

fn ok007(token: &str, e: Expected007<'_>) {
    assert!(token.starts_with("007"), "{token}");
    let r = verify007(token, DEMO_APP_CERTIFICATE, &Expected007 { app_id: Some(DEMO_APP_ID), ..e }, now()).unwrap();
    assert_eq!(r, VerifyResult::Ok, "{token}");
}

fn rtc_check<'a>(channel: &'a str, user: UserId<'a>) -> Expected007<'a> {
    Expected007 { rtc: Some((channel, user)), ..Default::default() }
}

fn rtm_check(user: &str) -> Expected007<'_> {
    Expected007 { rtm: Some(user), ..Default::default() }
}

fn publishes(token: &str) -> bool {
    let t = parse007(token).unwrap();
    let publishes = t.services_of(ServiceType::Rtc).any(|s| s.privilege(2).is_some());
    publishes
}

#[test]
fn go_routes_mint_tokens_that_verify() {
    let s = Server::local(&[]);
    assert_eq!(get(&s.url("/ping")).json(), json!({"message": "pong"}));

    // GET /rtc: uid and userAccount, publisher and subscriber, ?expiry.
    let r = get(&s.url("/rtc/room-1/publisher/uid/42/?expiry=600"));
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v.as_object().unwrap().len(), 1);
    let t = v["rtcToken"].as_str().unwrap();
    ok007(t, rtc_check("room-1", UserId::Uid(42)));
    assert!(publishes(t));
    assert_eq!(parse007(t).unwrap().expire, 600);
    let t = get(&s.url("/rtc/room-1/subscriber/userAccount/alice/")).json()["rtcToken"].as_str().unwrap().to_owned();
    ok007(&t, rtc_check("room-1", UserId::Account("alice")));
    assert!(!publishes(&t));
    assert_eq!(parse007(&t).unwrap().expire, 3600);
    // uid 0: a token for any user.
    let t = get(&s.url("/rtc/room-1/publisher/uid/0/")).json()["rtcToken"].as_str().unwrap().to_owned();
    ok007(&t, rtc_check("room-1", UserId::Uid(77)));
    // 006 on request.
    let t = get(&s.url("/rtc/room-1/publisher/uid/42/?format=006")).json()["rtcToken"].as_str().unwrap().to_owned();
    let e = Expected { app_id: Some(DEMO_APP_ID), channel_name: "room-1", user: UserId::Uid(42) };
    assert_eq!(verify(&t, DEMO_APP_CERTIFICATE, &e, now()).unwrap(), VerifyResult::Ok);

    // GET /rtm.
    let t = get(&s.url("/rtm/alice/?expiry=60")).json()["rtmToken"].as_str().unwrap().to_owned();
    ok007(&t, rtm_check("alice"));
    let t = get(&s.url("/rtm/alice/?format=006")).json()["rtmToken"].as_str().unwrap().to_owned();
    assert_eq!(verify_rtm(&t, DEMO_APP_CERTIFICATE, "alice", now()).unwrap(), VerifyResult::Ok);

    // GET /rte: both tokens; the RTM token carries the channel as a stream channel.
    let v = get(&s.url("/rte/room-1/publisher/uid/42/")).json();
    ok007(v["rtcToken"].as_str().unwrap(), rtc_check("room-1", UserId::Uid(42)));
    let rtm = v["rtmToken"].as_str().unwrap();
    ok007(rtm, Expected007 { rtc: Some(("room-1", UserId::Account("42"))), rtm: Some("42"), ..Default::default() });
    let v = get(&s.url("/rte/room-1/subscriber/userAccount/alice/bob/")).json();
    ok007(v["rtcToken"].as_str().unwrap(), rtc_check("room-1", UserId::Account("alice")));
    ok007(v["rtmToken"].as_str().unwrap(), rtm_check("bob"));

    // GET /chat.
    let t = get(&s.url("/chat/app/")).json()["chatToken"].as_str().unwrap().to_owned();
    ok007(&t, Expected007::default());
    assert_eq!(parse007(&t).unwrap().services[0].privileges(), [(2, 3600)]);
    let t = get(&s.url("/chat/account/bob/?expiry=120")).json()["chatToken"].as_str().unwrap().to_owned();
    ok007(&t, Expected007::default());
    assert_eq!(parse007(&t).unwrap().services[0].privileges(), [(1, 120)]);

    // POST /getToken.
    let post_token = |body: Value| {
        let r = post(&s.url("/getToken"), &body.to_string());
        assert_eq!(r.status, 200, "{body}: {}", r.body);
        let v = r.json();
        assert_eq!(v.as_object().unwrap().len(), 1, "{v}");
        v["token"].as_str().unwrap().to_owned()
    };
    let t = post_token(json!({"tokenType": "rtc", "channel": "c", "role": "publisher", "uid": "42", "expire": 900}));
    ok007(&t, rtc_check("c", UserId::Uid(42)));
    assert!(publishes(&t));
    assert_eq!(parse007(&t).unwrap().expire, 900);
    let t = post_token(json!({"tokenType": "rtc", "channel": "c", "uid": "user123"}));
    ok007(&t, rtc_check("c", UserId::Account("user123")));
    assert!(!publishes(&t), "no role: subscriber, as the Go service");
    assert_eq!(parse007(&t).unwrap().expire, 3600);
    let t = post_token(json!({"tokenType": "rtc", "channel": "c", "uid": 42, "role": "subscriber", "expire": 0}));
    ok007(&t, rtc_check("c", UserId::Uid(42)));
    assert_eq!(parse007(&t).unwrap().expire, 3600, "expire 0 is the default, as the Go service");
    let t = post_token(json!({"tokenType": "rtc", "channel": "c", "uid": "42", "role": "admin", "format": "006"}));
    let e = Expected { app_id: Some(DEMO_APP_ID), channel_name: "c", user: UserId::Uid(42) };
    assert_eq!(verify(&t, DEMO_APP_CERTIFICATE, &e, now()).unwrap(), VerifyResult::Ok);
    let t = post_token(json!({"tokenType": "rtm", "uid": "alice"}));
    ok007(&t, rtm_check("alice"));
    let t = post_token(json!({"tokenType": "rtm", "uid": "alice", "channel": "stream-1"}));
    ok007(&t, Expected007 { rtc: Some(("stream-1", UserId::Account("alice"))), rtm: Some("alice"), ..Default::default() });
    let t = post_token(json!({"tokenType": "rtm", "uid": "alice", "format": "006"}));
    assert_eq!(verify_rtm(&t, DEMO_APP_CERTIFICATE, "alice", now()).unwrap(), VerifyResult::Ok);
    let t = post_token(json!({"tokenType": "chat"}));
    assert_eq!(parse007(&t).unwrap().services[0].privileges(), [(2, 3600)]);
    let t = post_token(json!({"tokenType": "chat", "uid": "bob", "expire": 60}));
    assert_eq!(parse007(&t).unwrap().services[0].privileges(), [(1, 60)]);
    ok007(&t, Expected007::default());
}

#[test]
fn every_007_builder_through_build() {
    let s = Server::local(&[]);
    let builders = get(&s.url("/builders")).json();
    let names: Vec<&str> = builders["builders"].as_array().unwrap().iter().map(|b| b["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), token_core::v007::RECIPES.len());
    let sample = |kind: &str, name: &str| -> Value {
        match (kind, name) {
            ("str", "channel_name") => json!("room-1"),
            ("str", "room_uuid") => json!("room-uuid"),
            ("str", _) => json!("alice"),
            ("uid", _) => json!(42),
            ("rtc_role", _) => json!("publisher"),
            ("expire" | "privilege_expire", _) => json!(600),
            ("apaas_role", _) => json!(1),
            ("permissions", _) => json!([[0, 0, ["room-1"]]]),
            other => panic!("no sample for {other:?}"),
        }
    };
    for b in builders["builders"].as_array().unwrap() {
        let name = b["name"].as_str().unwrap();
        let args: serde_json::Map<String, Value> = b["params"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["name"].as_str().unwrap().to_owned(), sample(p["kind"].as_str().unwrap(), p["name"].as_str().unwrap())))
            .collect();
        let r = post(&s.url("/build"), &json!({"builder": name, "args": args}).to_string());
        assert_eq!(r.status, 200, "{name}: {}", r.body);
        let v = r.json();
        assert_eq!(v["builder"], name);
        let t = v["token"].as_str().unwrap();
        let rtc = if args.contains_key("uid") {
            Some(("room-1", UserId::Uid(42)))
        } else if args.contains_key("channel_name") && (args.contains_key("account") || args.contains_key("rtc_account")) {
            Some(("room-1", UserId::Account("alice")))
        } else {
            None
        };
        ok007(t, Expected007 { rtc, ..Default::default() });
    }
    // Errors name the argument.
    post(&s.url("/build"), r#"{"builder": "rtc.build_token_with_uid", "args": {"channel_name": "room-1", "uid": 4294967296, "role": 1, "token_expire": 60}}"#)
        .field_error("uid", "args.uid");
    post(&s.url("/build"), r#"{"builder": "rtc.build_token_with_uid", "args": {"channel_name": "a/b", "uid": 1, "role": 1, "token_expire": 60}}"#)
        .field_error("channel_name", "args.channel_name");
    post(&s.url("/build"), r#"{"builder": "rtc.build_token_with_uid", "args": {"channel_name": "c", "uid": 1, "role": 3, "token_expire": 60}}"#)
        .field_error("role", "args.role");
    post(&s.url("/build"), r#"{"builder": "nope"}"#).field_error("builder", "builder");
    post(&s.url("/build"), r#"{"builder": "fpa.build_token", "args": {"expire": 5}}"#).field_error("unknown_field", "args.expire");
    post(&s.url("/build"), r#"{"builder": "chat.build_app_token", "args": {"expire": 1796050060}}"#).field_error("expire", "args.expire");
    post(&s.url("/build"), r#"{"args": {}}"#).field_error("missing", "builder");

    // Every service type as data, Streaming and FCDN included.
    let all = json!({"expire": 600, "services": [
        {"type": 1, "privileges": [[1, 600]], "channel_name": "room-1", "uid": 42},
        {"type": 2, "privileges": [[1, 600]], "user_id": "alice"},
        {"type": 3, "privileges": [[1, 600], [2, 600]], "channel_name": "room-1", "user_account": "alice"},
        {"type": 4, "privileges": [[1, 0]]},
        {"type": 5, "privileges": [[1, 600]], "user_id": "alice"},
        {"type": 6, "privileges": [[1, 600], [2, 600]], "channel_name": "room-1", "uid": 42},
        {"type": 7, "privileges": [[1, 600]], "room_uuid": "r", "user_uuid": "u", "role": 1},
        {"type": 8, "privileges": [[1, 600]], "user_id": "alice", "permissions": [[0, 0, ["room-1"]]]},
        {"type": 9}, {"type": 10}
    ]});
    let r = post(&s.url("/build/services"), &all.to_string());
    assert_eq!(r.status, 200, "{}", r.body);
    let t = r.json()["token"].as_str().unwrap().to_owned();
    ok007(&t, Expected007 { rtc: Some(("room-1", UserId::Uid(42))), rtm: Some("alice"), ..Default::default() });
    let types: Vec<u16> = parse007(&t).unwrap().services.iter().map(|s| s.service_type().id()).collect();
    assert_eq!(types, (1..=10).collect::<Vec<u16>>());
    assert!(get(&s.url("/metrics")).body.contains("type=\"rtc+rtm+streaming+fpa+chat+fcdn+apaas+rtm2+convoai+stt\""));
    post(&s.url("/build/services"), r#"{"services": [{"type": 3, "channel_name": "room-1", "uid": 4294967296}]}"#).field_error("uid", "services[0].uid");
    post(&s.url("/build/services"), r#"{"services": [{"type": 1, "channel_name": "room-1"}]}"#).field_error("null_argument", "services[0].uid");
    post(&s.url("/build/services"), r#"{"services": [{"type": 2, "user_id": "a", "colour": 1}]}"#).field_error("unknown_field", "services[0].colour");
    post(&s.url("/build/services"), r#"{"services": [{"type": 2, "user_id": "a", "privileges": [[1, -1]]}]}"#).field_error("expire", "services[0].privileges[0]");
    post(&s.url("/build/services"), r#"{"services": []}"#).field_error("no_service", "services");
    post(&s.url("/build/services"), r#"{"expire": 60}"#).field_error("missing", "services");
}

#[test]
fn error_paths_name_the_field() {
    let s = Server::local(&["--max-body-bytes", "2048"]);
    // Where the Go service wraps or demotes: 400.
    get(&s.url("/rtc/room-1/publisher/uid/4294967296/")).field_error("uid", "rtcuid");
    get(&s.url("/rtc/room-1/publisher/uid/-1/")).field_error("uid", "rtcuid");
    get(&s.url("/rtc/room-1/publsher/uid/1/")).field_error("role", "role");
    get(&s.url("/rte/room-1/host/uid/1/")).field_error("role", "role");
    post(&s.url("/getToken"), r#"{"tokenType":"rtc","channel":"c","uid":"4294967296"}"#).field_error("uid", "uid");
    post(&s.url("/getToken"), r#"{"tokenType":"rtc","channel":"c","uid":"1","role":"Publisher "}"#).field_error("role", "role");
    // Other bad values.
    get(&s.url("/rtc/room-1/publisher/uid/abc/")).field_error("uid", "rtcuid");
    get(&s.url("/rtc/room-1/publisher/bogus/1/")).field_error("tokenType", "tokenType");
    get(&s.url("/rtc/room-1/publisher/uid/1/?expiry=abc")).field_error("expire", "expiry");
    get(&s.url("/rtc/room-1/publisher/uid/1/?expiry=0")).field_error("expire", "expiry");
    get(&s.url("/rtc/room-1/publisher/uid/1/?expiry=1796050060")).field_error("expire", "expiry");
    get(&s.url("/rtc/room-1/publisher/uid/1/?expiry=90000&format=006")).field_error("expire", "expiry");
    get(&s.url("/rtc/room-1/publisher/uid/1/?format=008")).field_error("format", "format");
    get(&s.url("/rtc/ch*/publisher/uid/1/")).field_error("channel_name", "channelName");
    get(&s.url("/rtc/room-1/publisher/userAccount/a%22b/")).field_error("user_account", "rtcuid");
    get(&s.url("/rtm/0/")).field_error("user_id", "rtmuid");
    get(&s.url("/rte/room-1/publisher/uid/0/")).field_error("missing", "rtmuid");
    get(&s.url("/chat/app/?format=006")).field_error("format", "format");
    get(&s.url(&format!("/chat/account/{}/", "u".repeat(256)))).field_error("user_id", "chatid");
    // Bodies: bad JSON, wrong types, unknown and missing fields.
    post(&s.url("/getToken"), "{bad").field_error("bad_json", "body");
    post(&s.url("/getToken"), "").field_error("bad_json", "body");
    post(&s.url("/getToken"), "[1]").field_error("invalid", "body");
    post(&s.url("/getToken"), r#"{"tokenType":"rtc","channel":"c","uid":"1","expire":"3600"}"#).field_error("invalid", "expire");
    post(&s.url("/getToken"), r#"{"tokenType":"rtc","channel":"c","uid":true}"#).field_error("invalid", "uid");
    post(&s.url("/getToken"), r#"{"tokenType":"rtc","channel":7,"uid":"1"}"#).field_error("invalid", "channel");
    post(&s.url("/getToken"), r#"{"tokenType":"rtc","channel":"c","uid":"1","expire":-5}"#).field_error("expire", "expire");
    post(&s.url("/getToken"), r#"{"tokenType":"rtc","channel":"c","uid":"1","expire":1.5}"#).field_error("invalid", "expire");
    post(&s.url("/getToken"), r#"{"tokenType":"rtc","channel":"c","uid":"1","expiry":60}"#).field_error("unknown_field", "expiry");
    post(&s.url("/getToken"), r#"{"tokenType":"rtc","uid":"1"}"#).field_error("missing", "channel");
    post(&s.url("/getToken"), r#"{"tokenType":"rtc","channel":"c"}"#).field_error("missing", "uid");
    post(&s.url("/getToken"), r#"{"tokenType":"rtm"}"#).field_error("missing", "uid");
    post(&s.url("/getToken"), r#"{"channel":"c"}"#).field_error("missing", "tokenType");
    post(&s.url("/getToken"), r#"{"tokenType":"video"}"#).field_error("tokenType", "tokenType");
    post(&s.url("/getToken"), r#"{"tokenType":"chat","format":"006"}"#).field_error("format", "format");
    post(&s.url("/getToken"), r#"{"tokenType":"rtm","uid":"a","channel":"c","format":"006"}"#).field_error("format", "channel");
    post(&s.url("/getToken"), r#"{"tokenType":"rtc","channel":"c","uid":"1","format":"006","expire":86401}"#).field_error("expire", "expire");
    // Over-long bodies: 413 with the same JSON shape, with and without a Content-Length.
    let big = format!(r#"{{"tokenType":"rtc","channel":"{}"}}"#, "x".repeat(4096));
    let r = post(&s.url("/getToken"), &big);
    let v = r.error(413, "body_too_large");
    assert_eq!(v["field"], "body");
    let r = chunked_post(&s, "/getToken", &big);
    assert!(r.starts_with("HTTP/1.1 413"), "{r}");
    assert!(r.contains("\"code\":\"body_too_large\""), "{r}");
    // Unknown routes and methods; the Go service's trailing-slash redirects.
    let v = get(&s.url("/nope")).error(404, "not_found");
    assert!(v["error"].as_str().unwrap().contains("/nope"));
    let r = post(&s.url("/ping"), "");
    let v = r.error(405, "method_not_allowed");
    assert!(v["error"].as_str().unwrap().contains("POST"), "{v}");
    assert!(r.header("allow").unwrap().contains("GET"));
    let r = get(&s.url("/rtc/room-1/publisher/uid/1?expiry=60"));
    assert_eq!((r.status, r.header("location")), (301, Some("/rtc/room-1/publisher/uid/1/?expiry=60")));
    let r = get(&s.url("/ping/"));
    assert_eq!((r.status, r.header("location")), (301, Some("/ping")));
    let r = post(&s.url("/getToken/"), "{}");
    assert_eq!((r.status, r.header("location")), (307, Some("/getToken")));
    // Every response is uncacheable, as the Go service's.
    let r = get(&s.url("/ping"));
    assert_eq!(r.header("cache-control"), Some("private, no-cache, no-store, must-revalidate"));
    assert_eq!((r.header("expires"), r.header("pragma")), (Some("-1"), Some("no-cache")));
}

/// A POST with a chunked body (no Content-Length), read raw.
fn chunked_post(s: &Server, path: &str, body: &str) -> String {
    use std::io::{Read, Write};
    let mut c = std::net::TcpStream::connect(s.addr).unwrap();
    let head = format!("POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    c.write_all(head.as_bytes()).unwrap();
    for chunk in body.as_bytes().chunks(500) {
        let _ = c.write_all(format!("{:x}\r\n", chunk.len()).as_bytes());
        let _ = c.write_all(chunk);
        let _ = c.write_all(b"\r\n");
    }
    let _ = c.write_all(b"0\r\n\r\n");
    let mut out = String::new();
    let _ = c.read_to_string(&mut out);
    out
}

#[test]
fn verify_and_inspect_explain_tokens() {
    let s = Server::local(&[]);
    let t = get(&s.url("/rtc/room-1/publisher/uid/42/")).json()["rtcToken"].as_str().unwrap().to_owned();
    let v = post(&s.url("/verify"), &json!({"token": t, "channel": "room-1", "uid": 42}).to_string()).json();
    assert_eq!((v["valid"].as_bool(), v["result"].as_str(), v["format"].as_str()), (Some(true), Some("ok"), Some("007")));
    let v = post(&s.url("/verify"), &json!({"token": t, "channel": "room-2", "uid": "42"}).to_string()).json();
    assert_eq!((v["valid"].as_bool(), v["result"].as_str()), (Some(false), Some("channel_mismatch")));
    assert!(v["reason"].as_str().unwrap().contains("another channel"));
    let v = post(&s.url("/verify"), &json!({"token": t, "now": now() + 7200}).to_string()).json();
    assert_eq!(v["result"], "expired");
    let v = post(&s.url("/verify"), &json!({"token": t, "rtmUserId": "42"}).to_string()).json();
    assert_eq!(v["result"], "service_missing");
    post(&s.url("/verify"), &json!({"token": t, "now": 1_796_049_437_726u64}).to_string()).field_error("now", "now");
    post(&s.url("/verify"), &json!({"token": t, "channel": "room-1"}).to_string()).field_error("missing", "uid");
    let v = post(&s.url("/verify"), &json!({"token": format!("{}A", &t[..t.len() - 1])}).to_string());
    assert!(v.status == 200 || v.status == 400, "{}", v.body);
    // A damaged token gets the core's diagnosis, naming the token.
    let r = post(&s.url("/verify"), &json!({"token": format!("\"{t}\"")}).to_string());
    let v = r.error(400, "version");
    assert_eq!(v["field"], "token");
    let r = post(&s.url("/inspect"), &json!({"token": &t[..40]}).to_string());
    assert_eq!(r.json()["field"], "token", "{}", r.body);
    // 006 tokens too.
    let t6 = get(&s.url("/rtc/room-1/publisher/uid/42/?format=006")).json()["rtcToken"].as_str().unwrap().to_owned();
    let v = post(&s.url("/verify"), &json!({"token": t6, "channel": "room-1", "uid": 42}).to_string()).json();
    assert_eq!((v["result"].as_str(), v["format"].as_str()), (Some("ok"), Some("006")));
    post(&s.url("/verify"), &json!({"token": t6}).to_string()).field_error("missing", "channel");
    // Inspect: every field.
    let i = post(&s.url("/inspect"), &json!({"token": t}).to_string()).json();
    assert_eq!((i["format"].as_str(), i["appId"].as_str(), i["appIdMatches"].as_bool()), (Some("007"), Some(DEMO_APP_ID), Some(true)));
    assert_eq!(i["services"][0]["name"], "ServiceRtc");
    assert_eq!(i["services"][0]["channelName"], "room-1");
    assert_eq!(i["services"][0]["account"], "42");
    assert_eq!(i["services"][0]["privileges"].as_array().unwrap().len(), 4);
    assert_eq!(i["services"][0]["privileges"][0]["name"], "kPrivilegeJoinChannel");
    let i = post(&s.url("/inspect"), &json!({"token": t6}).to_string()).json();
    assert_eq!(i["format"], "006");
    assert_eq!(i["privileges"][0]["name"], "kJoinChannel");
    post(&s.url("/inspect"), r#"{"token": ""}"#).field_error("missing", "token");
    post(&s.url("/inspect"), r#"{"tok": "x"}"#).field_error("unknown_field", "tok");
}

#[test]
fn cors_preflight_and_origins() {
    let s = Server::local(&["--cors-allow-origin", "https://app.example,https://admin.example"]);
    let r = options(
        &s.url("/getToken"),
        &[("Origin", "https://app.example"), ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "authorization,content-type")],
    );
    assert!(r.status == 200 || r.status == 204, "{} {}", r.status, r.body);
    assert_eq!(r.header("access-control-allow-origin"), Some("https://app.example"));
    let allowed = r.header("access-control-allow-headers").unwrap().to_ascii_lowercase();
    assert!(allowed.contains("authorization") && allowed.contains("content-type"), "{allowed}");
    assert!(r.header("access-control-allow-methods").unwrap().contains("POST"));
    let r = get_with(&s.url("/rtc/c/publisher/uid/1/"), &[("Origin", "https://admin.example")]);
    assert_eq!((r.status, r.header("access-control-allow-origin")), (200, Some("https://admin.example")));
    assert_eq!(r.header("access-control-expose-headers").map(|h| h.contains("x-request-id")), Some(true));
    // An origin not listed: 403, as the Go service; preflights too.
    let v = get_with(&s.url("/rtc/c/publisher/uid/1/"), &[("Origin", "https://evil.example")]).error(403, "origin_not_allowed");
    assert!(v["error"].as_str().unwrap().contains("Origin not allowed"));
    options(&s.url("/getToken"), &[("Origin", "https://evil.example"), ("Access-Control-Request-Method", "POST")]).error(403, "origin_not_allowed");
    // No Origin (a server, curl): served.
    assert_eq!(get(&s.url("/rtc/c/publisher/uid/1/")).status, 200);
    drop(s);
    let s = Server::local(&["--cors-allow-origin", "*"]);
    let r = get_with(&s.url("/ping"), &[("Origin", "https://any.example")]);
    assert_eq!((r.status, r.header("access-control-allow-origin")), (200, Some("*")));
    drop(s);
    // Unset: no browser origin may call.
    let s = Server::local(&[]);
    get_with(&s.url("/ping"), &[("Origin", "https://app.example")]).error(403, "origin_not_allowed");
}

#[test]
fn request_ids_logs_health_and_metrics() {
    let s = Server::local(&[]);
    let r = get(&s.url("/rtc/room-1/publisher/uid/42/"));
    let id = r.header("x-request-id").unwrap().to_owned();
    assert!(!id.is_empty());
    let r = get_with(&s.url("/ping"), &[("X-Request-Id", "my-request-7")]);
    assert_eq!(r.header("x-request-id"), Some("my-request-7"));
    let long = "x".repeat(300);
    let r = get_with(&s.url("/ping"), &[("X-Request-Id", &long)]);
    assert!(r.header("x-request-id").is_some_and(|id| id != long && id.len() < 64), "an over-long client id is replaced");
    {
        use std::io::{Read, Write};
        let mut c = std::net::TcpStream::connect(s.addr).unwrap();
        c.write_all(b"FROB /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
        let mut out = String::new();
        let _ = c.read_to_string(&mut out);
        assert!(out.starts_with("HTTP/1.1 405"), "{out}");
    }
    get(&s.url("/rtc/room-1/publisher/uid/4294967296/"));
    get(&s.url("/rtc/room-1/publisher/uid/42/?format=006"));
    get(&s.url("/nope"));
    assert_eq!(get(&s.url("/healthz")).json(), json!({"status": "ok"}));
    assert_eq!(get(&s.url("/readyz")).json(), json!({"status": "ready"}));
    let m = get(&s.url("/metrics"));
    assert!(m.header("content-type").unwrap().starts_with("application/openmetrics-text"));
    let m = m.body;
    for want in [
        "agora_tokens_minted_total{type=\"rtc\",format=\"007\"} 1",
        "agora_tokens_minted_total{type=\"rtc\",format=\"006\"} 1",
        "agora_rejections_total{reason=\"uid\"} 1",
        "agora_rejections_total{reason=\"not_found\"} 1",
        "agora_http_request_duration_seconds_count{route=\"/rtc/{channelName}/{role}/{tokenType}/{rtcuid}/\",method=\"GET\",status=\"200\"} 2",
        "agora_http_request_duration_seconds_bucket{le=\"0.001\",route=\"/ping\",method=\"GET\",status=\"200\"}",
        "agora_http_requests_in_flight",
    ] {
        assert!(m.contains(want), "metrics lack {want}:\n{m}");
    }
    assert!(!m.contains("4294967296"), "metrics carry route templates, not values");
    assert!(!m.contains("FROB") && m.contains("method=\"other\""), "unusual methods share one label:\n{m}");
    // One JSON log line per request, with its id, status and latency.
    let logs = s.logs_containing(&format!("\"request_id\":\"{id}\""));
    let line: Value = logs
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|v| v["request_id"] == id.as_str())
        .unwrap_or_else(|| panic!("no log line for {id}:\n{logs}"));
    assert_eq!((line["message"].as_str(), line["status"].as_u64()), (Some("request"), Some(200)));
    assert_eq!((line["path"].as_str(), line["method"].as_str()), (Some("/rtc/room-1/publisher/uid/42/"), Some("GET")));
    assert!(line["latency_us"].as_u64().is_some());
}

#[test]
fn openapi_document_matches_the_routes() {
    let s = Server::local(&[]);
    let doc = get(&s.url("/openapi.json")).json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.push((method.to_uppercase(), path.clone()));
        }
    }
    documented.sort();
    let mut expected: Vec<(String, String)> = [
        ("GET", "/ping"),
        ("POST", "/getToken"),
        ("GET", "/rtc/{channelName}/{role}/{tokenType}/{rtcuid}/"),
        ("GET", "/rtm/{rtmuid}/"),
        ("GET", "/rte/{channelName}/{role}/{tokenType}/{rtcuid}/"),
        ("GET", "/rte/{channelName}/{role}/{tokenType}/{rtcuid}/{rtmuid}/"),
        ("GET", "/chat/app/"),
        ("GET", "/chat/account/{chatid}/"),
        ("POST", "/build"),
        ("POST", "/build/services"),
        ("GET", "/builders"),
        ("POST", "/verify"),
        ("POST", "/inspect"),
        ("GET", "/healthz"),
        ("GET", "/readyz"),
        ("GET", "/metrics"),
        ("GET", "/openapi.json"),
    ]
    .iter()
    .map(|(m, p)| (m.to_string(), p.to_string()))
    .collect();
    expected.sort();
    assert_eq!(documented, expected);
    // Every documented operation is served (no 404/405), and its responses are documented.
    for (method, path) in &documented {
        let concrete = path
            .replace("{channelName}", "room-1")
            .replace("{role}", "publisher")
            .replace("{tokenType}", "uid")
            .replace("{rtcuid}", "42")
            .replace("{rtmuid}", "alice")
            .replace("{chatid}", "bob");
        assert!(!concrete.contains('{'), "{concrete}");
        let r = if method == "GET" { get(&s.url(&concrete)) } else { post(&s.url(&concrete), "{}") };
        assert!(r.status != 404 && r.status != 405, "{method} {concrete}: {}", r.status);
        let op = &doc["paths"][path][method.to_lowercase()];
        assert!(op["responses"].get(r.status.to_string()).is_some(), "{method} {path} answered {} which is not documented", r.status);
    }
    // The request schemas list exactly the fields the handlers accept.
    let schemas = &doc["components"]["schemas"];
    for (name, fields) in [
        ("GetTokenRequest", agora_token_server::routes::GET_TOKEN_FIELDS),
        ("BuildRequest", agora_token_server::routes::BUILD_FIELDS),
        ("BuildServicesRequest", agora_token_server::routes::BUILD_SERVICES_FIELDS),
        ("VerifyBody", agora_token_server::routes::VERIFY_FIELDS),
        ("InspectBody", agora_token_server::routes::INSPECT_FIELDS),
    ] {
        let mut have: Vec<&str> = schemas[name]["properties"].as_object().unwrap_or_else(|| panic!("{name}")).keys().map(String::as_str).collect();
        let mut want = fields.to_vec();
        have.sort();
        want.sort();
        assert_eq!(have, want, "{name}");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

#[test]
fn configuration_errors_exit_2_and_name_the_variable() {
    let dir = TempDir::new("cfg");
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let out = command(args, env, &dir).output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (code, err) = run(&["--port", "0"], &[("APP_ID", DEMO_APP_ID)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("APP_CERTIFICATE: not set"), "{err}");
    let (code, err) = run(&["--port", "0"], &[("APP_CERTIFICATE", DEMO_APP_CERTIFICATE)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("APP_ID: not set"), "{err}");
    let bad_cert = "5CFd2fd1755d40ecb72977518be15d3Z";
    let (code, err) = run(&["--port", "0", "--host", "127.0.0.1"], &[("APP_ID", DEMO_APP_ID), ("APP_CERTIFICATE", bad_cert)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("APP_CERTIFICATE: must be exactly 32 hexadecimal digits") && !err.contains(bad_cert), "{err}");
    let (code, err) = run(&["--port", "0"], &[("APP_ID", "not-an-app-id"), ("APP_CERTIFICATE", DEMO_APP_CERTIFICATE)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("APP_ID: "), "{err}");
    // Real credentials default to every address, which needs authentication or an explicit flag.
    let (code, err) = run(&["--port", "0"], &[("APP_ID", DEMO_APP_ID), ("APP_CERTIFICATE", DEMO_APP_CERTIFICATE)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no authentication configured for 0.0.0.0") && err.contains("--allow-unauthenticated"), "{err}");
    assert!(!err.contains(DEMO_APP_CERTIFICATE));
    let (code, err) = run(&["--port", "0", "--host", "127.0.0.1"], &[("API_KEYS", "short")]);
    assert_eq!(code, Some(2));
    assert!(err.contains("API_KEYS"), "{err}");
    let (code, err) = run(&["--port", "0", "--jwt-public-key-file", "/nonexistent/key.pem"], &[]);
    assert_eq!(code, Some(2));
    assert!(err.contains("JWT_PUBLIC_KEY_FILE"), "{err}");
    // The port is in use: a clear failure.
    let s = Server::local(&[]);
    let (code, err) = run(&["--host", "127.0.0.1", "--port", &s.addr.port().to_string()], &[]);
    assert_eq!(code, Some(1));
    assert!(err.contains("cannot listen on"), "{err}");
}

#[test]
fn local_mode_and_dotenv() {
    // No configuration at all: loopback, demo credentials, no auth, a clear warning.
    let s = Server::start(&["--port", "0"], &[]);
    assert_eq!(s.addr.ip().to_string(), "127.0.0.1");
    let err = s.stderr_containing("authentication is off");
    assert!(err.contains("WARNING: LOCAL MODE") && err.contains("authentication is off"), "{err}");
    let t = get(&s.url("/rtc/room-1/publisher/uid/42/")).json()["rtcToken"].as_str().unwrap().to_owned();
    ok007(&t, rtc_check("room-1", UserId::Uid(42)));
    drop(s);
    // A .env file in the working directory, as the Go service reads it; flags override it.
    let other_cert = "0123456789abcdef0123456789ABCDEF";
    let other_app = "abcdefabcdefabcdefabcdefabcdef01";
    let dir = TempDir::new("dotenv");
    dir.file(".env", format!("APP_ID={other_app}\nAPP_CERTIFICATE={other_cert}\nSERVER_PORT=1\nSERVER_HOST=127.0.0.1\n"));
    let s = Server::start_in(dir, &["--port", "0"], &[]);
    let t = get(&s.url("/rtc/room-1/publisher/uid/42/")).json()["rtcToken"].as_str().unwrap().to_owned();
    let e = Expected007 { app_id: Some(other_app), rtc: Some(("room-1", UserId::Uid(42))), rtm: None };
    assert_eq!(verify007(&t, other_cert, &e, now()).unwrap(), VerifyResult::Ok);
    assert!(!s.stderr_containing("authentication is off").contains("LOCAL MODE"));
}

#[test]
fn the_certificate_never_leaves_the_server() {
    let cert = "0123456789abcdef0123456789ABCDEF";
    let app = "abcdefabcdefabcdefabcdefabcdef01";
    let key = "test-api-key-0123456789";
    let s = Server::start(
        &["--host", "127.0.0.1", "--port", "0", "--rate-limit-per-second", "0"],
        &[("APP_ID", app), ("APP_CERTIFICATE", cert), ("API_KEYS", key), ("RUST_LOG", "trace")],
    );
    let auth = [("Authorization", "Bearer test-api-key-0123456789")];
    let mut seen = String::new();
    for path in ["/rtc/c/publisher/uid/1/", "/rtc/c/x/uid/1/", "/rtm/0/", "/chat/app/", "/nope", "/openapi.json", "/metrics", "/builders"] {
        seen += &get_with(&s.url(path), &auth).body;
        seen += &get(&s.url(path)).body;
    }
    for body in [r#"{"tokenType":"rtc","channel":"c","uid":"1"}"#, "{bad", r#"{"token":"007abc"}"#] {
        for path in ["/getToken", "/verify", "/inspect", "/build"] {
            seen += &post_with(&s.url(path), body, &auth).body;
        }
    }
    std::thread::sleep(std::time::Duration::from_millis(100));
    let logs = s.logs() + &s.stderr.lock().unwrap();
    assert!(logs.len() > 1000, "trace logging produced output");
    for text in [&seen, &logs] {
        assert!(!text.contains(cert) && !text.to_ascii_lowercase().contains(&cert.to_ascii_lowercase()), "the certificate leaked");
        assert!(!text.contains(key), "the API key leaked");
    }
    let help = command(&["--help"], &[], &s.dir).output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("APP_CERTIFICATE"));
}

#[test]
fn a_stalled_request_times_out_with_408() {
    use std::io::{Read, Write};
    let s = Server::local(&["--request-timeout-secs", "1"]);
    let mut c = std::net::TcpStream::connect(s.addr).unwrap();
    c.write_all(b"POST /getToken HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"tokenType\"").unwrap();
    c.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    let start = std::time::Instant::now();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let mut last = None;
    loop {
        match c.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                last = Some(e);
                break;
            }
        }
        if out.windows(4).any(|w| w == b"\r\n\r\n") && out.ends_with(b"}") {
            break;
        }
    }
    let text = String::from_utf8_lossy(&out);
    assert!(text.starts_with("HTTP/1.1 408"), "{text:?} after {:?}, {last:?}", start.elapsed());
    assert!(text.contains("\"code\":\"timeout\""), "{text}");
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
    let m = get(&s.url("/metrics")).body;
    assert!(m.contains("agora_rejections_total{reason=\"timeout\"} 1"), "{m}");
}
