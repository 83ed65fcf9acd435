//! The handlers: the Go service's routes (`/ping`, `/getToken`, `/rtc`,
//! `/rtm`, `/rte`, `/chat`), this server's (`/build`, `/builders`,
//! `/verify`, `/inspect`) and the operational ones (`/healthz`, `/readyz`,
//! `/metrics`, `/openapi.json`). Each is annotated for the OpenAPI document,
//! and the router is built from those annotations (see [`crate::app`]), so
//! the document and the routes cannot drift apart.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use token_core::ErrorKind;
use utoipa::{IntoParams, ToSchema};

use crate::auth::{Auth, Principal, Subject};
use crate::config::{CorsOrigins, Credentials};
use crate::error::{ApiError, ErrorBody};
use crate::inspect::{self, Inspection, Verification, VerifyRequest};
use crate::metrics::Metrics;
use crate::mint::{self, BuildCall, Format, RoleName, ServicesCall, User, DEFAULT_EXPIRE};

/// What every handler shares.
#[derive(Debug)]
pub struct Shared {
    /// The app's credentials.
    pub credentials: Credentials,
    /// Authentication.
    pub auth: Auth,
    /// Metrics.
    pub metrics: Metrics,
    /// Browser origins.
    pub cors: CorsOrigins,
    /// `false` once shutdown has begun.
    pub ready: AtomicBool,
    /// The OpenAPI document, serialized once.
    pub openapi: OnceLock<String>,
    /// The route templates (for the trailing-slash redirects).
    pub routes: OnceLock<Vec<String>>,
}

/// The state handlers receive.
pub type AppState = Arc<Shared>;

// ---------------------------------------------------------------- responses

/// `GET /ping`.
#[derive(Debug, Serialize, ToSchema)]
pub struct PingResponse {
    /// Always `"pong"`.
    pub message: &'static str,
}

/// `GET /rtc/...`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RtcTokenResponse {
    /// The RTC token.
    pub rtc_token: String,
}

/// `GET /rtm/...`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RtmTokenResponse {
    /// The RTM token.
    pub rtm_token: String,
}

/// `GET /rte/...`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RteTokenResponse {
    /// The RTC token.
    pub rtc_token: String,
    /// The RTM token (with the channel as a stream channel, 007).
    pub rtm_token: String,
}

/// `GET /chat/...`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChatTokenResponse {
    /// The Chat token.
    pub chat_token: String,
}

/// `POST /getToken`.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// The token.
    pub token: String,
}

/// `POST /build`.
#[derive(Debug, Serialize, ToSchema)]
pub struct BuildResponse {
    /// The token (007).
    pub token: String,
    /// The builder used.
    pub builder: &'static str,
}

/// One parameter of a builder.
#[derive(Debug, Serialize, ToSchema)]
pub struct BuilderParam {
    /// Its name in `args`.
    pub name: &'static str,
    /// `str`, `uid`, `rtc_role`, `expire`, `privilege_expire`, `apaas_role` or `permissions`.
    pub kind: &'static str,
    /// The default when omitted (absent: required).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<i64>,
}

/// One builder of `POST /build`.
#[derive(Debug, Serialize, ToSchema)]
pub struct BuilderInfo {
    /// Its name (`rtc.build_token_with_uid`).
    pub name: &'static str,
    /// Its parameters, in order.
    pub params: Vec<BuilderParam>,
}

/// `GET /builders`.
#[derive(Debug, Serialize, ToSchema)]
pub struct BuildersResponse {
    /// Every 007 builder.
    pub builders: Vec<BuilderInfo>,
}

/// `GET /healthz`, `GET /readyz`.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusResponse {
    /// `ok`, `ready` or `draining`.
    pub status: &'static str,
}

// ---------------------------------------------------------------- request bodies

/// `POST /getToken` (the Go service's fields, plus `format`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // documents the body; the handler reads it field by field to name each error
pub struct GetTokenRequest {
    /// `rtc`, `rtm` or `chat`.
    pub token_type: String,
    /// RTC: the channel (required). RTM: a stream channel (optional, 007).
    pub channel: Option<String>,
    /// RTC: `publisher` or `subscriber` (default); 006 also `attendee`, `admin`.
    pub role: Option<String>,
    /// RTC: a uid (digits: numeric uid 0..=4294967295; otherwise an account), as a string or
    /// an integer. RTM: the user id (required). Chat: the user id (absent: an app token).
    #[schema(value_type = Option<String>)]
    pub uid: Option<Value>,
    /// Seconds from now (default and 0: 3600).
    pub expire: Option<i64>,
    /// `"007"` (default) or `"006"` (RTC and RTM).
    pub format: Option<String>,
}

