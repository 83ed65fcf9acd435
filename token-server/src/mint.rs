//! What the routes mint, on token-core's builders, and the checks of the
//! values people send (uids, roles, lifetimes), each failing with the name of
//! the request field that carried the value.

use serde_json::{Map, Value};
use token_core::v007::builders::{self as b, RtcRole};
use token_core::v007::{privilege, AccessToken2, Arg, ParamKind, RawPermission, RawService, Recipe, Service, ServiceType};
use token_core::{check_uid, now_secs, timestamp_hint, ErrorKind, Role, RtcTokenBuilder, RtmRole, RtmTokenBuilder, TokenError, UserId};

use crate::auth::Subject;
use crate::config::Credentials;
use crate::error::ApiError;

/// The default lifetime of the Go service: one hour.
pub const DEFAULT_EXPIRE: u32 = 3600;
/// A 006 token's own lifetime (its `ts`): the 24 hours of Agora's builders.
pub const TOKEN_LIFETIME_006: u32 = 24 * 3600;

/// Which token format to mint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// AccessToken2, the default.
    V007,
    /// AccessToken, on request.
    V006,
}

impl Format {
    /// `"007"` (or absent) or `"006"`.
    pub fn parse(value: Option<&str>, field: &str) -> Result<Format, ApiError> {
        match value {
            None | Some("007") => Ok(Format::V007),
            Some("006") => Ok(Format::V006),
            Some(other) => Err(ApiError::field("format", field, format_args!("{other:?} is not a token format (\"007\", the default, or \"006\")"))),
        }
    }

    /// `"006"` or `"007"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::V007 => "007",
            Format::V006 => "006",
        }
    }
}

/// A numeric uid or a user account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum User {
    /// 0..=4294967295 (0: any user).
    Uid(u32),
    /// A string account.
    Account(String),
}

impl User {
    /// As the core takes it.
    pub fn as_user_id(&self) -> UserId<'_> {
        match self {
            User::Uid(n) => UserId::Uid(*n),
            User::Account(a) => UserId::Account(a),
        }
    }

    /// The JWT subject: the uid's decimal form or the account (`None` for uid 0).
    pub fn subject(&self, field: &str) -> Subject {
        match self {
            User::Uid(0) => Subject::new(field, None),
            User::Uid(n) => Subject::new(field, Some(n.to_string())),
            User::Account(a) => Subject::new(field, Some(a.clone())),
        }
    }

    /// The Go service's rule for a uid given as text: digits only make a
    /// numeric uid, anything else an account. Unlike that service, a number
    /// past 32 bits is refused (it wrapped it, to 0 for 4294967296: a token
    /// for any user) and so is a negative number (the signed view of a uid).
    pub fn from_text(text: &str, field: &str) -> Result<User, ApiError> {
        if text.is_empty() {
            return Err(ApiError::missing(field, "must not be empty (a uid or user account)"));
        }
        let digits = text.strip_prefix('-').unwrap_or(text);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let n: i128 = if digits.len() > 30 {
                // Far past any range: keep the message short and exact about the limit.
                return Err(ApiError::field("uid", field, format_args!("{} digits is outside 0..=4294967295", digits.len())));
            } else {
                text.parse().expect("checked digits")
            };
            return check_uid(n).map(User::Uid).map_err(|e| ApiError::from_core(&e, &[(ErrorKind::Uid, field)]));
        }
        Ok(User::Account(text.to_owned()))
    }

    /// A uid given as JSON: a string ([`User::from_text`]) or an integer.
    pub fn from_json(value: &Value, field: &str) -> Result<User, ApiError> {
        match value {
            Value::String(s) => User::from_text(s, field),
            Value::Number(n) => match n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from)) {
                Some(n) => check_uid(n).map(User::Uid).map_err(|e| ApiError::from_core(&e, &[(ErrorKind::Uid, field)])),
                None => Err(ApiError::field("uid", field, format_args!("{n} is not a whole number in 0..=4294967295"))),
            },
            other => Err(wrong_type(field, "a string (uid or account) or an integer uid", other)),
        }
    }

    /// The text form, as the Go service's `uid` string carries it.
    pub fn text(&self) -> String {
        match self {
            User::Uid(n) => n.to_string(),
            User::Account(a) => a.clone(),
        }
    }
}

