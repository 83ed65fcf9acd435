//! The Rust conformance runner: a plain program (`harness = false`) that runs
//! every case of every `*.jsonl` file in `AGORA_TOKEN_VECTORS` (default: the
//! repository's `tests/vectors`), and prints, last,
//! `conformance[rust]: N passed, M failed`. Exits non-zero when M > 0 or N = 0.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::Value;
use token_core::v007::{Arg, ParamKind, Pin, RawPermission, RawService, RawToken, Recipe, ServiceFields};
use token_core::{
    hex_lower, parse, parse007, verify, verify007, Expected, Expected007, Privilege, SimpleTokenBuilder, TokenError, UserId,
};

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

fn int(v: &Value, what: &str) -> Result<i64, String> {
    v.as_i64().ok_or_else(|| format!("{what} is not a 64-bit integer"))
}

fn permissions(v: Option<&Value>) -> Result<Vec<RawPermission>, String> {
    let Some(list) = v else { return Ok(Vec::new()) };
    let list = list.as_array().ok_or("permissions is not an array")?;
    list.iter()
        .map(|p| match p.as_array().map(Vec::as_slice) {
            Some([rt, pt, resources]) => Ok(RawPermission {
                resource_type: int(rt, "resource_type")?,
                permission_type: int(pt, "permission_type")?,
                resources: resources
                    .as_array()
                    .ok_or("resources is not an array")?
                    .iter()
                    .map(|r| r.as_str().map(str::to_owned).ok_or("resource is not a string"))
                    .collect::<Result<_, _>>()?,
            }),
            _ => Err("permission entry is not [resource_type, permission_type, [resources]]".to_owned()),
        })
        .collect()
}

/// A `build007`/`invalid007` service object as the core's data form.
fn raw_service(v: &Value) -> Result<RawService<'_>, String> {
    let privileges = v
        .get("privileges")
        .and_then(Value::as_array)
        .ok_or("service without privileges")?
        .iter()
        .map(|p| match p.as_array().map(Vec::as_slice) {
            Some([id, exp]) => Ok((int(id, "privilege id")?, int(exp, "privilege expire")?)),
            _ => Err("privilege entry is not a pair".to_owned()),
        })
        .collect::<Result<_, String>>()?;
    Ok(RawService {
        service_type: int(v.get("type").ok_or("service without type")?, "type")?,
        privileges,
        channel_name: v.get("channel_name").and_then(Value::as_str),
        uid: v.get("uid").map(|u| int(u, "uid")).transpose()?,
        user_account: v.get("user_account").and_then(Value::as_str),
        user_id: v.get("user_id").and_then(Value::as_str),
        room_uuid: v.get("room_uuid").and_then(Value::as_str),
        user_uuid: v.get("user_uuid").and_then(Value::as_str),
        role: v.get("role").map(|r| int(r, "role")).transpose()?,
        permissions: permissions(v.get("permissions"))?,
    })
}

fn build007(case: &Value) -> Result<Result<String, TokenError>, String> {
    let services = case.get("services").and_then(Value::as_array).ok_or("missing services")?;
    let raw = RawToken {
            other_services: Vec::new(),
        app_id: str_field(case, "app_id")?,
        app_certificate: str_field(case, "app_certificate")?,
        issue_ts: Some(int(case.get("issue_ts").ok_or("missing issue_ts")?, "issue_ts")?),
        expire: int(case.get("expire").ok_or("missing expire")?, "expire")?,
        salt: Some(int(case.get("salt").ok_or("missing salt")?, "salt")?),
        services: services.iter().map(raw_service).collect::<Result<_, _>>()?,
    };
    Ok(raw.build())
}

fn builder007(case: &Value) -> Result<Result<String, TokenError>, String> {
    let name = str_field(case, "builder")?;
    let (_, recipe) = Recipe::find(name).ok_or_else(|| format!("no builder named {name:?}"))?;
    let args = case.get("args").and_then(Value::as_object).ok_or("missing args")?;
    let mut values = Vec::new();
    for param in recipe.params {
        let Some(v) = args.get(param.name) else { break };
        values.push(match param.kind {
            ParamKind::Str => Arg::Str(v.as_str().ok_or_else(|| format!("{} is not a string", param.name))?),
            ParamKind::Permissions => Arg::Permissions(permissions(Some(v))?),
            _ => Arg::Int(int(v, param.name)?),
        });
    }
    if values.len() != args.len() {
        return Err(format!("args {:?} do not match the parameters of {name}", args.keys().collect::<Vec<_>>()));
    }
    let pin = Pin { issue_ts: Some(u32_field(case, "issue_ts")?), salt: Some(u32_field(case, "salt")?) };
    Ok(recipe.build_token(str_field(case, "app_id")?, str_field(case, "app_certificate")?, &values, pin))
}