/// `POST /build`.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct BuildRequest {
    /// A builder name from `GET /builders` (`rtc.build_token_with_uid`, `fpa.build_token`, ...).
    pub builder: String,
    /// Its arguments by name (`{"channel_name": "c", "uid": 42, "role": 1, "token_expire": 600}`).
    #[schema(value_type = Object)]
    pub args: Option<Map<String, Value>>,
}

/// `POST /build/services`: a 007 token described as data.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct BuildServicesRequest {
    /// The services: `{"type": 1..=10, "privileges": [[id, seconds from now], ...]}` plus the type's
    /// fields: `channel_name` with `uid` or `user_account` (1 RTC, 3 Streaming, 6 FCDN), `user_id`
    /// (2 RTM, 5 Chat, 8 RTM2 with `permissions`), `room_uuid`, `user_uuid`, `role` (7 APaaS).
    #[schema(value_type = Vec<Object>)]
    pub services: Vec<Value>,
    /// The token's lifetime, seconds from now (default 3600).
    pub expire: Option<i64>,
}

/// `POST /verify`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct VerifyBody {
    /// The token (either format).
    pub token: String,
    /// RTC check: the channel (with `uid`).
    pub channel: Option<String>,
    /// RTC check: the uid or account (the `/getToken` rule), with `channel`.
    #[schema(value_type = Option<String>)]
    pub uid: Option<Value>,
    /// RTM check: the user id.
    pub rtm_user_id: Option<String>,
    /// Unix seconds to check at (default: now).
    pub now: Option<i64>,
}

/// `POST /inspect`.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct InspectBody {
    /// The token (either format).
    pub token: String,
}

/// The fields each body takes, in the order of their schemas.
pub const GET_TOKEN_FIELDS: &[&str] = &["tokenType", "channel", "role", "uid", "expire", "format"];
/// See [`GET_TOKEN_FIELDS`].
pub const BUILD_FIELDS: &[&str] = &["builder", "args"];
/// See [`GET_TOKEN_FIELDS`].
pub const BUILD_SERVICES_FIELDS: &[&str] = &["services", "expire"];
/// See [`GET_TOKEN_FIELDS`].
pub const VERIFY_FIELDS: &[&str] = &["token", "channel", "uid", "rtmUserId", "now"];
/// See [`GET_TOKEN_FIELDS`].
pub const INSPECT_FIELDS: &[&str] = &["token"];

/// A JSON object body, read field by field so every error names its field.
#[derive(Debug)]
pub struct Body(Map<String, Value>);

impl Body {
    /// Parses a JSON object with only the `allowed` fields.
    pub fn parse(bytes: &[u8], allowed: &[&str]) -> Result<Body, ApiError> {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| {
            let what = if bytes.iter().all(u8::is_ascii_whitespace) { "is empty; send a JSON object".to_owned() } else { format!("is not valid JSON ({e})") };
            ApiError::field("bad_json", "body", what)
        })?;
        let Value::Object(map) = value else {
            return Err(mint::wrong_type("body", "a JSON object", &value));
        };
        if let Some(k) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(ApiError::field("unknown_field", k, format_args!("not a field of this request (fields: {})", allowed.join(", "))));
        }
        Ok(Body(map))
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.0.get(name).filter(|v| !v.is_null())
    }

    fn str(&self, name: &str) -> Result<Option<&str>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(mint::wrong_type(name, "a string", other)),
        }
    }

    fn int(&self, name: &str) -> Result<Option<i128>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Number(n)) => match n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from)) {
                Some(n) => Ok(Some(n)),
                None => Err(ApiError::field("invalid", name, format_args!("{n} is not a whole number"))),
            },
            Some(other) => Err(mint::wrong_type(name, "an integer", other)),
        }
    }

    /// A user id as text: a string as it is, an integer in decimal.
    fn text(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) if n.is_u64() => Ok(Some(n.to_string())),
            Some(other) => Err(mint::wrong_type(name, "a string (or a non-negative integer)", other)),
        }
    }
}

