//! `POST /inspect` and `POST /verify`: every field of a token of either
//! format, and why a token is refused, for support teams.

use std::time::{Duration, UNIX_EPOCH};

use serde::Serialize;
use token_core::v007::{rtm2, ParsedToken2, Service, ServiceFields};
use token_core::{parse_any, verify, verify007, verify_rtm, AnyToken, Expected, Expected007, Format, ParsedToken, Privilege};
use utoipa::ToSchema;

use crate::config::Credentials;
use crate::error::ApiError;
use crate::mint::User;

/// RFC 3339 UTC (`2015-11-02T09:11:11Z`).
pub fn utc(secs: u64) -> String {
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(secs)).to_string()
}

/// One privilege of a token.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PrivilegeView {
    /// The privilege id.
    pub id: u16,
    /// Its reference name (`kPrivilegeJoinChannel`, `kJoinChannel`), if documented.
    pub name: Option<&'static str>,
    /// 007: seconds after issue_ts (0: no limit of its own); 006: a Unix time (0: never).
    pub expire: u32,
    /// When it expires (absent when it has no limit of its own).
    pub expires_utc: Option<String>,
    /// Seconds left (negative: expired), counting the token's own expiry.
    pub seconds_left: Option<i64>,
}

/// One RTM2 grant.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PermissionView {
    /// 0..=4.
    pub resource_type: u16,
    /// `kMessageChannels`, ...
    pub resource_name: Option<&'static str>,
    /// 0 read, 1 write.
    pub permission_type: u16,
    /// `kRead` or `kWrite`.
    pub permission_name: Option<&'static str>,
    /// The resources.
    pub resources: Vec<String>,
}

/// One service of a 007 token.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ServiceView {
    /// The type number (1..=10).
    pub r#type: u16,
    /// `ServiceRtc`, ...
    pub name: &'static str,
    /// The privileges.
    pub privileges: Vec<PrivilegeView>,
    /// RTC, Streaming, FCDN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_name: Option<String>,
    /// RTC, Streaming, FCDN: the uid string (`""`: uid 0, any user).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// RTM, RTM2, Chat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// APaaS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_uuid: Option<String>,
    /// APaaS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_uuid: Option<String>,
    /// APaaS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<i16>,
    /// RTM2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<PermissionView>>,
}

/// Every field of a token.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Inspection {
    /// `"007"` or `"006"`.
    pub format: &'static str,
    /// `"AccessToken2"` or `"AccessToken"`.
    pub format_name: &'static str,
    /// The app id in the token.
    pub app_id: String,
    /// Whether it is this server's app id.
    pub app_id_matches: bool,
    /// The signature, hex.
    pub signature_hex: String,
    /// The salt.
    pub salt: u32,
    /// 007: when it was made (Unix seconds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue_ts: Option<u32>,
    /// 007: seconds after issue_ts the token lives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expire: Option<u32>,
    /// When the token expires (Unix seconds; 006: its `ts`).
    pub expires_at: u64,
    /// The same, RFC 3339 UTC.
    pub expires_utc: String,
    /// Seconds left (negative: expired).
    pub seconds_left: i64,
    /// 007: the services.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<ServiceView>>,
    /// 006: CRC32 of the channel name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crc_channel_name: Option<u32>,
    /// 006: CRC32 of the uid string (0: uid 0, any user).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crc_uid: Option<u32>,
    /// 006: the privileges (expiry as Unix times).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub privileges: Option<Vec<PrivilegeView>>,
}

fn privilege_view(id: u16, name: Option<&'static str>, expire: u32, at: Option<u64>, token_end: u64, now: u32) -> PrivilegeView {
    PrivilegeView {
        id,
        name,
        expire,
        expires_utc: at.map(utc),
        seconds_left: at.map(|at| at.min(token_end) as i64 - i64::from(now)),
    }
}