/// An RTC role as the Go service names it (007: publisher, subscriber; 006 also attendee, admin).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleName {
    /// Publisher.
    Publisher,
    /// Subscriber.
    Subscriber,
    /// 006 only: kRoleAttendee.
    Attendee,
    /// 006 only: kRoleAdmin.
    Admin,
}

impl RoleName {
    /// Parses a role name (ASCII case ignored). The Go service silently made
    /// any other value a subscriber; this refuses it.
    pub fn parse(text: &str, field: &str, format: Format) -> Result<RoleName, ApiError> {
        let role = match text.to_ascii_lowercase().as_str() {
            "publisher" => RoleName::Publisher,
            "subscriber" => RoleName::Subscriber,
            "attendee" if format == Format::V006 => RoleName::Attendee,
            "admin" if format == Format::V006 => RoleName::Admin,
            _ => {
                let allowed = match format {
                    Format::V007 => "\"publisher\" or \"subscriber\"",
                    Format::V006 => "\"publisher\", \"subscriber\", \"attendee\" or \"admin\" (006)",
                };
                return Err(ApiError::field("role", field, format_args!("{text:?} is not a role: use {allowed}")));
            }
        };
        Ok(role)
    }

    fn v007(self) -> RtcRole {
        match self {
            RoleName::Publisher => RtcRole::Publisher,
            _ => RtcRole::Subscriber,
        }
    }

    fn v006(self) -> Role {
        match self {
            RoleName::Publisher => Role::Publisher,
            RoleName::Subscriber => Role::Subscriber,
            RoleName::Attendee => Role::Attendee,
            RoleName::Admin => Role::Admin,
        }
    }
}

/// A lifetime in seconds from now, from people: refused when negative, past
/// 32 bits, or when it looks like a Unix time (`expire=$(date +%s)`).
pub fn lifetime(seconds: i128, field: &str) -> Result<u32, ApiError> {
    if seconds < 0 {
        return Err(ApiError::field("expire", field, format_args!("{seconds} is negative; give a lifetime in seconds from now (e.g. 3600)")));
    }
    if let Some(hint) = timestamp_hint(seconds) {
        return Err(ApiError::field("expire", field, hint));
    }
    u32::try_from(seconds).map_err(|_| ApiError::field("expire", field, format_args!("{seconds} is outside 0..=4294967295")))
}

/// A lifetime from a query string (`?expiry=`): digits only, at least 1.
pub fn lifetime_text(text: &str, field: &str) -> Result<u32, ApiError> {
    let trimmed = text.trim();
    let n: i128 = trimmed
        .parse()
        .map_err(|_| ApiError::field("expire", field, format_args!("{text:?} is not a whole number of seconds (e.g. 3600)")))?;
    let n = lifetime(n, field)?;
    if n == 0 {
        return Err(ApiError::field(
            "expire",
            field,
            "0 would make a token that expires at once; omit it for the default 3600 seconds",
        ));
    }
    Ok(n)
}