fn principal_ok(p: &Principal, subjects: &[Subject]) -> Result<(), ApiError> {
    p.may_mint_for(subjects)
}

fn minted(s: &Shared, kind: &str, format: Format) {
    s.metrics.minted(kind, format.as_str());
}

/// Field names of the Go POST body for the core's categories.
const POST_FIELDS: &[(ErrorKind, &str)] = &[
    (ErrorKind::ChannelName, "channel"),
    (ErrorKind::UserAccount, "uid"),
    (ErrorKind::UserId, "uid"),
    (ErrorKind::Uid, "uid"),
    (ErrorKind::Role, "role"),
    (ErrorKind::Expire, "expire"),
    (ErrorKind::ExpireTs, "expire"),
];

// ---------------------------------------------------------------- the Go service's routes

/// Liveness, as the Go service answers it.
#[utoipa::path(get, path = "/ping", tag = "compatible", responses((status = 200, body = PingResponse)))]
pub async fn ping() -> Json<PingResponse> {
    Json(PingResponse { message: "pong" })
}

/// Mints an RTC, RTM or Chat token (the Go service's main route), 007 by default or 006 on request.
#[utoipa::path(
    post, path = "/getToken", tag = "compatible",
    request_body = GetTokenRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 400, description = "a field is missing or wrong (named in `field`)", body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 429, body = ErrorBody)
    ),
    security(("bearer" = []))
)]
pub async fn get_token(State(s): State<AppState>, Extension(p): Extension<Principal>, body: Result<Bytes, BytesRejection>) -> Result<Json<TokenResponse>, ApiError> {
    let body = Body::parse(&body?, GET_TOKEN_FIELDS)?;
    let format = Format::parse(body.str("format")?, "format")?;
    let expire = match body.int("expire")? {
        None | Some(0) => DEFAULT_EXPIRE,
        Some(n) => mint::lifetime(n, "expire")?,
    };
    mint::check_006_lifetime(format, expire, "expire")?;
    let c = &s.credentials;
    let core = |e: token_core::TokenError| ApiError::from_core(&e, POST_FIELDS);
    let (token, kind) = match body.str("tokenType")? {
        Some("rtc") => {
            let channel = body.str("channel")?.filter(|c| !c.is_empty()).ok_or_else(|| ApiError::missing("channel", "an RTC token needs a channel name"))?;
            let user = match body.get("uid") {
                Some(v) => User::from_json(v, "uid")?,
                None => return Err(ApiError::missing("uid", "an RTC token needs a uid or user account")),
            };
            let role = match body.str("role")? {
                None | Some("") => RoleName::Subscriber,
                Some(r) => RoleName::parse(r, "role", format)?,
            };
            principal_ok(&p, &[user.subject("uid")])?;
            (mint::rtc(c, format, channel, &user, role, expire).map_err(core)?, "rtc")
        }
        Some("rtm") => {
            let uid = body.text("uid")?.filter(|u| !u.is_empty()).ok_or_else(|| ApiError::missing("uid", "an RTM token needs a user id"))?;
            let channel = body.str("channel")?.filter(|c| !c.is_empty());
            if format == Format::V006 && channel.is_some() {
                return Err(ApiError::field("format", "channel", "a stream channel needs a 007 token; omit channel or format"));
            }
            if body.get("role").is_some() {
                return Err(ApiError::field("unknown_field", "role", "an RTM token has no role"));
            }
            principal_ok(&p, &[Subject::new("uid", Some(uid.clone()))])?;
            let fields = &[(ErrorKind::ChannelName, "channel"), (ErrorKind::UserAccount, "uid"), (ErrorKind::UserId, "uid"), (ErrorKind::Expire, "expire")];
            (mint::rtm(c, format, &uid, expire, channel).map_err(|e| ApiError::from_core(&e, fields))?, "rtm")
        }
        Some("chat") => {
            if format == Format::V006 {
                return Err(ApiError::field("format", "format", "Chat tokens exist in format 007 only"));
            }
            for extra in ["channel", "role"] {
                if body.get(extra).is_some() {
                    return Err(ApiError::field("unknown_field", extra, "a Chat token has no channel or role"));
                }
            }
            let uid = body.text("uid")?.filter(|u| !u.is_empty());
            let subjects: Vec<Subject> = uid.iter().map(|u| Subject::new("uid", Some(u.clone()))).collect();
            principal_ok(&p, &subjects)?;
            (mint::chat(c, uid.as_deref(), expire).map_err(core)?, "chat")
        }
        Some(other) => return Err(ApiError::field("tokenType", "tokenType", format_args!("{other:?} is not supported: use \"rtc\", \"rtm\" or \"chat\" (or POST /build for every 007 builder)"))),
        None => return Err(ApiError::missing("tokenType", "use \"rtc\", \"rtm\" or \"chat\"")),
    };
    minted(&s, kind, format);
    Ok(Json(TokenResponse { token }))
}