fn service_view(s: &Service, issue_ts: u32, token_end: u64, now: u32) -> ServiceView {
    let ty = s.service_type();
    let privileges = s
        .privileges()
        .iter()
        .map(|&(id, v)| privilege_view(id, ty.privilege_name(id), v, (v != 0).then(|| u64::from(issue_ts) + u64::from(v)), token_end, now))
        .collect();
    let mut view = ServiceView {
        r#type: ty.id(),
        name: ty.class_name(),
        privileges,
        channel_name: None,
        account: None,
        user_id: None,
        room_uuid: None,
        user_uuid: None,
        role: None,
        permissions: None,
    };
    match s.fields() {
        ServiceFields::Channel { channel_name, account } => {
            view.channel_name = Some(channel_name.clone());
            view.account = Some(account.clone());
        }
        ServiceFields::User { user_id } => view.user_id = Some(user_id.clone()),
        ServiceFields::Empty => {}
        ServiceFields::Apaas { room_uuid, user_uuid, role } => {
            view.room_uuid = Some(room_uuid.clone());
            view.user_uuid = Some(user_uuid.clone());
            view.role = Some(*role);
        }
        ServiceFields::Rtm2 { user_id, permissions } => {
            view.user_id = Some(user_id.clone());
            view.permissions = Some(
                permissions
                    .iter()
                    .map(|p| PermissionView {
                        resource_type: p.resource_type,
                        resource_name: rtm2::RESOURCE_NAMES.get(usize::from(p.resource_type)).copied(),
                        permission_type: p.permission_type,
                        permission_name: rtm2::PERMISSION_NAMES.get(usize::from(p.permission_type)).copied(),
                        resources: p.resources.clone(),
                    })
                    .collect(),
            );
        }
    }
    view
}

fn inspect007(t: &ParsedToken2, app_id: &str, now: u32) -> Inspection {
    let end = t.expires_at();
    Inspection {
        format: "007",
        format_name: Format::V007.name(),
        app_id: t.app_id.clone(),
        app_id_matches: t.app_id == app_id,
        signature_hex: t.signature_hex(),
        salt: t.salt,
        issue_ts: Some(t.issue_ts),
        expire: Some(t.expire),
        expires_at: end,
        expires_utc: utc(end),
        seconds_left: end as i64 - i64::from(now),
        services: Some(t.services.iter().map(|s| service_view(s, t.issue_ts, end, now)).collect()),
        crc_channel_name: None,
        crc_uid: None,
        privileges: None,
    }
}

fn inspect006(t: &ParsedToken, app_id: &str, now: u32) -> Inspection {
    let end = u64::from(t.ts);
    Inspection {
        format: "006",
        format_name: Format::V006.name(),
        app_id: t.app_id.clone(),
        app_id_matches: t.app_id == app_id,
        signature_hex: t.signature_hex(),
        salt: t.salt,
        issue_ts: None,
        expire: None,
        expires_at: end,
        expires_utc: utc(end),
        seconds_left: end as i64 - i64::from(now),
        services: None,
        crc_channel_name: Some(t.crc_channel_name),
        crc_uid: Some(t.crc_uid),
        privileges: Some(
            t.privileges
                .iter()
                .map(|&(id, v)| privilege_view(id, Privilege::name_of(id), v, (v != 0).then_some(u64::from(v)), end, now))
                .collect(),
        ),
    }
}

/// A token's text as sent: surrounding whitespace is ignored, as the CLI does.
fn token_text(token: &str) -> Result<&str, ApiError> {
    let t = token.trim();
    if t.is_empty() {
        return Err(ApiError::missing("token", "must not be empty"));
    }
    Ok(t)
}

/// Every field of a token of either format.
pub fn inspect(token: &str, app_id: &str, now: u32) -> Result<Inspection, ApiError> {
    let t = token_text(token)?;
    match parse_any(t).map_err(|e| ApiError::from_core(&e, &[(e.kind(), "token")]))? {
        AnyToken::V007(p) => Ok(inspect007(&p, app_id, now)),
        AnyToken::V006(p) => Ok(inspect006(&p, app_id, now)),
    }
}

/// The outcome of `POST /verify`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// `true` when every check passed.
    pub valid: bool,
    /// `ok` or the first failing check: `app_id_mismatch`, `signature_mismatch`, `expired`,
    /// `service_missing`, `channel_mismatch`, `uid_mismatch`, `privilege_expired`.
    pub result: &'static str,
    /// What the result means, in a sentence (empty when valid).
    pub reason: &'static str,
    /// `"007"` or `"006"`.
    pub format: &'static str,
    /// What was checked.
    pub checked: &'static str,
}