/// A JSON value of the wrong type.
pub fn wrong_type(field: &str, want: &str, got: &Value) -> ApiError {
    let got = match got {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    ApiError::field("invalid", field, format_args!("must be {want}, not {got}"))
}

/// Mints an RTC token: the role's privileges for `expire` seconds (007), or
/// until now + `expire` in a 24-hour token (006).
pub fn rtc(c: &Credentials, format: Format, channel: &str, user: &User, role: RoleName, expire: u32) -> Result<String, TokenError> {
    match format {
        Format::V007 => b::rtc(c.app_id(), c.certificate(), channel, user.as_user_id(), role.v007(), expire, expire)?.build(),
        Format::V006 => RtcTokenBuilder::build_token(c.app_id(), c.certificate(), channel, user.as_user_id(), role.v006(), now_secs().saturating_add(expire)),
    }
}

/// Mints an RTM token; with a stream channel (007), also RTC JoinChannel and
/// PublishDataStream in that channel for the same user, as the Go service's
/// `rtmtokenbuilder.BuildToken(…, streamName)` does.
pub fn rtm(c: &Credentials, format: Format, user_id: &str, expire: u32, stream_channel: Option<&str>) -> Result<String, TokenError> {
    match (format, stream_channel) {
        (Format::V007, None) => b::rtm(c.app_id(), c.certificate(), user_id, expire)?.build(),
        (Format::V007, Some(channel)) => {
            let mut t = AccessToken2::new(c.app_id(), c.certificate(), expire)?;
            let mut rtc = Service::rtc(channel, UserId::Account(user_id))?;
            rtc.add_privilege(privilege::JOIN_CHANNEL, expire)?;
            rtc.add_privilege(privilege::PUBLISH_DATA_STREAM, expire)?;
            let mut rtm = Service::rtm(user_id)?;
            rtm.add_privilege(privilege::LOGIN, expire)?;
            t.add_service(rtc);
            t.add_service(rtm);
            t.build()
        }
        (Format::V006, _) => RtmTokenBuilder::build_token(c.app_id(), c.certificate(), user_id, RtmRole::RtmUser, now_secs().saturating_add(expire)),
    }
}

/// Mints a Chat token: for a user, or the app's (`None`).
pub fn chat(c: &Credentials, user_id: Option<&str>, expire: u32) -> Result<String, TokenError> {
    match user_id {
        Some(u) => b::chat_user(c.app_id(), c.certificate(), u, expire)?.build(),
        None => b::chat_app(c.app_id(), c.certificate(), expire)?.build(),
    }
}

/// A 006 token lives 24 hours: a longer lifetime is refused rather than cut short.
pub fn check_006_lifetime(format: Format, expire: u32, field: &str) -> Result<(), ApiError> {
    if format == Format::V006 && expire > TOKEN_LIFETIME_006 {
        return Err(ApiError::field(
            "expire",
            field,
            format_args!("{expire} s is past the 24 hours (86400 s) a 006 token lives; ask for at most 86400, or for format 007"),
        ));
    }
    Ok(())
}

/// The recipe parameters that name a user (checked against a JWT's claim).
const USER_PARAMS: &[&str] = &["uid", "account", "user_id", "user_uuid", "rtc_account", "rtm_user_id"];

/// A builder call from `POST /build`: the core's recipe table, with the
/// arguments by their python3 names (`{"channel_name": "c", "uid": 42, "role": 1, "token_expire": 600}`).
#[derive(Debug)]
pub struct BuildCall {
    /// The row.
    pub recipe: &'static Recipe,
    values: Vec<ArgValue>,
    /// The users the token is for.
    pub subjects: Vec<Subject>,
}

#[derive(Debug)]
enum ArgValue {
    Str(String),
    Int(i64),
    Permissions(Vec<RawPermission>),
}

fn permissions(value: &Value, field: &str) -> Result<Vec<RawPermission>, ApiError> {
    let want = "a list of {\"resource_type\", \"permission_type\", \"resources\"} objects (or [resource_type, permission_type, [resources]])";
    let Value::Array(items) = value else { return Err(wrong_type(field, want, value)) };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("{field}[{i}]");
            let (rt, pt, res) = match item {
                Value::Object(o) => (o.get("resource_type"), o.get("permission_type"), o.get("resources")),
                Value::Array(a) if a.len() == 3 => (a.first(), a.get(1), a.get(2)),
                other => return Err(wrong_type(&at, want, other)),
            };
            let int = |v: Option<&Value>, name: &str| {
                v.and_then(Value::as_i64).ok_or_else(|| ApiError::field("permission", &format!("{at}.{name}"), "must be an integer"))
            };
            let resources = match res {
                Some(Value::Array(r)) => r
                    .iter()
                    .map(|s| s.as_str().map(str::to_owned).ok_or_else(|| ApiError::field("permission", &format!("{at}.resources"), "must be a list of strings")))
                    .collect::<Result<Vec<_>, _>>()?,
                _ => return Err(ApiError::field("permission", &format!("{at}.resources"), "must be a list of strings")),
            };
            Ok(RawPermission { resource_type: int(rt, "resource_type")?, permission_type: int(pt, "permission_type")?, resources })
        })
        .collect()
}

fn role_value(value: &Value, field: &str) -> Result<i64, ApiError> {
    match value {
        Value::String(s) => match s.to_ascii_lowercase().as_str() {
            "publisher" => Ok(1),
            "subscriber" => Ok(2),
            _ => Err(ApiError::field("role", field, format_args!("{s:?} is not a role: use 1 or \"publisher\", 2 or \"subscriber\""))),
        },
        Value::Number(n) => n.as_i64().ok_or_else(|| ApiError::field("role", field, format_args!("{n} is not a role"))),
        other => Err(wrong_type(field, "1, 2, \"publisher\" or \"subscriber\"", other)),
    }
}

