//! AccessToken2 (007): every conversion between JavaScript values and
//! token-core's 007 types is in this file.
//!
//! The native surface is general; `v2.js` writes Agora's reference-named
//! builders over it, one line each:
//! - `build007` / `build007Pinned` (raw callbacks in `fast.rs`, bodies
//!   here): one row of the core's recipe table (`RECIPES`) by index, with
//!   the reference builder's arguments; the core checks ranges, picks the
//!   role's privileges, applies defaults and packs;
//! - `buildToken007`: a token described as data (the `AccessToken2` class
//!   API), checked by `RawToken`;
//! - `parse007`, `parseAny`, `verify007`;
//! - `tables007`: the recipe table, the services with their privilege
//!   names, the RTC roles and RTM2 names, so that `v2.js` keeps no table.

use napi_derive::napi;
use token_core::v007::{
    rtm2, Arg, Param, ParamKind, Pin, RawOtherService, RawPermission, RawService, RawToken, Recipe, RtcRole,
    ServiceFields,
};
use token_core::v007::{ServiceType, RECIPES};
use token_core::{check_now, check_uid, hex_lower, validate, AnyToken, ErrorKind, Expected007, UserId};

use crate::fast::{self, is_absent, Args, Thrown};
use crate::text::Text;
use crate::{guard, i64_arg, integral, js_err, NamedValue, ParsedToken, Result};

// ---- one generic builder entry ---------------------------------------------

/// One argument read from JavaScript, before it is lent to the core. (A
/// `Text` is large, its inline buffer saving a heap copy per string; a call
/// holds at most ten of these.)
#[allow(clippy::large_enum_variant)]
enum Held {
    Text(Text),
    Int(i64),
    Permissions(Vec<RawPermission>),
    Null,
}

impl Held {
    fn arg(&mut self) -> Arg<'_> {
        match self {
            Held::Text(t) => Arg::Str(&t[..]),
            Held::Int(n) => Arg::Int(*n),
            Held::Permissions(p) => Arg::Permissions(std::mem::take(p)),
            Held::Null => Arg::Null,
        }
    }
}

/// RTM2 grants as JavaScript hands them over: `[resourceType, permissionType, [resources]]`.
type PermissionData = (f64, f64, Vec<String>);

fn permissions(data: Vec<PermissionData>) -> Result<Vec<RawPermission>> {
    data.into_iter()
        .map(|(resource_type, permission_type, resources)| {
            Ok(RawPermission {
                resource_type: i64_arg(ErrorKind::Permission, resource_type)?,
                permission_type: i64_arg(ErrorKind::Permission, permission_type)?,
                resources,
            })
        })
        .collect()
}

/// A numeric uid: outside 0..=4294967295 is `uid`, with the core's hint for
/// a negative value (the signed view of an unsigned uid).
fn uid(n: i64) -> Result<i64> {
    check_uid(i128::from(n)).map(i64::from).map_err(js_err)
}