/// `?expiry=` (seconds, default 3600) and `?format=` (`007` default, `006`).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MintQuery {
    /// Seconds from now (default 3600).
    pub expiry: Option<String>,
    /// `007` (default) or `006`.
    pub format: Option<String>,
}

impl MintQuery {
    fn expire(&self) -> Result<u32, ApiError> {
        self.expiry.as_deref().map_or(Ok(DEFAULT_EXPIRE), |e| mint::lifetime_text(e, "expiry"))
    }
}

/// The path of `/rtc/...` and `/rte/...`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RtcPath {
    /// The channel name.
    pub channel_name: String,
    /// `publisher` or `subscriber` (006 also `attendee`, `admin`).
    pub role: String,
    /// `uid` (numeric, 0..=4294967295) or `userAccount`.
    pub token_type: String,
    /// The uid or account.
    pub rtcuid: String,
    /// `/rte/` only: the RTM user id (default: rtcuid).
    #[serde(default)]
    pub rtmuid: Option<String>,
}

const PATH_FIELDS: &[(ErrorKind, &str)] = &[
    (ErrorKind::ChannelName, "channelName"),
    (ErrorKind::UserAccount, "rtcuid"),
    (ErrorKind::Uid, "rtcuid"),
    (ErrorKind::Role, "role"),
    (ErrorKind::Expire, "expiry"),
    (ErrorKind::ExpireTs, "expiry"),
];

struct RtcAsk {
    channel: String,
    user: User,
    role: RoleName,
    format: Format,
    expire: u32,
}

fn rtc_ask(path: RtcPath, q: &MintQuery) -> Result<(RtcAsk, Option<String>), ApiError> {
    let format = Format::parse(q.format.as_deref(), "format")?;
    let role = RoleName::parse(&path.role, "role", format)?;
    let user = match path.token_type.as_str() {
        "uid" => match User::from_text(&path.rtcuid, "rtcuid")? {
            User::Account(a) => {
                return Err(ApiError::field("uid", "rtcuid", format_args!("{a:?} is not a numeric uid; use tokenType userAccount for a string account")))
            }
            uid => uid,
        },
        "userAccount" => User::Account(path.rtcuid.clone()),
        other => return Err(ApiError::field("tokenType", "tokenType", format_args!("{other:?} is not a token type: use \"uid\" or \"userAccount\""))),
    };
    let expire = q.expire()?;
    mint::check_006_lifetime(format, expire, "expiry")?;
    Ok((RtcAsk { channel: path.channel_name, user, role, format, expire }, path.rtmuid))
}

/// An RTC token for a channel, role and uid or account (deprecated in the Go service, still served).
#[utoipa::path(
    get, path = "/rtc/{channelName}/{role}/{tokenType}/{rtcuid}/", tag = "compatible",
    params(("channelName" = String, Path), ("role" = String, Path, description = "publisher or subscriber"),
           ("tokenType" = String, Path, description = "uid or userAccount"), ("rtcuid" = String, Path), MintQuery),
    responses((status = 200, body = RtcTokenResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = []))
)]
pub async fn rtc_get(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(path): Path<RtcPath>,
    Query(q): Query<MintQuery>,
) -> Result<Json<RtcTokenResponse>, ApiError> {
    let (a, _) = rtc_ask(path, &q)?;
    principal_ok(&p, &[a.user.subject("rtcuid")])?;
    let token = mint::rtc(&s.credentials, a.format, &a.channel, &a.user, a.role, a.expire).map_err(|e| ApiError::from_core(&e, PATH_FIELDS))?;
    minted(&s, "rtc", a.format);
    Ok(Json(RtcTokenResponse { rtc_token: token }))
}

