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
    let o = run(&["rtc", "--channel", "demo", "--uid", "42"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("demo credentials"));
    let token = stdout(&o).trim().to_owned();
    assert!(token.starts_with(&format!("006{APP_ID}")));
    let t = token_core::parse(&token).unwrap();
    assert_eq!(t.privileges.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 2, 3, 4]);
    let v = run(&["verify", &token, "--channel", "demo", "--uid", "42"], &[]);
    assert!(v.status.success(), "{}", stderr(&v));
    assert_eq!(stdout(&v).trim(), "ok");
    let v = run(&["verify", &token, "--channel", "demo", "--uid", "43"], &[]);
    assert_eq!(v.status.code(), Some(1));
    assert!(stderr(&v).contains("uid_mismatch"), "{}", stderr(&v));
}

#[test]
fn own_credentials_from_environment_never_printed() {
    let env = [("AGORA_APP_ID", OWN_APP_ID), ("AGORA_APP_CERTIFICATE", OWN_CERT)];
    let o = run(&["rtc", "--channel", "room 1", "--account", "alice", "--role", "subscriber", "--inspect"], &env);
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
    let o = run(&["rtm", "--account", "bob", "--expire", "0", "--inspect", "--json"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let mut lines = out.lines();
    let token = lines.next().unwrap();
    let json: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(json["privileges"][0]["name"], "kRtmLogin");
    assert_eq!(json["privileges"][0]["expire_ts"], 0);
    assert_eq!(json["crc_uid"], 0);
    let v = run(&["verify", token, "--channel", "bob", "--uid", "0"], &[]);
    assert!(v.status.success(), "{}", stderr(&v));
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
        (&["inspect", "007abc"], &[], "version"),
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