/// The body of `build007(index, appId, appCertificate, ...args)` and
/// `build007Pinned(index, issueTs, salt, appId, appCertificate, ...args)`.
///
/// Each argument is read by its parameter's kind in the recipe: strings
/// (a `TypeError` otherwise), integers (numbers or bigints), RTM2 grants.
/// Trailing `undefined`/`null` arguments are omitted, so the core applies
/// the reference's default; a missing argument without one is a `TypeError`.
///
/// `accepting` (the `agoratoken/agora-token` modules: what npm's builders
/// accept when the token is right) also takes, each by the core's rule, a
/// numeric uid as canonical decimal text (`uid_from_decimal`), an expiry or
/// role as canonical decimal text (`u32_from_decimal`: npm packs `'3600'` as
/// 3600), a fractional expiry (`check_u32_f64`: truncated) and a
/// `null`/`undefined` RTC role before the last argument (`Arg::Null`: join
/// only).
pub(crate) fn build(a: Args<'_>, pinned: bool, accepting: bool) -> fast::Result<String> {
    let index = a.integer(0, "builder index", ErrorKind::Internal)?;
    let recipe = Recipe::at(usize::try_from(index).unwrap_or(usize::MAX)).map_err(js_err)?;
    let (pin, first) = if pinned {
        let issue_ts = a.optional_integer(1, "issueTs", ErrorKind::IssueTs)?;
        let salt = a.optional_integer(2, "salt", ErrorKind::Salt)?;
        (Pin::checked(issue_ts, salt).map_err(js_err)?, 3)
    } else {
        (Pin::default(), 1)
    };
    let app_id = a.text(first, "appId")?;
    let app_certificate = a.text(first + 1, "appCertificate")?;
    let from = first + 2;
    let mut end = a.count.max(from);
    while end > from && is_absent(a.env, a.get(end - 1)) {
        end -= 1;
    }
    let mut held = Vec::with_capacity(end - from);
    for (i, param) in (from..end).zip(
        recipe
            .params
            .iter()
            .map(Some)
            .chain(std::iter::repeat(None)),
    ) {
        held.push(match param {
            // More arguments than parameters: the core refuses the call.
            None => Held::Int(0),
            // npm's buildTokenWithPermissions(…, 42, …): the core reads a numeric user id.
            Some(p)
                if accepting
                    && recipe.takes_numeric_user_id(i - from)
                    && fast::type_name(a.env, a.get(i)) == "type number" =>
            {
                Held::Int(uid(a.integer(i, p.name, ErrorKind::Uid)?)?)
            }
            Some(p) if p.kind == ParamKind::Str => Held::Text(a.text(i, p.name)?),
            Some(p) if p.kind == ParamKind::Permissions => {
                let expected =
                    "an array of [resourceType, permissionType, [resources]] or an Rtm2Permissions";
                Held::Permissions(permissions(a.convert(i, p.name, expected)?)?)
            }
            Some(p) if accepting => accepted(&a, i, p)?,
            Some(p) if p.kind == ParamKind::Uid => {
                Held::Int(uid(a.integer(i, p.name, ErrorKind::Uid)?)?)
            }
            Some(p) => Held::Int(a.integer(i, p.name, p.kind.error_kind())?),
        });
    }
    if let Some(p) = recipe
        .params
        .iter()
        .skip(end - from)
        .find(|p| p.default.is_none())
    {
        let message = format!(
            "{}: missing (the builder has no default for it)",
            fast::camel(p.name)
        );
        return Err(Thrown::TypeError(napi::bindgen_prelude::Error::new(
            "null_argument",
            message,
        )));
    }
    let args: Vec<Arg<'_>> = held.iter_mut().map(Held::arg).collect();
    Ok(recipe
        .build_token(&app_id, &app_certificate, &args, pin)
        .map_err(js_err)?)
}

/// One integer argument as npm's builders take it (see `build`).
fn accepted(a: &Args<'_>, i: usize, param: &Param) -> fast::Result<Held> {
    let (kind, name) = (param.kind, param.name);
    let value = a.get(i);
    if kind == ParamKind::RtcRole && is_absent(a.env, value) {
        return Ok(Held::Null);
    }
    match (kind, fast::type_name(a.env, value)) {
        // npm's Buffer.writeUInt32LE / writeInt16LE take '3600' as 3600; '03600', '3600.5'
        // and 'abc' throw the parameter's category here (npm would pack something else).
        (_, "type string") => Ok(Held::Int(param.from_decimal(&a.text(i, name)?).map_err(js_err)?)),
        (ParamKind::Expire | ParamKind::PrivilegeExpire, "type number") => {
            let n = a.number(i)?;
            Ok(Held::Int(i64::from(validate::check_u32_f64(kind.error_kind(), n).map_err(js_err)?)))
        }
        (ParamKind::Uid, _) => Ok(Held::Int(uid(a.integer(i, name, ErrorKind::Uid)?)?)),
        _ => Ok(Held::Int(a.integer(i, name, kind.error_kind())?)),
    }
}

