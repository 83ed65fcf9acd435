//! Compatibility with AgoraIO-Community/agora-token-service: the same
//! requests (its README's, and its error paths) to both services, comparing
//! status codes, redirects and JSON keys, and the privileges of the tokens
//! they mint. Where this server answers differently on purpose, the case
//! says so and checks both answers.
//!
//! The Go service is not built here: set `AGORA_GO_TOKEN_SERVICE` to the
//! path of a binary built from its source, outside this repository.
//! Without it this program prints `compat-server: skipped: …` and exits 0.
//! Both services run in a network namespace with only loopback when
//! `unshare -n` is available (the Go service listens on every interface).
//!
//! A plain program (`harness = false`): its last line is
//! `compat-server: N passed, M failed`.

mod common;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;
use token_core::v007::Service;
use token_core::{parse007, verify007, Expected007};

/// What to expect of one request.
enum Expect {
    /// Same status; same JSON keys on success, the Go keys among ours on failure.
    Same,
    /// A documented difference: each service's status, and why.
    Differs { go: u16, ours: u16, why: &'static str },
}

struct Case {
    method: &'static str,
    path: &'static str,
    body: &'static str,
    headers: &'static [(&'static str, &'static str)],
    expect: Expect,
}

const fn same(method: &'static str, path: &'static str, body: &'static str) -> Case {
    Case { method, path, body, headers: &[], expect: Expect::Same }
}

const fn differs(method: &'static str, path: &'static str, body: &'static str, go: u16, ours: u16, why: &'static str) -> Case {
    Case { method, path, body, headers: &[], expect: Expect::Differs { go, ours, why } }
}

const CASES: &[Case] = &[
    // Its README, as documented.
    same("GET", "/ping", ""),
    same("POST", "/getToken", r#"{"tokenType": "rtc", "channel": "my-video-channel", "role": "publisher", "uid": "user123", "expire": 3600}"#),
    same("POST", "/getToken", r#"{"tokenType": "rtc", "channel": "your-channel-name", "role": "subscriber", "uid": "42", "expire": 3600}"#),
    same("POST", "/getToken", r#"{"tokenType": "rtc", "channel": "c", "uid": "42"}"#),
    same("POST", "/getToken", r#"{"tokenType": "rtm", "uid": "your-uid", "channel": "test", "expire": 3600}"#),
    same("POST", "/getToken", r#"{"tokenType": "rtm", "uid": "your-uid"}"#),
    same("POST", "/getToken", r#"{"tokenType": "chat", "uid": "your-uid", "expire": 3600}"#),
    same("POST", "/getToken", r#"{"tokenType": "chat"}"#),
    same("GET", "/rtc/room-1/publisher/uid/42/?expiry=3600", ""),
    same("GET", "/rtc/room-1/subscriber/userAccount/alice/?expiry=600", ""),
    same("GET", "/rtc/room-1/publisher/uid/0/", ""),
    same("GET", "/rtm/alice/?expiry=3600", ""),
    same("GET", "/rte/room-1/publisher/uid/42/?expiry=3600", ""),
    same("GET", "/rte/room-1/publisher/userAccount/alice/bob/?expiry=3600", ""),
    same("GET", "/chat/app/?expiry=3600", ""),
    same("GET", "/chat/account/bob/?expiry=3600", ""),
    // Its errors and redirects.
    same("GET", "/rtc/room-1/publisher/uid/abc/", ""),
    same("GET", "/rtc/room-1/publisher/bogus/1/", ""),
    same("GET", "/rtc/room-1/publisher/uid/1/?expiry=abc", ""),
    same("GET", "/rtm/0/", ""),
    same("GET", "/rte/room-1/publisher/uid/0/", ""),
    same("GET", "/rtc/room-1/publisher/uid/42", ""),
    same("GET", "/rtm/alice", ""),
    same("GET", "/ping/", ""),
    same("GET", "/nope", ""),
    same("POST", "/getToken", "{bad"),
    same("POST", "/getToken", r#"{"tokenType": "video"}"#),
    same("POST", "/getToken", r#"{"tokenType": "rtc", "uid": "1"}"#),
    same("POST", "/getToken", r#"{"tokenType": "rtc", "channel": "c"}"#),
    same("POST", "/getToken", r#"{"tokenType": "rtm"}"#),
    same("POST", "/getToken", r#"{"tokenType": "rtc", "channel": "c", "uid": "1", "expire": "3600"}"#),
    Case { method: "GET", path: "/ping", body: "", headers: &[("Origin", "https://app.example")], expect: Expect::Same },
    // Where it is wrong, this server answers 400 naming the field.
    differs("GET", "/rtc/room-1/publisher/uid/4294967296/", "", 200, 400, "uid past 32 bits: Go wraps it (4294967296 -> 0, a token for any user)"),
    differs("GET", "/rtc/room-1/publisher/uid/4294967338/", "", 200, 400, "uid past 32 bits: Go wraps it to 42, someone else's uid"),
    differs("POST", "/getToken", r#"{"tokenType": "rtc", "channel": "c", "uid": "99999999999"}"#, 200, 400, "uid past 32 bits in /getToken: Go wraps it"),
    differs("GET", "/rtc/room-1/publsher/uid/42/", "", 200, 400, "unknown role: Go silently makes it a subscriber"),
    differs("POST", "/getToken", r#"{"tokenType": "rtc", "channel": "c", "uid": "42", "role": "host"}"#, 200, 400, "unknown role in /getToken: Go silently makes it a subscriber"),
    differs("GET", "/rtc/room-1/publisher/uid/42/?expiry=0", "", 200, 400, "expiry=0: Go mints a token that expires at once"),
    differs("GET", "/rtc/room-1/publisher/uid/42/?expiry=1796050060", "", 200, 400, "an expiry that is a Unix time: Go mints a 57-year token"),
    differs("POST", "/getToken", r#"{"tokenType": "rtc", "channel": "c", "uid": "1", "expire": -60}"#, 200, 400, "a negative expire: Go wraps it to about 136 years"),
    differs("GET", "/rtc/ch*/publisher/uid/1/", "", 200, 400, "a channel name outside Agora's character set: Go mints a token Agora refuses"),
    differs("POST", "/getToken", r#"{"tokenType": "rtm", "uid": "a", "channel": "*"}"#, 200, 400, "the RTM stream-channel wildcard \"*\": token-core's channel check refuses it (see the README)"),
    differs("POST", "/getToken", r#"{"tokenType": "rtc", "channel": "c", "uid": "42", "expiry": 60}"#, 200, 400, "an unknown field (a typo of expire): Go ignores it and mints a 1-hour token"),
    // Where this server accepts more.
    differs("POST", "/getToken", r#"{"tokenType": "rtc", "channel": "c", "uid": 42}"#, 400, 200, "a numeric uid as a JSON number: Go refuses the type"),
    differs("POST", "/ping", "", 404, 405, "a known path with another method: 405 with Allow, not 404"),
];

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start_go(bin: &str, dir: &TempDir) -> (Child, SocketAddr) {
    let port = free_port();
    let mut c = Command::new(bin);
    c.env_clear()
        .current_dir(&dir.0)
        .env("APP_ID", DEMO_APP_ID)
        .env("APP_CERTIFICATE", DEMO_APP_CERTIFICATE)
        .env("SERVER_PORT", port.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Ok(path) = std::env::var("PATH") {
        c.env("PATH", path);
    }
    let child = c.spawn().unwrap_or_else(|e| panic!("cannot start {bin}: {e}"));
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let start = Instant::now();
    while TcpStream::connect(addr).is_err() {
        assert!(start.elapsed() < Duration::from_secs(15), "the Go service did not start on {addr}");
        std::thread::sleep(Duration::from_millis(50));
    }
    (child, addr)
}

fn send(base: &str, c: &Case) -> Reply {
    let url = format!("{base}{}", c.path);
    match c.method {
        "GET" => get_with(&url, c.headers),
        _ => post_with(&url, c.body, c.headers),
    }
}

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
    k.sort();
    k
}

/// What a token grants, without its salt and times: (type, privileges, fields) per service.
fn grants(token: &str) -> Vec<String> {
    parse007(token).unwrap().services.iter().map(|s: &Service| format!("{:?} {:?} {:?}", s.service_type(), s.privileges(), s.fields())).collect()
}

fn compare(c: &Case, go: &Reply, ours: &Reply) -> Result<String, String> {
    let go_json = go.header("content-type").is_some_and(|t| t.starts_with("application/json"));
    match &c.expect {
        Expect::Differs { go: g, ours: o, why } => {
            if (go.status, ours.status) != (*g, *o) {
                return Err(format!("expected Go {g} / ours {o} ({why}), got Go {} / ours {}", go.status, ours.status));
            }
            if ours.status == 400 {
                let v = ours.json();
                if v["field"].as_str().is_none_or(|f| !v["error"].as_str().unwrap_or("").starts_with(f)) {
                    return Err(format!("our 400 does not name the field: {v}"));
                }
            }
            Ok(format!("differs on purpose: {why}"))
        }
        Expect::Same => {
            if go.status != ours.status {
                return Err(format!("status: Go {} ours {} (Go: {:?}, ours: {:?})", go.status, ours.status, go.body, ours.body));
            }
            if (300..400).contains(&go.status) {
                return if go.header("location") == ours.header("location") {
                    Ok(format!("same redirect to {}", go.header("location").unwrap_or("")))
                } else {
                    Err(format!("Location: Go {:?} ours {:?}", go.header("location"), ours.header("location")))
                };
            }
            if !go_json {
                // Gin answers these in text/plain; this server in its JSON error shape.
                let v = ours.json();
                return if v["status"] == go.status { Ok(format!("same status; Go text {:?}, ours JSON", go.body.trim())) } else { Err(format!("ours: {v}")) };
            }
            let (gv, ov) = (go.json(), ours.json());
            let (gk, ok) = (keys(&gv), keys(&ov));
            if go.status == 200 {
                if gk != ok {
                    return Err(format!("keys: Go {gk:?} ours {ok:?}"));
                }
                for k in &gk {
                    if let (Some(gt), Some(ot)) = (gv[k].as_str(), ov[k].as_str()) {
                        if gt.starts_with("007") {
                            let check = |t: &str| verify007(t, DEMO_APP_CERTIFICATE, &Expected007::default(), now()).map(|r| r.is_ok());
                            if check(gt) != Ok(true) || check(ot) != Ok(true) {
                                return Err(format!("{k}: a token does not verify"));
                            }
                            if grants(gt) != grants(ot) {
                                return Err(format!("{k}: different grants: Go {:?} ours {:?}", grants(gt), grants(ot)));
                            }
                        }
                    }
                }
                Ok(format!("same keys {gk:?}, same grants"))
            } else if gk.iter().all(|k| ok.contains(k)) {
                Ok(format!("Go keys {gk:?} all in ours"))
            } else {
                Err(format!("keys: Go {gk:?} not all in ours {ok:?}"))
            }
        }
    }
}

fn main() -> ExitCode {
    let Some(bin) = std::env::var("AGORA_GO_TOKEN_SERVICE").ok().filter(|b| !b.is_empty()) else {
        println!(
            "compat-server: skipped: AGORA_GO_TOKEN_SERVICE is not set (the path of a binary built from \
             AgoraIO-Community/agora-token-service, outside this repository); nothing was compared"
        );
        return ExitCode::SUCCESS;
    };
    if !std::path::Path::new(&bin).is_file() {
        println!("compat-server: skipped: AGORA_GO_TOKEN_SERVICE={bin} is not a file; nothing was compared");
        return ExitCode::SUCCESS;
    }
    if let Some(code) = common::netns::reexec_in_loopback_namespace("compat-server") {
        return ExitCode::from(code as u8);
    }
    let dir = TempDir::new("go");
    let (mut go_child, go_addr) = start_go(&bin, &dir);
    let ours = Server::local(&[]);
    let go_base = format!("http://{go_addr}");
    let (mut passed, mut failed) = (0, 0);
    for c in CASES {
        let go = send(&go_base, c);
        let us = send(&ours.url(""), c);
        let what = format!("{} {}{}", c.method, c.path, if c.body.is_empty() { String::new() } else { format!(" {}", c.body) });
        match compare(c, &go, &us) {
            Ok(note) => {
                passed += 1;
                println!("ok    {:>3} {:>3}  {what}\n                {note}", go.status, us.status);
            }
            Err(e) => {
                failed += 1;
                println!("FAIL  {:>3} {:>3}  {what}\n                {e}", go.status, us.status);
            }
        }
    }
    let _ = go_child.kill();
    let _ = go_child.wait();
    println!("compat-server: {passed} passed, {failed} failed");
    if failed > 0 || passed == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
