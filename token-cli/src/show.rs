//! `agora-token inspect`: every field of a token of either format, privileges
//! by name, expiries as UTC times and time left.

use serde_json::{json, Value};
use token_core::v007::{rtm2, ParsedToken2, ServiceFields};
use token_core::{now_secs, parse_any, AnyToken, ParsedToken, Privilege};

use crate::cli::Failure;
use crate::time::iso8601;

fn left(at: i64, now: u32) -> String {
    let left = at - i64::from(now);
    if left >= 0 {
        format!("{left} s left")
    } else {
        format!("expired {} s ago", -left)
    }
}

pub fn print_inspection(token: &str, as_json: bool) -> Result<(), Failure> {
    let now = now_secs();
    match parse_any(token)? {
        AnyToken::V006(t) if as_json => println!("{}", json006(&t, now)),
        AnyToken::V007(t) if as_json => println!("{}", json007(&t, now)),
        AnyToken::V006(t) => text006(&t, now),
        AnyToken::V007(t) => text007(&t, now),
    }
    Ok(())
}

fn json006(t: &ParsedToken, now: u32) -> Value {
    let privileges: Vec<_> = t
        .privileges
        .iter()
        .map(|&(id, expire)| {
            json!({
                "id": id,
                "name": Privilege::name_of(id),
                "expire_ts": expire,
                "expire_utc": (expire != 0).then(|| iso8601(expire)),
                "seconds_left": (expire != 0).then(|| i64::from(expire) - i64::from(now)),
            })
        })
        .collect();
    json!({
        "format": "006",
        "version": "006",
        "app_id": t.app_id,
        "signature_hex": t.signature_hex(),
        "crc_channel_name": t.crc_channel_name,
        "crc_uid": t.crc_uid,
        "salt": t.salt,
        "ts": t.ts,
        "ts_utc": iso8601(t.ts),
        "seconds_left": i64::from(t.ts) - i64::from(now),
        "privileges": privileges,
    })
}

fn text006(t: &ParsedToken, now: u32) {
    println!("format            006 (AccessToken)");
    println!("app id            {}", t.app_id);
    println!("signature         {}", t.signature_hex());
    println!("crc channel name  {} (0x{:08x})", t.crc_channel_name, t.crc_channel_name);
    println!("crc uid           {} (0x{:08x}){}", t.crc_uid, t.crc_uid, if t.crc_uid == 0 { "  uid 0: any user" } else { "" });
    println!("salt              {}", t.salt);
    println!("expires (ts)      {}  {}  ({})", t.ts, iso8601(t.ts), left(t.ts.into(), now));
    println!("privileges        {}", t.privileges.len());
    for &(id, expire) in &t.privileges {
        let name = Privilege::name_of(id).unwrap_or("(unknown)");
        let when = if expire == 0 {
            "never expires".to_owned()
        } else {
            format!("{expire}  {}  ({})", iso8601(expire), left(expire.into(), now))
        };
        println!("  {name:<28} {id:>5}  {when}");
    }
}

/// The fields of a service, for text and JSON.
fn fields(f: &ServiceFields) -> Vec<(&'static str, Value)> {
    match f {
        ServiceFields::Channel { channel_name, account } => {
            vec![("channel_name", json!(channel_name)), ("account", json!(account))]
        }
        ServiceFields::User { user_id } => vec![("user_id", json!(user_id))],
        ServiceFields::Empty => vec![],
        ServiceFields::Apaas { room_uuid, user_uuid, role } => {
            vec![("room_uuid", json!(room_uuid)), ("user_uuid", json!(user_uuid)), ("role", json!(role))]
        }
        ServiceFields::Rtm2 { user_id, permissions } => {
            let p: Vec<Value> = permissions
                .iter()
                .map(|p| {
                    json!({
                        "resource_type": p.resource_type,
                        "resource_name": rtm2::RESOURCE_NAMES.get(usize::from(p.resource_type)),
                        "permission_type": p.permission_type,
                        "permission_name": rtm2::PERMISSION_NAMES.get(usize::from(p.permission_type)),
                        "resources": p.resources,
                    })
                })
                .collect();
            vec![("user_id", json!(user_id)), ("permissions", json!(p))]
        }
    }
}

fn json007(t: &ParsedToken2, now: u32) -> Value {
    let services: Vec<Value> = t
        .services
        .iter()
        .map(|s| {
            let privileges: Vec<Value> = s
                .privileges()
                .iter()
                .map(|&(id, v)| {
                    let at = i64::from(t.issue_ts) + i64::from(v);
                    json!({
                        "id": id,
                        "name": s.service_type().privilege_name(id),
                        "expire": v,
                        "expire_utc": (v != 0).then(|| iso8601(at)),
                        "seconds_left": (v != 0).then(|| at - i64::from(now)),
                    })
                })
                .collect();
            let mut o = json!({"type": s.service_type().id(), "name": s.service_type().class_name(), "privileges": privileges});
            for (k, v) in fields(s.fields()) {
                o[k] = v;
            }
            o
        })
        .collect();
    let expires = t.expires_at() as i64;
    json!({
        "format": "007",
        "app_id": t.app_id,
        "signature_hex": t.signature_hex(),
        "issue_ts": t.issue_ts,
        "issue_utc": iso8601(t.issue_ts),
        "expire": t.expire,
        "expires_at": expires,
        "expires_utc": iso8601(expires),
        "seconds_left": expires - i64::from(now),
        "salt": t.salt,
        "services": services,
    })
}

fn text007(t: &ParsedToken2, now: u32) {
    let expires = t.expires_at() as i64;
    println!("format            007 (AccessToken2)");
    println!("app id            {}", t.app_id);
    println!("signature         {}", t.signature_hex());
    println!("issued (issue_ts) {}  {}", t.issue_ts, iso8601(t.issue_ts));
    println!("expire            {} s  ->  {}  ({})", t.expire, iso8601(expires), left(expires, now));
    println!("salt              {}", t.salt);
    println!("services          {}", t.services.len());
    for s in &t.services {
        let ty = s.service_type();
        let shown: Vec<String> = fields(s.fields())
            .into_iter()
            .map(|(k, v)| match (k, &v) {
                ("account", Value::String(a)) if a.is_empty() => "account \"\" (uid 0: any user)".to_owned(),
                // The format keeps a string; a canonical decimal one is what a numeric uid signs.
                ("account", Value::String(a)) if token_core::validate::uid_from_decimal(a).is_ok() => {
                    format!("account \"{a}\" (uid {a})")
                }
                _ => format!("{k} {v}"),
            })
            .collect();
        println!("  {} ({})  {}", ty.class_name(), ty.id(), shown.join("  "));
        for &(id, v) in s.privileges() {
            let name = ty.privilege_name(id).unwrap_or("(unknown)");
            let when = if v == 0 {
                "no limit of its own (the token's expiry applies)".to_owned()
            } else {
                let at = i64::from(t.issue_ts) + i64::from(v);
                let capped = if at > expires { ", cut short by the token" } else { "" };
                format!("{v} s  ->  {}  ({}{capped})", iso8601(at), left(at.min(expires), now))
            };
            println!("    {name:<30} {id:>3}  {when}");
        }
    }
}