/// `checkF64(category, value)`: a JS number for an unsigned 32-bit field of
/// that category (`"expire"`, `"expire_ts"`, `"salt"`, `"ts"`, ...), truncated
/// toward zero as npm's builders pack it (token-core's `check_u32_f64`).
#[napi(js_name = "checkF64")]
pub fn check_f64(category: String, value: f64) -> Result<u32> {
    guard(|| {
        let kind = ErrorKind::from_name(&category)
            .ok_or_else(|| napi::bindgen_prelude::Error::new("internal", format!("internal: no category {category}")))?;
        validate::check_u32_f64(kind, value).map_err(js_err)
    })
}

/// `uidFromDecimal(text)`: a numeric uid given as text (`req.query.uid`),
/// canonical decimal only (token-core's `uid_from_decimal`).
#[napi(js_name = "uidFromDecimal")]
pub fn uid_from_decimal(text: Text) -> Result<u32> {
    guard(|| validate::uid_from_decimal(&text).map_err(js_err))
}

/// `u32FromDecimal(category, text)`: a number for an unsigned 32-bit field
/// of that category (`"expire_ts"`, `"salt"`, `"ts"`, `"role"`, ...) given as
/// text, as npm's builders pack `'3600'`: canonical decimal only (token-core's
/// `u32_from_decimal`; `'03600'`, `'3600.5'`, `'abc'` throw that category).
#[napi(js_name = "u32FromDecimal")]
pub fn u32_from_decimal(category: String, text: Text) -> Result<u32> {
    guard(|| {
        let kind = ErrorKind::from_name(&category)
            .ok_or_else(|| napi::bindgen_prelude::Error::new("internal", format!("internal: no category {category}")))?;
        validate::u32_from_decimal(kind, &text).map_err(js_err)
    })
}

/// What a `null` RTC role builds in npm's builders: join only (token-core's
/// `Role::JOIN_ONLY` for 006, `RtcRole::JOIN_ONLY` for 007).
#[napi(object)]
pub struct JoinOnlyRoles {
    pub v006: i32,
    pub v007: i32,
}

#[napi(js_name = "joinOnlyRoles")]
pub fn join_only_roles() -> JoinOnlyRoles {
    JoinOnlyRoles {
        v006: i32::from(token_core::Role::JOIN_ONLY.value()),
        v007: i32::from(RtcRole::JOIN_ONLY.value()),
    }
}

// ---- the tables ------------------------------------------------------------

/// One parameter of a builder: its python3 name, kind and default.
#[napi(object)]
pub struct RecipeParam {
    pub name: String,
    pub kind: String,
    pub default: Option<i64>,
}

/// One row of the core's recipe table (`index` is what `build007` takes).
#[napi(object)]
pub struct RecipeRow {
    pub index: u32,
    pub name: String,
    pub params: Vec<RecipeParam>,
}

/// One service type: its number, reference class name and privileges.
#[napi(object)]
pub struct ServiceRow {
    #[napi(js_name = "type")]
    pub service_type: u32,
    pub class_name: String,
    pub privileges: Vec<NamedValue>,
}

#[napi(object)]
pub struct Tables007 {
    pub recipes: Vec<RecipeRow>,
    pub services: Vec<ServiceRow>,
    pub rtc_roles: Vec<NamedValue>,
    pub rtm2_resources: Vec<NamedValue>,
    pub rtm2_permissions: Vec<NamedValue>,
}

fn named(names: &[&str]) -> Vec<NamedValue> {
    names
        .iter()
        .zip(0..)
        .map(|(name, value)| NamedValue {
            name: (*name).to_owned(),
            value,
        })
        .collect()
}

