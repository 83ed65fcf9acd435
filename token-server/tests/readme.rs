//! Runs the curl examples of the root README's "Token server" section
//! against the real binary: each `curl` line of its `sh` blocks, with
//! `http://127.0.0.1:8080` replaced by the test server's address. A line
//! ending in `# -> NNN [code]` must answer that status (and error code);
//! any other line must answer 200. Lines using `$API_KEY` or `$JWT` go to a
//! server with authentication, the others to one in local mode.

mod common;

use std::process::Command;

use common::*;
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};

const API_KEY: &str = "readme-api-key-0123456789abcdef";
const SECRET: &str = "readme-hs256-secret-0123456789abcdef";

struct Example {
    line: String,
    status: u16,
    code: Option<String>,
}

fn examples() -> Vec<Example> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let start = readme.find("\n## Token server\n").expect("README.md has a \"## Token server\" section");
    let rest = &readme[start + 1..];
    let section = &rest[..rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3)];
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in section.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh" && !in_sh;
            continue;
        }
        let line = line.trim();
        if !in_sh || !line.starts_with("curl ") {
            continue;
        }
        let (status, code) = match line.rsplit_once("# -> ") {
            Some((_, expect)) => {
                let mut words = expect.split_whitespace();
                let status = words.next().unwrap().parse().unwrap();
                let code = words.next().filter(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '_')).map(str::to_owned);
                (status, code)
            }
            None => (200, None),
        };
        out.push(Example { line: line.to_owned(), status, code });
    }
    out
}

fn run(e: &Example, base: &str, jwt: &str) -> (u16, String) {
    let script = format!(
        "curl() {{ command curl -sS -w '\\n%{{http_code}}' \"$@\"; }}\n{}\n",
        e.line.replace("http://127.0.0.1:8080", base)
    );
    let out = Command::new("bash").arg("-c").arg(&script).env("API_KEY", API_KEY).env("JWT", jwt).output().expect("bash runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{}: {text} {}", e.line, String::from_utf8_lossy(&out.stderr));
    let (body, status) = text.rsplit_once('\n').unwrap_or(("", &text));
    (status.trim().parse().unwrap_or_else(|_| panic!("{}: no status in {text:?}", e.line)), body.to_owned())
}

#[test]
fn readme_curl_examples_run() {
    assert!(Command::new("curl").arg("--version").output().is_ok(), "curl is needed (make deps-server installs it)");
    let all = examples();
    assert!(all.len() >= 10, "found {} curl examples", all.len());
    let local = Server::local(&[]);
    let authed = Server::start(
        &["--host", "127.0.0.1", "--port", "0", "--rate-limit-per-second", "0"],
        &[("API_KEYS", API_KEY), ("JWT_HS256_SECRET", SECRET)],
    );
    let claims = serde_json::json!({"sub": "alice", "exp": u64::from(now()) + 600});
    let jwt = encode(&Header::new(Algorithm::HS256), &claims, &EncodingKey::from_secret(SECRET.as_bytes()).unwrap()).unwrap();
    let uses_auth = |e: &Example| e.line.contains("$API_KEY") || e.line.contains("$JWT");
    let auth_section = all.iter().position(uses_auth).expect("examples with authentication");
    for (i, e) in all.iter().enumerate() {
        let server = if i >= auth_section { &authed } else { &local };
        let (status, body) = run(e, &server.url(""), &jwt);
        assert_eq!(status, e.status, "{}\n{body}", e.line);
        if let Some(code) = &e.code {
            let v: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert_eq!(v["code"].as_str(), Some(code.as_str()), "{}\n{body}", e.line);
        }
        if body.starts_with('{') {
            let v: serde_json::Value = serde_json::from_str(&body).unwrap_or_else(|err| panic!("{}: {err}: {body}", e.line));
            for key in ["token", "rtcToken", "rtmToken", "chatToken"] {
                if let Some(t) = v[key].as_str() {
                    assert!(token_core::parse_any(t).is_ok(), "{}: {key}", e.line);
                }
            }
        }
    }
}