impl BuildCall {
    /// Checks `builder` and `args` against the recipe table.
    pub fn new(builder: &str, args: &Map<String, Value>) -> Result<BuildCall, ApiError> {
        let Some((_, recipe)) = Recipe::find(builder) else {
            let names: Vec<&str> = token_core::v007::RECIPES.iter().map(|r| r.name).collect();
            return Err(ApiError::field("builder", "builder", format_args!("{builder:?} is not a builder (GET /builders lists them: {})", names.join(", "))));
        };
        if let Some(unknown) = args.keys().find(|k| !recipe.params.iter().any(|p| p.name == k.as_str())) {
            let names: Vec<&str> = recipe.params.iter().map(|p| p.name).collect();
            return Err(ApiError::field(
                "unknown_field",
                &format!("args.{unknown}"),
                format_args!("not a parameter of {} (its parameters: {})", recipe.name, if names.is_empty() { "none".into() } else { names.join(", ") }),
            ));
        }
        let last = recipe.params.iter().rposition(|p| args.contains_key(p.name)).map_or(0, |i| i + 1);
        let mut values = Vec::with_capacity(last);
        let mut subjects = Vec::new();
        for p in &recipe.params[..last] {
            let field = format!("args.{}", p.name);
            let Some(v) = args.get(p.name) else {
                return Err(ApiError::missing(&field, format_args!("{} needs it before the later arguments given", recipe.name)));
            };
            let value = match p.kind {
                ParamKind::Str => ArgValue::Str(v.as_str().ok_or_else(|| wrong_type(&field, "a string", v))?.to_owned()),
                ParamKind::Permissions => ArgValue::Permissions(permissions(v, &field)?),
                ParamKind::RtcRole => ArgValue::Int(role_value(v, &field)?),
                ParamKind::Expire | ParamKind::PrivilegeExpire => {
                    let n = v.as_i64().ok_or_else(|| wrong_type(&field, "an integer (seconds from now)", v))?;
                    ArgValue::Int(i64::from(lifetime(i128::from(n), &field)?))
                }
                ParamKind::Uid => ArgValue::Int(match User::from_json(v, &field)? {
                    User::Uid(n) => i64::from(n),
                    User::Account(_) => return Err(wrong_type(&field, "a numeric uid (0..=4294967295)", v)),
                }),
                _ => ArgValue::Int(v.as_i64().ok_or_else(|| wrong_type(&field, "an integer", v))?),
            };
            if USER_PARAMS.contains(&p.name) {
                let user = match &value {
                    ArgValue::Int(0) => None,
                    ArgValue::Int(n) => Some(n.to_string()),
                    ArgValue::Str(s) => Some(s.clone()),
                    ArgValue::Permissions(_) => None,
                };
                subjects.push(Subject::new(&field, user));
            }
            values.push(value);
        }
        Ok(BuildCall { recipe, values, subjects })
    }

    /// Builds the token.
    pub fn build(&self, c: &Credentials) -> Result<String, ApiError> {
        let args: Vec<Arg<'_>> = self
            .values
            .iter()
            .map(|v| match v {
                ArgValue::Str(s) => Arg::Str(s),
                ArgValue::Int(n) => Arg::Int(*n),
                ArgValue::Permissions(p) => Arg::Permissions(p.clone()),
            })
            .collect();
        self.recipe
            .build_token(c.app_id(), c.certificate(), &args, Default::default())
            .map_err(|e| {
                let mut err = ApiError::from_core(&e, &[]);
                if let Some(f) = err.field.take() {
                    let field = if f.starts_with("args.") || f == "builder" { f } else { format!("args.{f}") };
                    err.message = format!("{field}: {}", err.message.split_once(": ").map_or(err.message.as_str(), |(_, r)| r));
                    err.field = Some(field);
                }
                err
            })
    }
}

/// The fields a service takes in `POST /build/services` (the core's `RawService`).
pub const SERVICE_FIELDS: &[&str] =
    &["type", "privileges", "channel_name", "uid", "user_account", "user_id", "room_uuid", "user_uuid", "role", "permissions"];