/// The core's 007 tables, read once by `v2.js`.
#[napi]
pub fn tables007() -> Result<Tables007> {
    guard(|| {
        let recipes = RECIPES.iter().zip(0..).map(|(r, index)| RecipeRow {
            index,
            name: r.name.to_owned(),
            params: r
                .params
                .iter()
                .map(|p| RecipeParam {
                    name: p.name.to_owned(),
                    kind: p.kind.name().to_owned(),
                    default: p.default,
                })
                .collect(),
        });
        let services = ServiceType::ALL.iter().map(|t| ServiceRow {
            service_type: u32::from(t.id()),
            class_name: t.class_name().to_owned(),
            privileges: t
                .privileges()
                .iter()
                .map(|&(id, name)| NamedValue {
                    name: name.to_owned(),
                    value: i32::from(id),
                })
                .collect(),
        });
        let roles = [
            ("PUBLISHER", RtcRole::Publisher),
            ("SUBSCRIBER", RtcRole::Subscriber),
        ];
        Ok(Tables007 {
            recipes: recipes.collect(),
            services: services.collect(),
            rtc_roles: roles
                .iter()
                .map(|&(name, r)| NamedValue {
                    name: name.to_owned(),
                    value: i32::from(r.value()),
                })
                .collect(),
            rtm2_resources: named(&rtm2::RESOURCE_NAMES),
            rtm2_permissions: named(&rtm2::PERMISSION_NAMES),
        })
    })
}

// ---- a token as data -------------------------------------------------------

/// One service as `v2.js` hands it over (types already checked there).
#[napi(object)]
pub struct ServiceData {
    #[napi(js_name = "type")]
    pub service_type: f64,
    pub privileges: Vec<(f64, f64)>,
    pub channel_name: Option<String>,
    pub uid: Option<f64>,
    pub user_account: Option<String>,
    pub user_id: Option<String>,
    pub room_uuid: Option<String>,
    pub user_uuid: Option<String>,
    pub role: Option<f64>,
    pub permissions: Option<Vec<PermissionData>>,
}

fn raw_service(s: &ServiceData) -> Result<RawService<'_>> {
    let privileges = s.privileges.iter().map(|&(id, expire)| {
        Ok((
            i64_arg(ErrorKind::Privilege, id)?,
            i64_arg(ErrorKind::ExpireTs, expire)?,
        ))
    });
    Ok(RawService {
        service_type: i64_arg(ErrorKind::Service, s.service_type)?,
        privileges: privileges.collect::<Result<_>>()?,
        channel_name: s.channel_name.as_deref(),
        uid: s
            .uid
            .map(|u| uid(i64_arg(ErrorKind::Uid, u)?))
            .transpose()?,
        user_account: s.user_account.as_deref(),
        user_id: s.user_id.as_deref(),
        room_uuid: s.room_uuid.as_deref(),
        user_uuid: s.user_uuid.as_deref(),
        role: s.role.map(|r| i64_arg(ErrorKind::Role, r)).transpose()?,
        permissions: permissions(s.permissions.clone().unwrap_or_default())?,
    })
}

/// A service of a type outside 1..10 (npm's bare `new Service(999)`): its
/// type and privileges, packed as the references pack it.
#[napi(object)]
pub struct OtherServiceData {
    #[napi(js_name = "type")]
    pub service_type: f64,
    pub privileges: Vec<(f64, f64)>,
}

fn raw_other_service(s: &OtherServiceData) -> Result<RawOtherService> {
    let privileges = s.privileges.iter().map(|&(id, value)| {
        Ok((
            i64_arg(ErrorKind::Privilege, id)?,
            i64_arg(ErrorKind::ExpireTs, value)?,
        ))
    });
    Ok(RawOtherService {
        service_type: i64_arg(ErrorKind::Service, s.service_type)?,
        privileges: privileges.collect::<Result<_>>()?,
    })
}