/// The path of `/rtm/...`.
#[derive(Debug, Deserialize)]
pub struct RtmPath {
    rtmuid: String,
}

/// An RTM token for a user id.
#[utoipa::path(
    get, path = "/rtm/{rtmuid}/", tag = "compatible",
    params(("rtmuid" = String, Path), MintQuery),
    responses((status = 200, body = RtmTokenResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = []))
)]
pub async fn rtm_get(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(RtmPath { rtmuid }): Path<RtmPath>,
    Query(q): Query<MintQuery>,
) -> Result<Json<RtmTokenResponse>, ApiError> {
    let format = Format::parse(q.format.as_deref(), "format")?;
    if rtmuid.is_empty() || rtmuid == "0" {
        return Err(ApiError::field("user_id", "rtmuid", format_args!("{rtmuid:?} is not an RTM user id")));
    }
    let expire = q.expire()?;
    mint::check_006_lifetime(format, expire, "expiry")?;
    principal_ok(&p, &[Subject::new("rtmuid", Some(rtmuid.clone()))])?;
    let fields = &[(ErrorKind::UserId, "rtmuid"), (ErrorKind::UserAccount, "rtmuid"), (ErrorKind::Expire, "expiry")];
    let token = mint::rtm(&s.credentials, format, &rtmuid, expire, None).map_err(|e| ApiError::from_core(&e, fields))?;
    minted(&s, "rtm", format);
    Ok(Json(RtmTokenResponse { rtm_token: token }))
}

async fn rte(s: AppState, p: Principal, path: RtcPath, q: MintQuery) -> Result<Json<RteTokenResponse>, ApiError> {
    let (a, rtmuid) = rtc_ask(path, &q)?;
    let rtmuid = match rtmuid.filter(|u| !u.is_empty()) {
        Some(u) if u != "0" => u,
        Some(u) => return Err(ApiError::field("user_id", "rtmuid", format_args!("{u:?} is not an RTM user id"))),
        None if a.user == User::Uid(0) => {
            return Err(ApiError::missing("rtmuid", "rtcuid is 0 (any user), so give the RTM user id: /rte/{channelName}/{role}/{tokenType}/0/{rtmuid}/"))
        }
        None => a.user.text(),
    };
    principal_ok(&p, &[a.user.subject("rtcuid"), Subject::new("rtmuid", Some(rtmuid.clone()))])?;
    let c = &s.credentials;
    let rtc_token = mint::rtc(c, a.format, &a.channel, &a.user, a.role, a.expire).map_err(|e| ApiError::from_core(&e, PATH_FIELDS))?;
    let stream = (a.format == Format::V007).then_some(a.channel.as_str());
    let fields = &[(ErrorKind::UserId, "rtmuid"), (ErrorKind::UserAccount, "rtmuid"), (ErrorKind::ChannelName, "channelName"), (ErrorKind::Expire, "expiry")];
    let rtm_token = mint::rtm(c, a.format, &rtmuid, a.expire, stream).map_err(|e| ApiError::from_core(&e, fields))?;
    minted(&s, "rtc", a.format);
    minted(&s, "rtm", a.format);
    Ok(Json(RteTokenResponse { rtc_token, rtm_token }))
}

/// An RTC token and an RTM token (for the same user, or `rtmuid`) in one request.
#[utoipa::path(
    get, path = "/rte/{channelName}/{role}/{tokenType}/{rtcuid}/", tag = "compatible",
    params(("channelName" = String, Path), ("role" = String, Path), ("tokenType" = String, Path), ("rtcuid" = String, Path), MintQuery),
    responses((status = 200, body = RteTokenResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = []))
)]
pub async fn rte_get(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(path): Path<RtcPath>,
    Query(q): Query<MintQuery>,
) -> Result<Json<RteTokenResponse>, ApiError> {
    rte(s, p, path, q).await
}