/// What `POST /verify` checks a token against.
#[derive(Debug, Default)]
pub struct VerifyRequest<'a> {
    /// The token.
    pub token: &'a str,
    /// RTC: the channel…
    pub channel: Option<&'a str>,
    /// …and the user.
    pub user: Option<User>,
    /// RTM: the user id.
    pub rtm_user_id: Option<&'a str>,
    /// Unix seconds (default: now).
    pub now: u32,
}

/// Checks a token against this server's credentials.
pub fn check(c: &Credentials, r: &VerifyRequest<'_>) -> Result<Verification, ApiError> {
    let token = token_text(r.token)?;
    let format = parse_any(token).map_err(|e| ApiError::from_core(&e, &[(e.kind(), "token")]))?.format();
    let core = |e: token_core::TokenError| ApiError::from_core(&e, &[]);
    let rtc = match (r.channel, &r.user) {
        (Some(ch), Some(u)) => Some((ch, u.as_user_id())),
        (None, None) => None,
        (Some(_), None) => return Err(ApiError::missing("uid", "an RTC check needs both channel and uid")),
        (None, Some(_)) => return Err(ApiError::missing("channel", "an RTC check needs both channel and uid")),
    };
    let (result, checked) = match format {
        Format::V007 => {
            let e = Expected007 { app_id: Some(c.app_id()), rtc, rtm: r.rtm_user_id };
            let checked = match (rtc.is_some(), r.rtm_user_id.is_some()) {
                (false, false) => "app id, signature and expiry (no service checked)",
                (true, false) => "app id, signature, expiry, RTC channel, uid and join-channel expiry",
                (false, true) => "app id, signature, expiry, RTM user and login expiry",
                (true, true) => "app id, signature, expiry, RTC channel, uid and join-channel expiry, RTM user and login expiry",
            };
            (verify007(token, c.certificate(), &e, r.now).map_err(core)?, checked)
        }
        Format::V006 => match (rtc, r.rtm_user_id) {
            (Some((channel_name, user)), None) => {
                let e = Expected { app_id: Some(c.app_id()), channel_name, user };
                (verify(token, c.certificate(), &e, r.now).map_err(core)?, "app id, channel, uid, signature, expiry, join-channel expiry")
            }
            (None, Some(account)) => (verify_rtm(token, c.certificate(), account, r.now).map_err(core)?, "RTM account, signature, expiry, login expiry"),
            _ => {
                return Err(ApiError::missing(
                    "channel",
                    "a 006 token is checked against channel and uid, or rtmUserId alone (an RTM token)",
                ))
            }
        },
    };
    Ok(Verification {
        valid: result.is_ok(),
        result: result.as_str(),
        reason: result.explain(r.rtm_user_id.is_some() && rtc.is_none()),
        format: format.version(),
        checked,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{DEMO_APP_CERTIFICATE, DEMO_APP_ID};
    use crate::mint::{rtc, Format as F, RoleName};

    #[test]
    fn inspects_and_verifies_both_formats() {
        let c = Credentials::new(DEMO_APP_ID, DEMO_APP_CERTIFICATE).unwrap();
        let now = token_core::now_secs();
        for format in [F::V007, F::V006] {
            let t = rtc(&c, format, "room", &User::Uid(42), RoleName::Publisher, 600).unwrap();
            let i = inspect(&format!(" {t}\n"), DEMO_APP_ID, now).unwrap();
            assert_eq!(i.format, format.as_str());
            assert!(i.app_id_matches);
            let ok = VerifyRequest { token: &t, channel: Some("room"), user: Some(User::Uid(42)), rtm_user_id: None, now };
            assert!(check(&c, &ok).unwrap().valid);
            let other = VerifyRequest { user: Some(User::Uid(43)), ..ok };
            let v = check(&c, &other).unwrap();
            assert_eq!((v.valid, v.result), (false, "uid_mismatch"));
        }
        assert_eq!(utc(1446455471), "2015-11-02T09:11:11Z");
        let e = inspect("007abc", DEMO_APP_ID, now).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("token"));
        assert!(e.message.starts_with("token: "), "{}", e.message);
    }
}