/// The service field behind each of the core's categories.
const SERVICE_KIND_FIELDS: &[(ErrorKind, &str)] = &[
    (ErrorKind::Service, "type"),
    (ErrorKind::Privilege, "privileges"),
    (ErrorKind::ExpireTs, "privileges"),
    (ErrorKind::Permission, "permissions"),
    (ErrorKind::Uid, "uid"),
    (ErrorKind::UserAccount, "user_account"),
    (ErrorKind::ChannelName, "channel_name"),
    (ErrorKind::UserId, "user_id"),
    (ErrorKind::RoomUuid, "room_uuid"),
    (ErrorKind::UserUuid, "user_uuid"),
    (ErrorKind::Role, "role"),
];

/// A token described as data (`POST /build/services`): any mix of the ten
/// 007 services, each checked by the core, errors naming `services[i].field`.
#[derive(Debug)]
pub struct ServicesCall {
    services: Vec<Service>,
    expire: u32,
    /// The users the token is for (`None` for uid 0 and for services without a user).
    pub subjects: Vec<Subject>,
}

impl ServicesCall {
    /// Checks `services` (a JSON array) and the token's `expire`.
    pub fn new(services: &Value, expire: u32) -> Result<ServicesCall, ApiError> {
        let Value::Array(items) = services else {
            return Err(wrong_type("services", "a list of services", services));
        };
        if items.is_empty() {
            return Err(ApiError::field("no_service", "services", "give at least one service"));
        }
        let mut out = Vec::with_capacity(items.len());
        let mut subjects = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let at = |f: &str| format!("services[{i}].{f}");
            let Value::Object(o) = item else { return Err(wrong_type(&format!("services[{i}]"), "an object", item)) };
            if let Some(k) = o.keys().find(|k| !SERVICE_FIELDS.contains(&k.as_str())) {
                return Err(ApiError::field("unknown_field", &at(k), format_args!("not a service field (fields: {})", SERVICE_FIELDS.join(", "))));
            }
            let text = |f: &str| -> Result<Option<&str>, ApiError> {
                match o.get(f) {
                    None | Some(Value::Null) => Ok(None),
                    Some(Value::String(v)) => Ok(Some(v)),
                    Some(v) => Err(wrong_type(&at(f), "a string", v)),
                }
            };
            let int = |f: &str| -> Result<Option<i64>, ApiError> {
                match o.get(f) {
                    None | Some(Value::Null) => Ok(None),
                    Some(v) => v.as_i64().map(Some).ok_or_else(|| wrong_type(&at(f), "an integer", v)),
                }
            };
            let service_type = int("type")?.ok_or_else(|| ApiError::missing(&at("type"), "a service type, 1..=10"))?;
            let mut privileges = Vec::new();
            match o.get("privileges") {
                None | Some(Value::Null) => {}
                Some(Value::Array(list)) => {
                    for (j, p) in list.iter().enumerate() {
                        let field = at(&format!("privileges[{j}]"));
                        let pair = p.as_array().filter(|a| a.len() == 2).and_then(|a| Some((a[0].as_i64()?, a[1].as_i64()?)));
                        let (id, secs) = pair.ok_or_else(|| wrong_type(&field, "[privilege id, seconds from now]", p))?;
                        privileges.push((id, i64::from(lifetime(i128::from(secs), &field)?)));
                    }
                }
                Some(other) => return Err(wrong_type(&at("privileges"), "a list of [privilege id, seconds from now]", other)),
            }
            let raw = RawService {
                service_type,
                privileges,
                channel_name: text("channel_name")?,
                uid: int("uid")?,
                user_account: text("user_account")?,
                user_id: text("user_id")?,
                room_uuid: text("room_uuid")?,
                user_uuid: text("user_uuid")?,
                role: int("role")?,
                permissions: match o.get("permissions") {
                    None | Some(Value::Null) => Vec::new(),
                    Some(p) => permissions(p, &at("permissions"))?,
                },
            };
            let service = raw.to_service().map_err(|e| {
                let mut err = ApiError::from_core(&e, SERVICE_KIND_FIELDS);
                let inner = err.field.take().filter(|f| SERVICE_FIELDS.contains(&f.as_str())).unwrap_or_else(|| "type".to_owned());
                let field = at(&inner);
                err.message = format!("{field}: {}", err.message.split_once(": ").map_or(err.message.as_str(), |(_, r)| r));
                err.field = Some(field);
                err
            })?;
            let users: Vec<Option<String>> = match (raw.uid, raw.user_account, raw.user_id, raw.user_uuid) {
                (Some(0), ..) => vec![None],
                (Some(n), ..) => vec![Some(n.to_string())],
                (None, Some(a), ..) => vec![Some(a.to_owned())],
                (None, None, Some(u), _) if !u.is_empty() => vec![Some(u.to_owned())],
                (None, None, _, Some(u)) if !u.is_empty() => vec![Some(u.to_owned())],
                _ => vec![None],
            };
            let field = match service.service_type() {
                ServiceType::Rtc | ServiceType::Streaming | ServiceType::FCdn => at(if raw.uid.is_some() { "uid" } else { "user_account" }),
                ServiceType::Rtm | ServiceType::Rtm2 | ServiceType::Chat => at("user_id"),
                ServiceType::Apaas => at("user_uuid"),
                _ => format!("services[{i}]"),
            };
            subjects.extend(users.into_iter().map(|u| Subject::new(&field, u)));
            out.push(service);
        }
        Ok(ServicesCall { services: out, expire, subjects })
    }

    /// The service types, by name (for metrics).
    pub fn kind(&self) -> String {
        let mut names: Vec<&str> = self.services.iter().map(|s| s.service_type().name()).collect();
        names.dedup();
        names.join("+")
    }

    /// Builds the token.
    pub fn build(self, c: &Credentials) -> Result<String, ApiError> {
        let core = |e: TokenError| ApiError::from_core(&e, &[]);
        let mut t = AccessToken2::new(c.app_id(), c.certificate(), self.expire).map_err(core)?;
        for s in self.services {
            t.add_service(s);
        }
        t.build().map_err(core)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{DEMO_APP_CERTIFICATE, DEMO_APP_ID};
    use token_core::{verify007, Expected007};

    fn creds() -> Credentials {
        Credentials::new(DEMO_APP_ID, DEMO_APP_CERTIFICATE).unwrap()
    }

    #[test]
    fn uids_from_text_follow_the_go_rule_without_wrapping() {
        assert_eq!(User::from_text("42", "uid").unwrap(), User::Uid(42));
        assert_eq!(User::from_text("00042", "uid").unwrap(), User::Uid(42));
        assert_eq!(User::from_text("4294967295", "uid").unwrap(), User::Uid(u32::MAX));
        assert_eq!(User::from_text("alice", "uid").unwrap(), User::Account("alice".into()));
        assert_eq!(User::from_text("4a", "uid").unwrap(), User::Account("4a".into()));
        let e = User::from_text("4294967296", "rtcuid").unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), ("uid", Some("rtcuid")));
        assert!(e.message.starts_with("rtcuid: 4294967296 is outside"), "{}", e.message);
        let e = User::from_text("-1", "uid").unwrap_err();
        assert!(e.message.contains("signed"), "{}", e.message);
        assert!(User::from_text(&"9".repeat(40), "uid").is_err());
        assert_eq!(User::from_text("", "uid").unwrap_err().code, "missing");
        assert_eq!(User::from_json(&serde_json::json!(7), "uid").unwrap(), User::Uid(7));
        assert!(User::from_json(&serde_json::json!(1.5), "uid").is_err());
        assert!(User::from_json(&serde_json::json!(true), "uid").unwrap_err().message.contains("boolean"));
    }

    #[test]
    fn roles_and_lifetimes() {
        assert_eq!(RoleName::parse("Publisher", "role", Format::V007).unwrap(), RoleName::Publisher);
        let e = RoleName::parse("publsher", "role", Format::V007).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), ("role", Some("role")));
        assert!(RoleName::parse("admin", "role", Format::V007).is_err());
        assert_eq!(RoleName::parse("admin", "role", Format::V006).unwrap(), RoleName::Admin);
        assert_eq!(lifetime(3600, "expire").unwrap(), 3600);
        assert!(lifetime(-1, "expire").is_err());
        assert!(lifetime(1_796_050_060, "expire").unwrap_err().message.contains("Unix timestamp"));
        assert!(lifetime_text("0", "expiry").is_err());
        assert!(lifetime_text("abc", "expiry").unwrap_err().message.starts_with("expiry: "));
        assert!(check_006_lifetime(Format::V006, 86401, "expire").is_err());
        assert!(check_006_lifetime(Format::V007, 86401, "expire").is_ok());
    }

    #[test]
    fn rtm_with_a_stream_channel_grants_the_channel() {
        let c = creds();
        let t = rtm(&c, Format::V007, "alice", 600, Some("room")).unwrap();
        let p = token_core::parse007(&t).unwrap();
        assert_eq!(p.services.len(), 2);
        let e = Expected007 { rtc: Some(("room", UserId::Account("alice"))), rtm: Some("alice"), ..Default::default() };
        assert!(verify007(&t, c.certificate(), &e, now_secs()).unwrap().is_ok());
        assert_eq!(p.services[0].privileges(), [(1, 600), (4, 600)]);
    }

    #[test]
    fn build_calls_check_arguments_by_name() {
        let c = creds();
        let args = serde_json::json!({"channel_name": "c", "uid": 42, "role": "publisher", "token_expire": 600});
        let call = BuildCall::new("rtc.build_token_with_uid", args.as_object().unwrap()).unwrap();
        assert_eq!(call.subjects, [Subject::new("args.uid", Some("42".into()))]);
        let t = call.build(&c).unwrap();
        let e = Expected007 { rtc: Some(("c", UserId::Uid(42))), ..Default::default() };
        assert!(verify007(&t, c.certificate(), &e, now_secs()).unwrap().is_ok());
        let bad = serde_json::json!({"channel_name": "c", "uid": 42, "role": 1, "token_expire": 600, "colour": 1});
        let e = BuildCall::new("rtc.build_token_with_uid", bad.as_object().unwrap()).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("args.colour"));
        let missing = serde_json::json!({"channel_name": "c", "role": 1});
        assert_eq!(BuildCall::new("rtc.build_token_with_uid", missing.as_object().unwrap()).unwrap_err().field.as_deref(), Some("args.uid"));
        let short = serde_json::json!({"channel_name": "c", "uid": 1});
        let e = BuildCall::new("rtc.build_token_with_uid", short.as_object().unwrap()).unwrap().build(&c).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("args.role"), "{}", e.message);
        let bad_channel = serde_json::json!({"channel_name": "a/b", "uid": 1, "role": 1, "token_expire": 60});
        let e = BuildCall::new("rtc.build_token_with_uid", bad_channel.as_object().unwrap()).unwrap().build(&c).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), ("channel_name", Some("args.channel_name")), "{}", e.message);
        assert!(BuildCall::new("nope", &Map::new()).is_err());
        let fpa = BuildCall::new("fpa.build_token", &Map::new()).unwrap();
        assert!(fpa.subjects.is_empty());
        assert!(fpa.build(&c).unwrap().starts_with("007"));
        let raw = serde_json::json!([{"type": 3, "privileges": [[1, 60], [2, 60]], "channel_name": "c", "uid": 7}, {"type": 6, "privileges": [[2, 0]], "channel_name": "c", "user_account": "a"}]);
        let call = ServicesCall::new(&raw, 600).unwrap();
        assert_eq!(call.subjects, [Subject::new("services[0].uid", Some("7".into())), Subject::new("services[1].user_account", Some("a".into()))]);
        assert_eq!(call.kind(), "streaming+fcdn");
        assert_eq!(token_core::parse007(call.build(&c).unwrap()).unwrap().services.len(), 2);
        let bad = serde_json::json!([{"type": 4}, {"type": 1, "channel_name": "a/b", "uid": 1}]);
        let e = ServicesCall::new(&bad, 60).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), ("channel_name", Some("services[1].channel_name")), "{}", e.message);
        let e = ServicesCall::new(&serde_json::json!([{"type": 11}]), 60).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), ("service", Some("services[0].type")), "{}", e.message);
        let e = ServicesCall::new(&serde_json::json!([{"type": 1, "channel_name": "c", "uid": 1, "privileges": [[9, 1]]}]), 60).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), ("privilege", Some("services[0].privileges")), "{}", e.message);
        assert_eq!(ServicesCall::new(&serde_json::json!([{"type": 4}]), 60).unwrap().subjects, [Subject::new("services[0]", None)]);
        let perms = serde_json::json!({"user_id": "u", "permissions": [[0, 0, ["ch"]], {"resource_type": 1, "permission_type": 1, "resources": []}], "expire": 60});
        assert!(BuildCall::new("rtm.build_token_with_permissions", perms.as_object().unwrap()).unwrap().build(&c).is_ok());
    }
}
