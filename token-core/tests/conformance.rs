//! The Rust conformance runner: a plain program (`harness = false`) that runs
//! every case of every `*.jsonl` file in `AGORA_TOKEN_VECTORS` (default: the
//! repository's `tests/vectors`), and prints, last,
//! `conformance[rust]: N passed, M failed`. Exits non-zero when M > 0 or N = 0.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::Value;
use token_core::{parse, verify, Expected, Privilege, SimpleTokenBuilder, TokenError, UserId};

fn vectors_dir() -> PathBuf {
    match std::env::var_os("AGORA_TOKEN_VECTORS") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors"),
    }
}

fn str_field<'a>(case: &'a Value, key: &str) -> Result<&'a str, String> {
    case.get(key).and_then(Value::as_str).ok_or_else(|| format!("missing string field {key:?}"))
}

fn u32_field(case: &Value, key: &str) -> Result<u32, String> {
    case.get(key)
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| format!("missing or out-of-range integer field {key:?}"))
}

fn pairs(value: &Value) -> Result<Vec<(u64, u64)>, String> {
    let list = value.as_array().ok_or("privileges is not an array")?;
    list.iter()
        .map(|p| match p.as_array().map(Vec::as_slice) {
            Some([id, exp]) => Ok((id.as_u64().ok_or("bad id")?, exp.as_u64().ok_or("bad expiry")?)),
            _ => Err("privilege entry is not a pair".to_owned()),
        })
        .collect()
}

/// Builds a token from the shared `build006` / `invalid006` inputs.
fn build(case: &Value) -> Result<Result<String, TokenError>, String> {
    let app_id = str_field(case, "app_id")?;
    let cert = str_field(case, "app_certificate")?;
    let channel = str_field(case, "channel_name")?;
    let builder = match (case.get("uid"), case.get("user_account")) {
        (Some(uid), None) => {
            let uid = uid.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or("uid out of range")?;
            SimpleTokenBuilder::with_uid(app_id, cert, channel, uid)
        }
        (None, Some(account)) => {
            SimpleTokenBuilder::with_user_account(app_id, cert, channel, account.as_str().ok_or("user_account")?)
        }
        _ => return Err("exactly one of uid and user_account is required".into()),
    };
    let mut builder = match builder {
        Ok(b) => b,
        Err(e) => return Ok(Err(e)),
    };
    builder.set_salt(u32_field(case, "salt")?);
    builder.set_ts(u32_field(case, "ts")?);
    for (id, expire) in pairs(case.get("privileges").ok_or("missing privileges")?)? {
        let privilege = Privilege::try_from_id(id as i64).map_err(|e| e.to_string())?;
        builder.set_privilege(privilege, u32::try_from(expire).map_err(|_| "expiry out of range")?);
    }
    Ok(builder.build_token())
}

fn run_case(case: &Value) -> Result<(), String> {
    let kind = str_field(case, "kind")?;
    match kind {
        "build006" => {
            let expected = str_field(case, "token")?;
            let got = build(case)?.map_err(|e| format!("build failed: {e}"))?;
            if got != expected {
                return Err(format!("token differs\n  got:      {got}\n  expected: {expected}"));
            }
        }
        "invalid006" => {
            let expected = str_field(case, "error")?;
            match build(case)? {
                Ok(token) => return Err(format!("expected error {expected}, built {token}")),
                Err(e) if e.kind().as_str() == expected => {}
                Err(e) => return Err(format!("expected error {expected}, got {} ({e})", e.kind())),
            }
        }
        "reject006" => {
            let expected = str_field(case, "error")?;
            match parse(str_field(case, "token")?) {
                Ok(t) => return Err(format!("expected error {expected}, parsed {t:?}")),
                Err(e) if e.kind().as_str() == expected => {}
                Err(e) => return Err(format!("expected error {expected}, got {} ({e})", e.kind())),
            }
        }
        "parse006" => {
            let token = str_field(case, "token")?;
            let exp = case.get("expected").ok_or("missing expected")?;
            let t = parse(token).map_err(|e| format!("parse failed: {e}"))?;
            let got_privileges: Vec<(u64, u64)> =
                t.privileges.iter().map(|&(i, e)| (u64::from(i), u64::from(e))).collect();
            let checks: [(&str, bool); 7] = [
                ("app_id", t.app_id == str_field(exp, "app_id")?),
                ("signature_hex", t.signature_hex() == str_field(exp, "signature_hex")?),
                ("crc_channel_name", t.crc_channel_name == u32_field(exp, "crc_channel_name")?),
                ("crc_uid", t.crc_uid == u32_field(exp, "crc_uid")?),
                ("salt", t.salt == u32_field(exp, "salt")?),
                ("ts", t.ts == u32_field(exp, "ts")?),
                ("privileges", got_privileges == pairs(exp.get("privileges").ok_or("missing privileges")?)?),
            ];
            if let Some((field, _)) = checks.iter().find(|(_, ok)| !ok) {
                return Err(format!("field {field} differs: parsed {t:?}"));
            }
            if let Some(v) = case.get("verify") {
                let account;
                let user = match (v.get("uid"), v.get("user_account")) {
                    (Some(uid), None) => UserId::Uid(uid.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or("uid")?),
                    (None, Some(a)) => {
                        account = a.as_str().ok_or("user_account")?;
                        UserId::Account(account)
                    }
                    _ => return Err("verify needs exactly one of uid and user_account".into()),
                };
                let expected = Expected { app_id: v.get("app_id").and_then(Value::as_str), channel_name: str_field(v, "channel_name")?, user };
                let result = verify(token, str_field(v, "app_certificate")?, &expected, u32_field(v, "now")?)
                    .map_err(|e| format!("verify failed: {e}"))?;
                let want = str_field(v, "result")?;
                if result.as_str() != want {
                    return Err(format!("verify: expected {want}, got {result}"));
                }
            }
        }
        other => return Err(format!("unknown kind {other:?}")),
    }
    Ok(())
}

fn main() -> ExitCode {
    let dir = vectors_dir();
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "jsonl")).collect(),
        Err(e) => {
            eprintln!("cannot read vectors directory {}: {e}", dir.display());
            Vec::new()
        }
    };
    files.sort();
    let (mut passed, mut failed) = (0u32, 0u32);
    for file in &files {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("FAIL {}: cannot read: {e}", file.display());
                failed += 1;
                continue;
            }
        };
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let outcome = serde_json::from_str::<Value>(line)
                .map_err(|e| format!("invalid JSON: {e}"))
                .and_then(|case| run_case(&case).map_err(|e| format!("{}: {e}", case.get("id").and_then(Value::as_str).unwrap_or("?"))));
            match outcome {
                Ok(()) => passed += 1,
                Err(e) => {
                    failed += 1;
                    eprintln!("FAIL {}:{}: {e}", file.display(), n + 1);
                }
            }
        }
    }
    println!("conformance[rust]: {passed} passed, {failed} failed");
    if failed > 0 || passed == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