/// As `/rte/.../{rtcuid}/`, with an RTM user id of its own.
#[utoipa::path(
    get, path = "/rte/{channelName}/{role}/{tokenType}/{rtcuid}/{rtmuid}/", tag = "compatible",
    params(("channelName" = String, Path), ("role" = String, Path), ("tokenType" = String, Path), ("rtcuid" = String, Path), ("rtmuid" = String, Path), MintQuery),
    responses((status = 200, body = RteTokenResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = []))
)]
pub async fn rte_rtm_get(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(path): Path<RtcPath>,
    Query(q): Query<MintQuery>,
) -> Result<Json<RteTokenResponse>, ApiError> {
    rte(s, p, path, q).await
}

fn chat_expire(q: &MintQuery) -> Result<u32, ApiError> {
    if Format::parse(q.format.as_deref(), "format")? == Format::V006 {
        return Err(ApiError::field("format", "format", "Chat tokens exist in format 007 only"));
    }
    q.expire()
}

/// The app's Chat token (for REST calls); needs an API key when authentication is on.
#[utoipa::path(
    get, path = "/chat/app/", tag = "compatible", params(MintQuery),
    responses((status = 200, body = ChatTokenResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = []))
)]
pub async fn chat_app_get(State(s): State<AppState>, Extension(p): Extension<Principal>, Query(q): Query<MintQuery>) -> Result<Json<ChatTokenResponse>, ApiError> {
    let expire = chat_expire(&q)?;
    principal_ok(&p, &[])?;
    let token = mint::chat(&s.credentials, None, expire).map_err(|e| ApiError::from_core(&e, &[(ErrorKind::Expire, "expiry")]))?;
    minted(&s, "chat", Format::V007);
    Ok(Json(ChatTokenResponse { chat_token: token }))
}

/// The path of `/chat/account/...`.
#[derive(Debug, Deserialize)]
pub struct ChatPath {
    chatid: String,
}

/// A Chat user token (for the SDK).
#[utoipa::path(
    get, path = "/chat/account/{chatid}/", tag = "compatible", params(("chatid" = String, Path), MintQuery),
    responses((status = 200, body = ChatTokenResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = []))
)]
pub async fn chat_user_get(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(ChatPath { chatid }): Path<ChatPath>,
    Query(q): Query<MintQuery>,
) -> Result<Json<ChatTokenResponse>, ApiError> {
    let expire = chat_expire(&q)?;
    principal_ok(&p, &[Subject::new("chatid", Some(chatid.clone()))])?;
    let token = mint::chat(&s.credentials, Some(&chatid), expire).map_err(|e| ApiError::from_core(&e, &[(ErrorKind::UserId, "chatid"), (ErrorKind::Expire, "expiry")]))?;
    minted(&s, "chat", Format::V007);
    Ok(Json(ChatTokenResponse { chat_token: token }))
}

// ---------------------------------------------------------------- beyond the Go service

/// Any 007 reference builder (every service), by name, with its arguments by name.
#[utoipa::path(
    post, path = "/build", tag = "tokens", request_body = BuildRequest,
    responses((status = 200, body = BuildResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = []))
)]
pub async fn build(State(s): State<AppState>, Extension(p): Extension<Principal>, body: Result<Bytes, BytesRejection>) -> Result<Json<BuildResponse>, ApiError> {
    let body = Body::parse(&body?, BUILD_FIELDS)?;
    let builder = body.str("builder")?.ok_or_else(|| ApiError::missing("builder", "name a builder (GET /builders lists them)"))?;
    let empty = Map::new();
    let args = match body.get("args") {
        None => &empty,
        Some(Value::Object(m)) => m,
        Some(other) => return Err(mint::wrong_type("args", "an object of arguments by name", other)),
    };
    let call = BuildCall::new(builder, args)?;
    principal_ok(&p, &call.subjects)?;
    let token = call.build(&s.credentials)?;
    minted(&s, call.recipe.name, Format::V007);
    Ok(Json(BuildResponse { token, builder: call.recipe.name }))
}

