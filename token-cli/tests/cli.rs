//! The CLI as a user runs it.

use std::process::{Command, Output};

const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";
const OWN_APP_ID: &str = "0123456789abcdef0123456789ABCDEF";
const OWN_CERT: &str = "fedcba9876543210fedcba9876543210";
const SAMPLE: &str = "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW";

fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_agora-token"));
    cmd.args(args).env_remove("AGORA_APP_ID").env_remove("AGORA_APP_CERTIFICATE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run agora-token")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn rtc_with_demo_credentials_says_so_and_verifies() {
    let o = run(&["rtc", "--format", "006", "--channel", "demo", "--uid", "42"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("demo credentials"));
    let token = stdout(&o).trim().to_owned();
    assert!(token.starts_with(&format!("006{APP_ID}")));
    let t = token_core::parse(&token).unwrap();
    assert_eq!(t.privileges.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 2, 3, 4]);
    let v = run(&["verify", &token, "--channel", "demo", "--uid", "42"], &[]);
    assert!(v.status.success(), "{}", stderr(&v));
    assert_eq!(stdout(&v).lines().next(), Some("format: 006 (AccessToken)"));
    assert_eq!(stdout(&v).lines().last(), Some("ok"));
    let v = run(&["verify", &token, "--channel", "demo", "--uid", "43"], &[]);
    assert_eq!(v.status.code(), Some(1));
    assert!(stderr(&v).contains("uid_mismatch"), "{}", stderr(&v));
}

#[test]
fn own_credentials_from_environment_never_printed() {
    let env = [("AGORA_APP_ID", OWN_APP_ID), ("AGORA_APP_CERTIFICATE", OWN_CERT)];
    let o = run(&["rtc", "--format", "006", "--channel", "room 1", "--account", "alice", "--role", "subscriber", "--inspect"], &env);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with(&format!("006{OWN_APP_ID}")));
    assert!(out.contains("kJoinChannel") && !out.contains("kPublishAudioStream"), "{out}");
    assert!(!out.contains(OWN_CERT) && !stderr(&o).contains(OWN_CERT));
    assert!(!stderr(&o).contains("demo"));
    let token = out.lines().next().unwrap();
    let v = run(&["verify", token, "--channel", "room 1", "--account", "alice"], &env);
    assert!(v.status.success(), "{}", stderr(&v));
    // The demo certificate does not verify a token of our app.
    let v = run(&["verify", token, "--channel", "room 1", "--account", "alice", "--app-id", OWN_APP_ID], &[("AGORA_APP_CERTIFICATE", CERT)]);
    assert_eq!(v.status.code(), Some(1));
    assert!(stderr(&v).contains("signature_mismatch"));
}