/// Builds a token described as data; `issueTs`/`salt` null: drawn at build.
#[napi(js_name = "buildToken007")]
pub fn build_token007(
    app_id: Text,
    app_certificate: Text,
    issue_ts: Option<f64>,
    expire: f64,
    salt: Option<f64>,
    services: Vec<ServiceData>,
    other_services: Option<Vec<OtherServiceData>>,
) -> Result<String> {
    guard(|| {
        let optional = |kind, v: Option<f64>| v.map(|v| i64_arg(kind, v)).transpose();
        let others = other_services.as_deref().unwrap_or_default();
        let token = RawToken {
            other_services: others.iter().map(raw_other_service).collect::<Result<_>>()?,
            app_id: &app_id,
            app_certificate: &app_certificate,
            issue_ts: optional(ErrorKind::IssueTs, issue_ts)?,
            expire: i64_arg(ErrorKind::Expire, expire)?,
            salt: optional(ErrorKind::Salt, salt)?,
            services: services.iter().map(raw_service).collect::<Result<_>>()?,
        };
        token.build().map_err(js_err)
    })
}

// ---- reading ---------------------------------------------------------------

/// One service of a parsed token; the fields present depend on `type`.
#[napi(object)]
pub struct ParsedService {
    #[napi(js_name = "type")]
    pub service_type: u32,
    pub class_name: String,
    /// `[id, seconds after issueTs]`, in token order.
    pub privileges: Vec<(u32, u32)>,
    pub channel_name: Option<String>,
    /// The packed user string of RTC, Streaming, FCDN (`""` for uid 0).
    pub account: Option<String>,
    pub user_id: Option<String>,
    pub room_uuid: Option<String>,
    pub user_uuid: Option<String>,
    pub role: Option<i32>,
    pub permissions: Option<Vec<(u32, u32, Vec<String>)>>,
}

/// Every field of a 007 token.
#[napi(object)]
pub struct ParsedToken2 {
    pub app_id: String,
    pub signature_hex: String,
    pub issue_ts: u32,
    pub expire: u32,
    pub salt: u32,
    pub services: Vec<ParsedService>,
    pub content_hex: String,
    /// `parse007Lenient` only: the service type (outside 1..10) where reading stopped.
    pub unread_service_type: Option<u32>,
}

fn parsed_service(s: &token_core::Service) -> ParsedService {
    let t = s.service_type();
    let mut out = ParsedService {
        service_type: u32::from(t.id()),
        class_name: t.class_name().to_owned(),
        privileges: s
            .privileges()
            .iter()
            .map(|&(id, v)| (u32::from(id), v))
            .collect(),
        channel_name: None,
        account: None,
        user_id: None,
        room_uuid: None,
        user_uuid: None,
        role: None,
        permissions: None,
    };
    match s.fields().clone() {
        ServiceFields::Channel {
            channel_name,
            account,
        } => (out.channel_name, out.account) = (Some(channel_name), Some(account)),
        ServiceFields::User { user_id } => out.user_id = Some(user_id),
        ServiceFields::Empty => {}
        ServiceFields::Apaas {
            room_uuid,
            user_uuid,
            role,
        } => {
            (out.room_uuid, out.user_uuid, out.role) =
                (Some(room_uuid), Some(user_uuid), Some(i32::from(role)));
        }
        ServiceFields::Rtm2 {
            user_id,
            permissions,
        } => {
            out.user_id = Some(user_id);
            let grants = permissions.into_iter().map(|p| {
                (
                    u32::from(p.resource_type),
                    u32::from(p.permission_type),
                    p.resources,
                )
            });
            out.permissions = Some(grants.collect());
        }
    }
    out
}

fn parsed_token2(t: token_core::ParsedToken2) -> ParsedToken2 {
    ParsedToken2 {
        signature_hex: t.signature_hex(),
        services: t.services.iter().map(parsed_service).collect(),
        content_hex: hex_lower(&t.content),
        app_id: t.app_id,
        issue_ts: t.issue_ts,
        expire: t.expire,
        salt: t.salt,
        unread_service_type: t.unread_service_type.map(u32::from),
    }
}