/// Any mix of the ten 007 services (Streaming and FCDN included, which no reference builder makes), described as data.
#[utoipa::path(
    post, path = "/build/services", tag = "tokens", request_body = BuildServicesRequest,
    responses((status = 200, body = TokenResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = []))
)]
pub async fn build_services(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<TokenResponse>, ApiError> {
    let body = Body::parse(&body?, BUILD_SERVICES_FIELDS)?;
    let expire = match body.int("expire")? {
        None => DEFAULT_EXPIRE,
        Some(n) => mint::lifetime(n, "expire")?,
    };
    let services = body.get("services").ok_or_else(|| ApiError::missing("services", "give at least one service"))?;
    let call = ServicesCall::new(services, expire)?;
    principal_ok(&p, &call.subjects)?;
    let kind = call.kind();
    let token = call.build(&s.credentials)?;
    minted(&s, &kind, Format::V007);
    Ok(Json(TokenResponse { token }))
}

/// The builders of `POST /build` and their parameters.
#[utoipa::path(get, path = "/builders", tag = "tokens", responses((status = 200, body = BuildersResponse)))]
pub async fn builders() -> Json<BuildersResponse> {
    let builders = token_core::v007::RECIPES
        .iter()
        .map(|r| BuilderInfo {
            name: r.name,
            params: r.params.iter().map(|p| BuilderParam { name: p.name, kind: p.kind.name(), default: p.default }).collect(),
        })
        .collect();
    Json(BuildersResponse { builders })
}

/// Why a token is (not) valid for this app: signature, expiry, and the channel and user or RTM user given.
#[utoipa::path(
    post, path = "/verify", tag = "support", request_body = VerifyBody,
    responses((status = 200, description = "the token was read; `valid` says whether every check passed", body = Verification),
              (status = 400, description = "the token cannot be read (the diagnosis names the fault)", body = ErrorBody),
              (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
pub async fn verify(State(s): State<AppState>, body: Result<Bytes, BytesRejection>) -> Result<Json<Verification>, ApiError> {
    let body = Body::parse(&body?, VERIFY_FIELDS)?;
    let token = body.str("token")?.ok_or_else(|| ApiError::missing("token", "give the token to verify"))?;
    let now = match body.int("now")? {
        Some(n) => token_core::check_now(n).map_err(|e| ApiError::from_core(&e, &[(ErrorKind::Now, "now")]))?,
        None => token_core::now_secs(),
    };
    let user = body.get("uid").map(|v| User::from_json(v, "uid")).transpose()?;
    let channel = body.str("channel")?;
    let r = VerifyRequest { token, channel, user, rtm_user_id: body.str("rtmUserId")?, now };
    Ok(Json(inspect::check(&s.credentials, &r)?))
}

/// Every field of a token of either format: services, privileges, expiries, whether the app id is this server's.
#[utoipa::path(
    post, path = "/inspect", tag = "support", request_body = InspectBody,
    responses((status = 200, body = Inspection), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
pub async fn inspect_token(State(s): State<AppState>, body: Result<Bytes, BytesRejection>) -> Result<Json<Inspection>, ApiError> {
    let body = Body::parse(&body?, INSPECT_FIELDS)?;
    let token = body.str("token")?.ok_or_else(|| ApiError::missing("token", "give the token to inspect"))?;
    Ok(Json(inspect::inspect(token, s.credentials.app_id(), token_core::now_secs())?))
}

// ---------------------------------------------------------------- operations

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses((status = 200, body = StatusResponse)))]
pub async fn healthz() -> Json<StatusResponse> {
    Json(StatusResponse { status: "ok" })
}

/// Readiness: 503 once shutdown has begun.
#[utoipa::path(get, path = "/readyz", tag = "operations", responses((status = 200, body = StatusResponse), (status = 503, body = StatusResponse)))]
pub async fn readyz(State(s): State<AppState>) -> Response {
    if s.ready.load(Ordering::Relaxed) {
        Json(StatusResponse { status: "ready" }).into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, Json(StatusResponse { status: "draining" })).into_response()
    }
}

/// Prometheus metrics (OpenMetrics text).
#[utoipa::path(get, path = "/metrics", tag = "operations", responses((status = 200, content_type = "application/openmetrics-text", body = String)))]
pub async fn metrics(State(s): State<AppState>) -> Response {
    let ct = HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8");
    ([(header::CONTENT_TYPE, ct)], s.metrics.encode()).into_response()
}

/// This document.
#[utoipa::path(get, path = "/openapi.json", tag = "operations", responses((status = 200, content_type = "application/json", body = Object)))]
pub async fn openapi(State(s): State<AppState>) -> Response {
    let doc = s.openapi.get().cloned().unwrap_or_default();
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], doc).into_response()
}