/// Both steps of `build007`: the decompressed content, then the token.
fn compare007(got: &str, case: &Value) -> Result<(), String> {
    let content = parse007(got).map_err(|e| format!("own token does not parse: {e}"))?.content;
    let want_content = str_field(case, "content_hex")?;
    if hex_lower(&content) != want_content {
        return Err(format!("content differs\n  got:      {}\n  expected: {want_content}", hex_lower(&content)));
    }
    let want = str_field(case, "token")?;
    if got != want {
        return Err(format!("token differs\n  got:      {got}\n  expected: {want}"));
    }
    Ok(())
}

/// A parsed service in the vectors' token form.
fn service_json(s: &token_core::Service) -> Value {
    let privileges: Vec<Value> = s.privileges().iter().map(|&(id, e)| serde_json::json!([id, e])).collect();
    let mut o = serde_json::json!({"type": s.service_type().id(), "privileges": privileges});
    let m = o.as_object_mut().expect("object");
    match s.fields() {
        ServiceFields::Channel { channel_name, account } => {
            m.insert("channel_name".into(), channel_name.as_str().into());
            m.insert("account".into(), account.as_str().into());
        }
        ServiceFields::User { user_id } => {
            m.insert("user_id".into(), user_id.as_str().into());
        }
        ServiceFields::Empty => {}
        ServiceFields::Apaas { room_uuid, user_uuid, role } => {
            m.insert("room_uuid".into(), room_uuid.as_str().into());
            m.insert("user_uuid".into(), user_uuid.as_str().into());
            m.insert("role".into(), (*role).into());
        }
        ServiceFields::Rtm2 { user_id, permissions } => {
            m.insert("user_id".into(), user_id.as_str().into());
            let p: Vec<Value> =
                permissions.iter().map(|p| serde_json::json!([p.resource_type, p.permission_type, p.resources])).collect();
            m.insert("permissions".into(), p.into());
        }
    }
    o
}

fn expect_error(expected: &str, outcome: Result<impl std::fmt::Debug, TokenError>) -> Result<(), String> {
    match outcome {
        Ok(v) => Err(format!("expected error {expected}, got {v:?}")),
        Err(e) if e.kind().as_str() == expected => Ok(()),
        Err(e) => Err(format!("expected error {expected}, got {} ({e})", e.kind())),
    }
}

fn user_of(v: &Value) -> Result<UserId<'_>, String> {
    match (v.get("uid"), v.get("user_account")) {
        (Some(uid), None) => Ok(UserId::Uid(uid.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or("uid")?)),
        (None, Some(a)) => Ok(UserId::Account(a.as_str().ok_or("user_account")?)),
        _ => Err("verify needs exactly one of uid and user_account".into()),
    }
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
        "invalid006" => expect_error(str_field(case, "error")?, build(case)?)?,
        "reject006" => expect_error(str_field(case, "error")?, parse(str_field(case, "token")?))?,
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
                let user = user_of(v)?;
                let expected = Expected { app_id: v.get("app_id").and_then(Value::as_str), channel_name: str_field(v, "channel_name")?, user };
                let result = verify(token, str_field(v, "app_certificate")?, &expected, u32_field(v, "now")?)
                    .map_err(|e| format!("verify failed: {e}"))?;
                let want = str_field(v, "result")?;
                if result.as_str() != want {
                    return Err(format!("verify: expected {want}, got {result}"));
                }
            }
        }
        "build007" => compare007(&build007(case)?.map_err(|e| format!("build failed: {e}"))?, case)?,
        "builder007" => compare007(&builder007(case)?.map_err(|e| format!("build failed: {e}"))?, case)?,
        "invalid007" => expect_error(str_field(case, "error")?, build007(case)?)?,
        "reject007" => expect_error(str_field(case, "error")?, parse007(str_field(case, "token")?))?,
        "parse007" => {
            let token = str_field(case, "token")?;
            let exp = case.get("expected").ok_or("missing expected")?;
            let t = parse007(token).map_err(|e| format!("parse failed: {e}"))?;
            let services: Vec<Value> = t.services.iter().map(service_json).collect();
            let checks: [(&str, bool); 7] = [
                ("app_id", t.app_id == str_field(exp, "app_id")?),
                ("issue_ts", t.issue_ts == u32_field(exp, "issue_ts")?),
                ("expire", t.expire == u32_field(exp, "expire")?),
                ("salt", t.salt == u32_field(exp, "salt")?),
                ("signature_hex", t.signature_hex() == str_field(exp, "signature_hex")?),
                ("services", Some(&Value::Array(services.clone())) == exp.get("services")),
                ("content_hex", hex_lower(&t.content) == str_field(exp, "content_hex")?),
            ];
            if let Some((field, _)) = checks.iter().find(|(_, ok)| !ok) {
                return Err(format!("field {field} differs: parsed {services:?}"));
            }
            if let Some(v) = case.get("verify") {
                let rtc = match v.get("rtc") {
                    Some(r) => Some((str_field(r, "channel_name")?, user_of(r)?)),
                    None => None,
                };
                let e = Expected007 { app_id: None, rtc, rtm: None };
                let result = verify007(token, str_field(v, "app_certificate")?, &e, u32_field(v, "now")?)
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