/// Parses a 007 token strictly; throws with the core's category and diagnosis.
#[napi]
pub fn parse007(token: Text) -> Result<ParsedToken2> {
    guard(|| {
        token_core::parse007(&*token)
            .map(parsed_token2)
            .map_err(js_err)
    })
}

/// Parses a 007 token as Agora's parsers read it: at a service type outside
/// 1..10 reading stops and succeeds (`unreadServiceType`), for the
/// reference-named `AccessToken2` classes (token-core's `parse007_lenient`).
#[napi(js_name = "parse007Lenient")]
pub fn parse007_lenient(token: Text) -> Result<ParsedToken2> {
    guard(|| {
        token_core::v007::parse007_lenient(&*token)
            .map(parsed_token2)
            .map_err(js_err)
    })
}

/// A token of either format: `format` is "006" or "007", and that field is set.
#[napi(object)]
pub struct AnyParsed {
    pub format: String,
    pub v006: Option<ParsedToken>,
    pub v007: Option<ParsedToken2>,
}

#[napi]
pub fn parse_any(token: Text) -> Result<AnyParsed> {
    guard(|| {
        Ok(match token_core::parse_any(&*token).map_err(js_err)? {
            AnyToken::V006(t) => AnyParsed {
                format: "006".to_owned(),
                v006: Some(crate::parsed006(t)),
                v007: None,
            },
            AnyToken::V007(t) => AnyParsed {
                format: "007".to_owned(),
                v006: None,
                v007: Some(parsed_token2(t)),
            },
        })
    })
}

/// What `verify007` checks beyond signature and expiry (`v2.js` has checked the types).
#[napi(object)]
pub struct Expected007Data {
    pub channel_name: Option<String>,
    pub uid: Option<f64>,
    pub account: Option<String>,
    pub rtm_user_id: Option<String>,
    pub app_id: Option<String>,
    pub now: Option<f64>,
}

/// `"ok"` or the first failing check, in the order of the vectors' README.
#[napi]
pub fn verify007(
    token: Text,
    app_certificate: Text,
    expected: Expected007Data,
) -> Result<&'static str> {
    verify(token, app_certificate, expected, false)
}

/// `verify007` over `parse007Lenient` (token-core's `verify007_lenient`), for
/// the reference-named `AccessToken2` classes' `verifySignature`.
#[napi(js_name = "verify007Lenient")]
pub fn verify007_lenient(
    token: Text,
    app_certificate: Text,
    expected: Expected007Data,
) -> Result<&'static str> {
    verify(token, app_certificate, expected, true)
}

fn verify(
    token: Text,
    app_certificate: Text,
    expected: Expected007Data,
    lenient: bool,
) -> Result<&'static str> {
    guard(|| {
        let now = match expected.now {
            Some(v) => check_now(integral(ErrorKind::Now, v)?).map_err(js_err)?,
            None => token_core::now_secs(),
        };
        let user = match (expected.uid, expected.account.as_deref()) {
            (Some(n), _) => Some(UserId::Uid(
                check_uid(integral(ErrorKind::Uid, n)?).map_err(js_err)?,
            )),
            (None, Some(account)) => Some(UserId::Account(account)),
            (None, None) => None,
        };
        let e = Expected007 {
            app_id: expected.app_id.as_deref(),
            rtc: expected.channel_name.as_deref().zip(user),
            rtm: expected.rtm_user_id.as_deref(),
        };
        let result = if lenient {
            token_core::v007::verify007_lenient(&*token, &app_certificate, &e, now)
        } else {
            token_core::verify007(&*token, &app_certificate, &e, now)
        };
        result.map(|r| r.as_str()).map_err(js_err)
    })
}