#[test]
fn rtm_token() {
    let o = run(&["rtm", "--format", "006", "--account", "bob", "--expire", "0", "--token-expire", "3600", "--inspect", "--json"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let mut lines = out.lines();
    let token = lines.next().unwrap();
    let json: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(json["privileges"][0]["name"], "kRtmLogin");
    assert_eq!(json["privileges"][0]["expire_ts"], 0);
    assert_eq!(json["crc_uid"], 0);
    let v = run(&["verify", token, "--rtm", "--account", "bob"], &[]);
    assert!(v.status.success(), "{}", stderr(&v));
    let v = run(&["verify", token, "--rtm", "--account", "alice"], &[]);
    assert_eq!(v.status.code(), Some(1), "{}", stderr(&v));
}

#[test]
fn inspect_sample_text_and_json() {
    let o = run(&["inspect", SAMPLE], &[]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("2015-11-02T09:11:11Z") && out.contains("kJoinChannel") && out.contains("expired"), "{out}");
    assert!(out.contains("1970-01-13T20:38:31Z"), "{out}");
    let o = run(&["inspect", "--json", SAMPLE], &[]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["app_id"], APP_ID);
    assert_eq!(json["salt"], 1);
    assert_eq!(json["ts"], 1111111);
    assert_eq!(json["privileges"][0]["expire_ts"], 1446455471u32);
    assert!(json["seconds_left"].as_i64().unwrap() < 0);
}

#[test]
fn errors_are_one_line_with_a_nonzero_exit() {
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case; 5] = [
        (&["inspect", "008abc"], &[], "version"),
        (&["rtc", "--channel", "a/b", "--uid", "1"], &[], "channel_name"),
        (&["rtc", "--channel", "a", "--account", "é"], &[], "user_account"),
        (&["rtc", "--channel", "a", "--uid", "1"], &[("AGORA_APP_ID", OWN_APP_ID)], "AGORA_APP_CERTIFICATE"),
        (&["rtc", "--channel", "a", "--uid", "1"], &[("AGORA_APP_ID", OWN_APP_ID), ("AGORA_APP_CERTIFICATE", "zz")], "app_certificate"),
    ];
    for (args, env, needle) in cases {
        let o = run(args, env);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        let lines: Vec<&str> = err.lines().filter(|l| !l.contains("demo credentials")).collect();
        assert_eq!(lines.len(), 1, "{err}");
        assert!(lines[0].contains(needle), "{err}");
        assert!(!err.contains("panicked") && !err.contains("zz"), "{err}");
    }
    // Usage errors: clap's exit code 2, no token printed.
    let o = run(&["rtc", "--channel", "a", "--uid", "1", "--account", "b"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

#[test]
fn verify_expiry_uses_now() {
    let v = run(&["verify", SAMPLE, "--channel", "7d72365eb983485397e3e3f9d460bdda", "--uid", "2882341273", "--now", "1000"], &[]);
    assert!(v.status.success(), "{}", stderr(&v));
    let v = run(&["verify", SAMPLE, "--channel", "7d72365eb983485397e3e3f9d460bdda", "--uid", "2882341273"], &[]);
    assert_eq!(v.status.code(), Some(1));
    assert!(stderr(&v).contains("expired"));
}

fn mint(args: &[&str]) -> String {
    let o = run(args, &[]);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o).lines().next().unwrap().to_owned()
}

#[test]
fn minting_defaults_to_007_for_every_service() {
    let rtc = mint(&["rtc", "--channel", "demo", "--uid", "42", "--expire", "600"]);
    let t = token_core::parse007(&rtc).unwrap();
    assert_eq!(t.expire, 600);
    assert_eq!(t.services[0].privileges(), [(1, 600), (2, 600), (3, 600), (4, 600)]);
    let cases: [(&[&str], &[u16]); 10] = [
        (&["rtc", "--channel", "c", "--account", "a", "--with-rtm"], &[1, 2]),
        (&["rtm", "--account", "alice"], &[2]),
        (&["chat", "user", "--user-id", "u1"], &[5]),
        (&["chat", "app"], &[5]),
        (&["fpa"], &[4]),
        (&["apaas", "room-user", "--room-uuid", "r", "--user-uuid", "u", "--role", "1"], &[2, 5, 7]),
        (&["apaas", "user", "--user-uuid", "u"], &[7]),
        (&["education", "app"], &[7]),
        (&["convoai", "--channel", "c", "--account", "agent"], &[1, 2, 9]),
        (&["stt", "--channel", "c", "--account", "agent", "--role", "subscriber"], &[1, 2, 10]),
    ];
    for (args, types) in cases {
        let t = token_core::parse007(mint(args)).unwrap();
        let mut got: Vec<u16> = t.services.iter().map(|s| s.service_type().id()).collect();
        got.sort();
        assert_eq!(got, types, "{args:?}");
    }
    let o = run(&["rtc", "--channel", "c", "--uid", "1", "--role", "admin"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("006 roles"));
}

#[test]
fn inspect_and_verify_read_both_formats_and_say_which() {
    let t7 = mint(&["rtc", "--channel", "demo", "--uid", "42"]);
    let o = run(&["inspect", &t7], &[]);
    let out = stdout(&o);
    assert!(out.contains("format            007 (AccessToken2)") && out.contains("kPrivilegeJoinChannel"), "{out}");
    assert!(out.contains("s left"), "{out}");
    assert!(out.contains("account \"42\" (uid 42)"), "a numeric uid's string is labelled as the uid: {out}");
    let o = run(&["inspect", "--json", &t7], &[]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["format"], "007");
    assert_eq!(json["services"][0]["name"], "ServiceRtc");
    assert_eq!(json["services"][0]["account"], "42");
    assert_eq!(json["services"][0]["privileges"][0]["name"], "kPrivilegeJoinChannel");
    let v = run(&["verify", &t7, "--channel", "demo", "--uid", "42"], &[]);
    assert!(v.status.success(), "{}", stderr(&v));
    assert!(stdout(&v).starts_with("format: 007 (AccessToken2)\n"));
    let v = run(&["verify", &t7], &[]);
    assert!(v.status.success() && stdout(&v).contains("no service checked"));
    let v = run(&["verify", &t7, "--channel", "demo", "--uid", "43"], &[]);
    assert_eq!(v.status.code(), Some(1));
    assert!(stderr(&v).contains("uid_mismatch"));
    let v = run(&["verify", &t7, "--rtm", "--account", "42"], &[]);
    assert_eq!(v.status.code(), Some(1));
    assert!(stderr(&v).contains("service_missing"), "{}", stderr(&v));
}

/// Issue 12, 1: a uid-0 token admits any uid, in both formats.
#[test]
fn uid_0_is_a_wildcard() {
    for format in ["006", "007"] {
        let w = mint(&["rtc", "--format", format, "--channel", "live", "--uid", "0", "--role", "subscriber"]);
        for user in [["--uid", "12345"], ["--account", "bob"]] {
            let v = run(&["verify", &w, "--channel", "live", user[0], user[1]], &[]);
            assert!(v.status.success(), "{format} {user:?}: {}", stderr(&v));
        }
        let v = run(&["verify", &w, "--channel", "other", "--uid", "1"], &[]);
        assert_eq!(v.status.code(), Some(1));
    }
}

/// Issue 12, 3: one lifetime rule; a privilege that outlives the token is reported.
#[test]
fn lifetime_rule_and_warning() {
    let o = run(&["rtc", "--format", "006", "--channel", "c", "--uid", "7", "--expire", "172800"], &[]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("warning") && stderr(&o).contains("24 hours"), "{}", stderr(&o));
    let t = token_core::parse(stdout(&o).trim()).unwrap();
    let now = token_core::now_secs();
    assert!(t.ts.abs_diff(now + 86_400) < 5, "ts = now + 24 h");
    let o = run(&["rtc", "--channel", "c", "--uid", "7", "--token-expire", "60", "--privilege-expire", "600"], &[]);
    assert!(o.status.success() && stderr(&o).contains("warning"));
    let o = run(&["rtc", "--channel", "c", "--uid", "7", "--expire", "600"], &[]);
    assert!(!stderr(&o).contains("warning"));
}

/// Issue 12, 5 and 6: arguments from people.
#[test]
fn arguments_that_are_mistakes_are_refused_with_the_flag_named() {
    let now = token_core::now_secs().to_string();
    let ms = format!("{now}000");
    type Case<'a> = (Vec<&'a str>, &'a str);
    let cases: [Case; 6] = [
        (vec!["rtc", "--channel", "c", "--uid", "1", "--expire", &now], "--expire: "),
        (vec!["rtc", "--channel", "c", "--uid", "1", "--expire", &ms], "milliseconds"),
        (vec!["rtc", "--channel", "c", "--uid", "1", "--expire", "99999999999"], "Unix timestamp"),
        (vec!["rtc", "--channel", "c", "--uid", "-5"], "--uid: -5 is outside 0..=4294967295; -5 may be the signed"),
        (vec!["rtc", "--channel", "c", "--uid", "1", "--expire", "-1"], "--expire: -1 is negative"),
        (vec!["verify", SAMPLE, "--channel", "c", "--uid", "1", "--now", &ms], "--now: "),
    ];
    for (args, needle) in cases {
        let o = run(&args, &[]);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    let o = run(&["verify", SAMPLE, "--channel", "c", "--uid", "1", "--now", &ms], &[]);
    assert!(stderr(&o).contains("milliseconds"));
    let at = (token_core::now_secs() + 120).to_string();
    let t = token_core::parse007(mint(&["rtc", "--channel", "c", "--uid", "1", "--expire-at", &at])).unwrap();
    assert!((118..=120).contains(&t.expire), "{}", t.expire);
}

/// Issue 12, 4: damaged tokens get a diagnosis; whitespace is trimmed.
#[test]
fn damaged_tokens_are_diagnosed() {
    // A token whose base64 holds both '+' and '/' (the salt is random: mint until one does).
    let t = (0..200)
        .map(|_| mint(&["rtc", "--format", "006", "--channel", "room-1", "--uid", "42"]))
        .find(|t| t[35..].contains('+') && t[35..].contains('/'))
        .expect("a token with '+' and '/'");
    let v = run(&["verify", &format!("{t}\n"), "--channel", "room-1", "--uid", "42"], &[]);
    assert!(v.status.success(), "a trailing newline is trimmed: {}", stderr(&v));
    let cases = [
        (format!("\"{t}\""), "quotes"),
        (t[..t.len() - 5].to_owned(), "cut short"),
        (t.replace('+', "%2B").replace('/', "%2F"), "URL-encoded"),
        (t.replace('+', "-").replace('/', "_"), "URL-safe"),
        (APP_ID.to_owned(), "app id"),
        ("005abc".to_owned(), "older Agora dynamic key"),
        (" ".to_owned(), "empty"),
        (t.replace('/', "\\/"), "JSON escapes"),
        (t.replace('+', " "), "became a space"),
    ];
    for (bad, needle) in cases {
        let o = run(&["inspect", &bad], &[]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains(needle), "{bad}: {}", stderr(&o));
    }
}
