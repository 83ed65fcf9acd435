//! AccessToken2 ("007") through the C ABI: a small, general surface.
//!
//! - `agora_token2_build`: any reference builder of token-core's table
//!   (`RECIPES`), by its index and its arguments. Role tables, defaults and
//!   checks stay in token-core; a binding's named builder is a few lines.
//! - `agora_token2_build_data`: a token described as data (services with
//!   their fields, privileges and RTM2 permissions).
//! - `agora_token2_parse` / `agora_token2_info_free`: one owned, read-only
//!   struct tree, freed once. `agora_token2_verify`.
//! - `agora_token2_builder_count` / `_info` / `_find`: the table itself, so
//!   a binding can test that every row is reachable.
//!
//! Every function here takes strings as (pointer, length) and reports a
//! failure in the caller's `agora_token_error` (see `boundary`).

use std::ffi::{c_char, c_int};
use std::sync::OnceLock;

use token_core::v007::{
    Arg, ParamKind, Pin, RawOtherService, RawPermission, RawService, RawToken, Recipe, ServiceFields, RECIPES,
};
use token_core::{
    parse007, parse007_lenient, verify007, verify007_lenient, ErrorKind, Expected007, ParsedToken2, TokenError, UserId,
};

use crate::boundary::{
    agora_token_error, agora_token_str, bytes_in, credentials_in, free_boxed, null_error, opt_text_in, out_param, put,
    run_sized, slice_in, text_in, utf8_checked, SizedOut, StrArg,
};

/// The reference builders, by their index in `agora_token2_build` (token-core's
/// table, append-only: an index never changes meaning). The python3 name of
/// each is `agora_token2_builder_get_info(id)->name` ("rtc.build_token_with_uid").
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token2_builder_id {
    /// rtc.build_token_with_uid: channel_name, uid, role, token_expire, privilege_expire = 0
    AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID = 0,
    /// rtc.build_token_with_user_account: channel_name, account, role, token_expire, privilege_expire = 0
    AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_USER_ACCOUNT = 1,
    /// rtc.build_token_with_uid_and_privilege: channel_name, uid, token_expire, and the join,
    /// pub_audio, pub_video and pub_data_stream privilege expiries
    AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID_AND_PRIVILEGE = 2,
    /// rtc.build_token_with_user_account_and_privilege: the same with account
    AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_USER_ACCOUNT_AND_PRIVILEGE = 3,
    /// rtc.build_token_with_rtm: channel_name, account, role, token_expire, privilege_expire = 0
    AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_RTM = 4,
    /// rtc.build_token_with_rtm2: channel_name, rtc_account, rtc_role, rtc_token_expire, four
    /// privilege expiries, rtm_user_id, rtm_token_expire
    AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_RTM2 = 5,
    /// rtm.build_token: user_id, expire
    AGORA_TOKEN2_RTM_BUILD_TOKEN = 6,
    /// rtm.build_token_with_permissions: user_id, permissions, expire = 0
    AGORA_TOKEN2_RTM_BUILD_TOKEN_WITH_PERMISSIONS = 7,
    /// chat.build_user_token: user_id, expire
    AGORA_TOKEN2_CHAT_BUILD_USER_TOKEN = 8,
    /// chat.build_app_token: expire
    AGORA_TOKEN2_CHAT_BUILD_APP_TOKEN = 9,
    /// fpa.build_token: no argument (a 24-hour token)
    AGORA_TOKEN2_FPA_BUILD_TOKEN = 10,
    /// apaas.build_room_user_token: room_uuid, user_uuid, role, expire
    AGORA_TOKEN2_APAAS_BUILD_ROOM_USER_TOKEN = 11,
    /// apaas.build_user_token: user_uuid, expire
    AGORA_TOKEN2_APAAS_BUILD_USER_TOKEN = 12,
    /// apaas.build_app_token: expire
    AGORA_TOKEN2_APAAS_BUILD_APP_TOKEN = 13,
    /// education.build_room_user_token: as APaaS
    AGORA_TOKEN2_EDUCATION_BUILD_ROOM_USER_TOKEN = 14,
    /// education.build_user_token: as APaaS
    AGORA_TOKEN2_EDUCATION_BUILD_USER_TOKEN = 15,
    /// education.build_app_token: as APaaS
    AGORA_TOKEN2_EDUCATION_BUILD_APP_TOKEN = 16,
    /// convoai.build_token: the arguments of rtc.build_token_with_rtm2
    AGORA_TOKEN2_CONVOAI_BUILD_TOKEN = 17,
    /// stt.build_token: the arguments of rtc.build_token_with_rtm2
    AGORA_TOKEN2_STT_BUILD_TOKEN = 18,
}

/// What a builder parameter takes (`agora_token2_param.kind`): a string
/// goes in `agora_token2_args.strs`, RTM2 grants in `.permissions`, every
/// other kind in `.ints`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token2_param_kind {
    /// A string (channel name, account, user id, uuid).
    AGORA_TOKEN2_PARAM_STR = 0,
    /// A numeric uid, 0..4294967295.
    AGORA_TOKEN2_PARAM_UID = 1,
    /// An RTC role: AGORA_TOKEN2_ROLE_PUBLISHER or _SUBSCRIBER.
    AGORA_TOKEN2_PARAM_RTC_ROLE = 2,
    /// The token's lifetime in seconds, 0..4294967295.
    AGORA_TOKEN2_PARAM_EXPIRE = 3,
    /// A privilege's lifetime in seconds, 0..4294967295.
    AGORA_TOKEN2_PARAM_PRIVILEGE_EXPIRE = 4,
    /// An APaaS role, -32768..32767.
    AGORA_TOKEN2_PARAM_APAAS_ROLE = 5,
    /// RTM2 grants.
    AGORA_TOKEN2_PARAM_PERMISSIONS = 6,
}

/// The RTC roles of the 007 builders (Agora's kRolePublisher, kRoleSubscriber).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token2_role {
    /// JoinChannel and the three publish privileges.
    AGORA_TOKEN2_ROLE_PUBLISHER = 1,
    /// JoinChannel only.
    AGORA_TOKEN2_ROLE_SUBSCRIBER = 2,
}

/// The role to pass for a host's null role: join only, as Agora's 007
/// builders make of it (token-core's `RtcRole::JOIN_ONLY`). Through
/// `agora_token2_build`, `agora_token2_args.null_ints` says the same.
pub const AGORA_TOKEN2_ROLE_JOIN_ONLY: i64 = 2;

/// AccessToken2 service types (`agora_token2_service.service_type`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token2_service_type {
    /// ServiceRtc: channel_name, uid or user_account.
    AGORA_TOKEN2_SERVICE_RTC = 1,
    /// ServiceRtm: user_id.
    AGORA_TOKEN2_SERVICE_RTM = 2,
    /// ServiceStreaming: channel_name, uid or user_account.
    AGORA_TOKEN2_SERVICE_STREAMING = 3,
    /// ServiceFpa: no field.
    AGORA_TOKEN2_SERVICE_FPA = 4,
    /// ServiceChat: user_id ("" for an app token).
    AGORA_TOKEN2_SERVICE_CHAT = 5,
    /// ServiceFCdn: channel_name, uid or user_account.
    AGORA_TOKEN2_SERVICE_FCDN = 6,
    /// ServiceApaas: room_uuid, user_uuid, role.
    AGORA_TOKEN2_SERVICE_APAAS = 7,
    /// ServiceRtm2: user_id, permissions.
    AGORA_TOKEN2_SERVICE_RTM2 = 8,
    /// ServiceConvoAI: no field, no privilege.
    AGORA_TOKEN2_SERVICE_CONVOAI = 9,
    /// ServiceStt: no field, no privilege.
    AGORA_TOKEN2_SERVICE_STT = 10,
}

/// RTC (1) privilege ids.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token2_privilege_rtc {
    /// kPrivilegeJoinChannel
    AGORA_TOKEN2_PRIVILEGE_JOIN_CHANNEL = 1,
    /// kPrivilegePublishAudioStream
    AGORA_TOKEN2_PRIVILEGE_PUBLISH_AUDIO_STREAM = 2,
    /// kPrivilegePublishVideoStream
    AGORA_TOKEN2_PRIVILEGE_PUBLISH_VIDEO_STREAM = 3,
    /// kPrivilegePublishDataStream
    AGORA_TOKEN2_PRIVILEGE_PUBLISH_DATA_STREAM = 4,
}

/// RTM (2), FPA (4) and RTM2 (8) privilege ids.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token2_privilege_login {
    /// kPrivilegeLogin
    AGORA_TOKEN2_PRIVILEGE_LOGIN = 1,
}

/// Streaming (3) privilege ids.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token2_privilege_streaming {
    /// kPrivilegePublishMixStream
    AGORA_TOKEN2_PRIVILEGE_STREAMING_PUBLISH_MIX_STREAM = 1,
    /// kPrivilegePublishRawStream
    AGORA_TOKEN2_PRIVILEGE_STREAMING_PUBLISH_RAW_STREAM = 2,
}

/// Chat (5) privilege ids.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token2_privilege_chat {
    /// kPrivilegeUser
    AGORA_TOKEN2_PRIVILEGE_CHAT_USER = 1,
    /// kPrivilegeApp
    AGORA_TOKEN2_PRIVILEGE_CHAT_APP = 2,
}

/// FCDN (6) privilege ids.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token2_privilege_fcdn {
    /// kPrivilegePublish
    AGORA_TOKEN2_PRIVILEGE_FCDN_PUBLISH = 1,
    /// kPrivilegePlay
    AGORA_TOKEN2_PRIVILEGE_FCDN_PLAY = 2,
}

/// APaaS (7) privilege ids.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token2_privilege_apaas {
    /// kPrivilegeRoomUser
    AGORA_TOKEN2_PRIVILEGE_APAAS_ROOM_USER = 1,
    /// kPrivilegeUser
    AGORA_TOKEN2_PRIVILEGE_APAAS_USER = 2,
    /// kPrivilegeApp
    AGORA_TOKEN2_PRIVILEGE_APAAS_APP = 3,
}

/// RTM2 resource types (`agora_token2_permission.resource_type`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token2_rtm2_resource {
    /// kMessageChannels
    AGORA_TOKEN2_RTM2_MESSAGE_CHANNELS = 0,
    /// kStreamChannels
    AGORA_TOKEN2_RTM2_STREAM_CHANNELS = 1,
    /// kGroupChannels
    AGORA_TOKEN2_RTM2_GROUP_CHANNELS = 2,
    /// kServerGroups
    AGORA_TOKEN2_RTM2_SERVER_GROUPS = 3,
    /// kUsers
    AGORA_TOKEN2_RTM2_USERS = 4,
}

/// RTM2 permission types (`agora_token2_permission.permission_type`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum agora_token2_rtm2_permission {
    /// kRead
    AGORA_TOKEN2_RTM2_READ = 0,
    /// kWrite
    AGORA_TOKEN2_RTM2_WRITE = 1,
}

/// One RTM2 grant: a resource type, a permission type and its resources.
/// Types are wide so that an out-of-range value is refused (`permission`),
/// never truncated.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct agora_token2_permission {
    /// 0..4 (AGORA_TOKEN2_RTM2_MESSAGE_CHANNELS ...).
    pub resource_type: i64,
    /// 0..1 (AGORA_TOKEN2_RTM2_READ, _WRITE).
    pub permission_type: i64,
    /// The resources, in order (each up to 65535 bytes).
    pub resources: *const agora_token_str,
    /// How many.
    pub resource_count: usize,
}

/// The arguments of a builder after app id and certificate. Its parameters
/// (`agora_token2_builder_info`) take, in order: a string parameter the next
/// of `strs`, an integer parameter the next of `ints`, a permissions
/// parameter all of `permissions`. Parameters after the last one given take
/// their documented default (python3's); a required one left out is
/// `null_argument`, as is an argument left over.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct agora_token2_args {
    /// The string arguments, in parameter order.
    pub strs: *const agora_token_str,
    /// How many.
    pub str_count: usize,
    /// The integer arguments (uid, role, expiries), in parameter order.
    /// Wide, so that a value out of its range is refused with its category.
    pub ints: *const i64,
    /// How many.
    pub int_count: usize,
    /// The RTM2 grants of `rtm.build_token_with_permissions`.
    pub permissions: *const agora_token2_permission,
    /// How many.
    pub permission_count: usize,
    /// Non-zero: use `issue_ts` instead of the clock (tests, vectors).
    pub has_issue_ts: i32,
    /// Non-zero: use `salt` instead of a fresh CSPRNG salt (tests, vectors).
    pub has_salt: i32,
    /// Unix seconds, 0..4294967295 (read when has_issue_ts).
    pub issue_ts: i64,
    /// 0..4294967295 (read when has_salt).
    pub salt: i64,
    /// Bit i set: the i-th integer argument is the host's null (its value in
    /// `ints` is not read). An RTC role that is null is join-only, what
    /// Agora's builders make of a null role; any other null integer is
    /// AGORA_TOKEN_ERR_NULL_ARGUMENT naming its parameter. 0 when unused.
    pub null_ints: u64,
}

/// One privilege: an id documented for its service and a value in seconds
/// after issue_ts (0: no limit of its own). Wide, so that an out-of-range
/// value is refused (`privilege`, `expire_ts`).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct agora_token2_privilege {
    /// The privilege id (AGORA_TOKEN2_PRIVILEGE_...).
    pub id: i64,
    /// Seconds after issue_ts.
    pub expire: i64,
}

/// One service as data. Which fields are read depends on the type; the
/// others are ignored. A string field whose pointer is NULL is absent.
///
/// In a parsed token (`agora_token2_info`), channel services (1, 3, 6) carry
/// the packed user string in `user_account` (`""` for uid 0, the decimal
/// uid, or the account) and `has_uid` is 0; APaaS has `has_role` 1.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct agora_token2_service {
    /// 1..10 (AGORA_TOKEN2_SERVICE_RTC ...).
    pub service_type: i64,
    /// The privileges (ids unique within the service).
    pub privileges: *const agora_token2_privilege,
    /// How many.
    pub privilege_count: usize,
    /// Types 1, 3, 6: the channel name.
    pub channel_name: agora_token_str,
    /// Types 1, 3, 6: non-zero for a numeric `uid`; else `user_account` is the user.
    pub has_uid: i32,
    /// Types 1, 3, 6: read when has_uid (0..4294967295; 0 is any user).
    pub uid: i64,
    /// Types 1, 3, 6: the user account (when not has_uid).
    pub user_account: agora_token_str,
    /// Types 2, 5, 8: the user id. Type 8 (RTM2) with this absent reads
    /// `has_uid`/`uid` instead: the uid in decimal, "" for 0 (the wildcard).
    pub user_id: agora_token_str,
    /// Type 7: the room uuid (absent: "").
    pub room_uuid: agora_token_str,
    /// Type 7: the user uuid (absent: "").
    pub user_uuid: agora_token_str,
    /// Type 7: non-zero when `role` is given (required).
    pub has_role: i32,
    /// Type 7: -32768..32767.
    pub role: i64,
    /// Type 8: the grants ((resource, permission) pairs unique).
    pub permissions: *const agora_token2_permission,
    /// How many.
    pub permission_count: usize,
}

/// A whole AccessToken2 as data (`agora_token2_build_data`).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct agora_token2_data {
    /// 32 hex digits.
    pub app_id: agora_token_str,
    /// 32 hex digits.
    pub app_certificate: agora_token_str,
    /// Non-zero: use `issue_ts`; else the clock at build.
    pub has_issue_ts: i32,
    /// Non-zero: use `salt`; else a fresh CSPRNG salt in 1..99999999.
    pub has_salt: i32,
    /// Unix seconds, 0..4294967295 (read when has_issue_ts).
    pub issue_ts: i64,
    /// Seconds after issue_ts, 0..4294967295.
    pub expire: i64,
    /// 0..4294967295 (read when has_salt).
    pub salt: i64,
    /// At least one service (counting `other_services`); packed sorted by type (stable).
    pub services: *const agora_token2_service,
    /// How many.
    pub service_count: usize,
    /// Services of a type outside 1..10, as Agora's reference classes let a
    /// caller add one (`new Service(999)`): packed as type and privileges
    /// only, among the others by type. NULL/0 for every documented token.
    pub other_services: *const agora_token2_other_service,
    /// How many.
    pub other_service_count: usize,
}

/// A service of a type outside 1..10 (0 or 11..65535) as data: its type and
/// privileges, the layout every service starts with (token-core's
/// `OtherService`). A reader that does not know the type stops there:
/// `agora_token2_parse` refuses such a token (AGORA_TOKEN_ERR_SERVICE),
/// `agora_token2_parse_lenient` reads up to it, as Agora's parsers do.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct agora_token2_other_service {
    /// 0 or 11..65535 (a documented type is AGORA_TOKEN_ERR_SERVICE).
    pub service_type: i64,
    /// The privileges: any id 0..65535, unique; values 0..4294967295.
    pub privileges: *const agora_token2_privilege,
    /// How many.
    pub privilege_count: usize,
}

/// Every field of a parsed 007 token: owned by the library, read-only,
/// freed once with `agora_token2_info_free`. Every pointer in it (strings,
/// arrays) lives as long as the struct.
#[repr(C)]
#[derive(Debug)]
pub struct agora_token2_info {
    /// The app id (32 hex characters, case kept).
    pub app_id: agora_token_str,
    /// The signature (HMAC-SHA256).
    pub signature: [u8; 32],
    /// Unix seconds when the token was made.
    pub issue_ts: u32,
    /// Seconds after issue_ts until it expires.
    pub expire: u32,
    /// The salt.
    pub salt: u32,
    /// The services in token order, privileges and permissions in token order.
    pub services: *const agora_token2_service,
    /// How many (at least 1).
    pub service_count: usize,
    /// The decompressed content (signature string | signing info).
    pub content: *const u8,
    /// Its length.
    pub content_len: usize,
    /// From `agora_token2_parse_lenient`: the service type (outside 1..10)
    /// where reading stopped, its bytes and the rest left unread in
    /// `content` (which the signature covers); -1 when every service was read.
    pub unread_service_type: i32,
}

/// What `agora_token2_verify` checks beyond signature and expiry. A string
/// whose pointer is NULL is absent.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct agora_token2_expected {
    /// When given, checked first (AGORA_TOKEN_VERIFY_APP_ID_MISMATCH).
    pub app_id: agora_token_str,
    /// When given, the RTC check: a channel name and a user (`has_uid` and
    /// `uid`, or else `user_account`).
    pub channel_name: agora_token_str,
    /// Non-zero: the user is the numeric `uid`.
    pub has_uid: i32,
    /// 0..4294967295 (read when has_uid).
    pub uid: i64,
    /// The user account (when not has_uid).
    pub user_account: agora_token_str,
    /// When given, the RTM check (after the RTC check): an RTM or RTM2
    /// service for this user id (SERVICE_MISSING, UID_MISMATCH,
    /// PRIVILEGE_EXPIRED by its Login value).
    pub rtm_user_id: agora_token_str,
}

/// One parameter of a builder (`agora_token2_builder_info`).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct agora_token2_param {
    /// Its python3 name ("channel_name").
    pub name: agora_token_str,
    /// An agora_token2_param_kind.
    pub kind: i32,
    /// Non-zero when the parameter is optional (python3's default).
    pub has_default: i32,
    /// The default (read when has_default).
    pub default_value: i64,
}

/// A builder of the table: its name and parameters (after app id and
/// certificate). Static: never freed.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct agora_token2_builder_info {
    /// The python3 name ("rtc.build_token_with_uid").
    pub name: agora_token_str,
    /// The parameters, in order.
    pub params: *const agora_token2_param,
    /// How many.
    pub param_count: usize,
}

// ---------------------------------------------------------------------------
// The builder table.

/// The ABI number of a parameter kind; the one place that maps them.
const fn kind_code(kind: ParamKind) -> agora_token2_param_kind {
    use agora_token2_param_kind::*;
    match kind {
        ParamKind::Str => AGORA_TOKEN2_PARAM_STR,
        ParamKind::Uid => AGORA_TOKEN2_PARAM_UID,
        ParamKind::RtcRole => AGORA_TOKEN2_PARAM_RTC_ROLE,
        ParamKind::Expire => AGORA_TOKEN2_PARAM_EXPIRE,
        ParamKind::PrivilegeExpire => AGORA_TOKEN2_PARAM_PRIVILEGE_EXPIRE,
        ParamKind::ApaasRole => AGORA_TOKEN2_PARAM_APAAS_ROLE,
        ParamKind::Permissions => AGORA_TOKEN2_PARAM_PERMISSIONS,
    }
}

/// The table as C structs, built once; its pointers refer to token-core's
/// static names and to the vectors here, which never change afterwards.
struct Table {
    builders: Vec<agora_token2_builder_info>,
    _params: Vec<Vec<agora_token2_param>>,
}

// SAFETY: built once, then only read; every pointer targets 'static data or
// heap memory owned by the table itself.
unsafe impl Send for Table {}
// SAFETY: as above.
unsafe impl Sync for Table {}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let params: Vec<Vec<agora_token2_param>> = RECIPES
            .iter()
            .map(|r| {
                r.params
                    .iter()
                    .map(|p| agora_token2_param {
                        name: agora_token_str::of(p.name),
                        kind: kind_code(p.kind) as i32,
                        has_default: i32::from(p.default.is_some()),
                        default_value: p.default.unwrap_or(0),
                    })
                    .collect()
            })
            .collect();
        let builders = RECIPES
            .iter()
            .zip(&params)
            .map(|(r, p)| agora_token2_builder_info {
                name: agora_token_str::of(r.name),
                params: p.as_ptr(),
                param_count: p.len(),
            })
            .collect();
        Table { builders, _params: params }
    })
}

/// How many builders the table has (valid ids are 0..count-1).
#[unsafe(no_mangle)]
pub extern "C" fn agora_token2_builder_count() -> u32 {
    RECIPES.len() as u32
}

/// The name and parameters of a builder. `*info_out` is static: never free
/// it. An id outside the table is AGORA_TOKEN_ERR_INTERNAL (a binding newer
/// than the library).
///
/// # Safety
/// `info_out` is NULL or writable; `error` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token2_builder_get_info(
    builder: u32,
    info_out: *mut *const agora_token2_builder_info,
    error: *mut agora_token_error,
) -> c_int {
    run_sized(error, || {
        let info_out = out_param(info_out, "info_out")?;
        Recipe::at(builder as usize)?;
        // SAFETY: checked non-NULL; the table lives for the process.
        unsafe { put(info_out, &table().builders[builder as usize] as *const _) };
        Ok(())
    })
}

/// The id of the builder with this python3 name ("rtc.build_token_with_uid").
/// An unknown name is AGORA_TOKEN_ERR_NULL_ARGUMENT (no such builder).
///
/// # Safety
/// `name` is NULL or valid for `name_len` bytes; `builder_out` is NULL or
/// writable; `error` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token2_builder_find(
    name: *const c_char,
    name_len: usize,
    builder_out: *mut u32,
    error: *mut agora_token_error,
) -> c_int {
    run_sized(error, || {
        // SAFETY: caller contract.
        let name = unsafe { bytes_in(name, name_len, "name") }?;
        let builder_out = out_param(builder_out, "builder_out")?;
        let found = std::str::from_utf8(name).ok().and_then(Recipe::find).ok_or_else(|| {
            TokenError::new(
                ErrorKind::NullArgument,
                format!("name: {:?} is not a builder name", String::from_utf8_lossy(name)),
            )
        })?;
        // SAFETY: checked non-NULL.
        unsafe { put(builder_out, found.0 as u32) };
        Ok(())
    })
}

/// The integer argument `int_index` (counting only the builder's integer
/// parameters, as `agora_token2_args.ints` does) of `builder`, given as text
/// (`$_GET['expire']`): canonical decimal only, read under that parameter's
/// rule (a uid: AGORA_TOKEN_ERR_UID pointing to the account builder; a role,
/// lifetime or privilege lifetime: its category). On success `*value_out`
/// (when not NULL) is the value, for `ints[int_index]`; the builder then
/// checks its range as it does any integer. An unknown builder or index is
/// AGORA_TOKEN_ERR_INTERNAL / AGORA_TOKEN_ERR_NULL_ARGUMENT.
///
/// # Safety
/// `text` is NULL or valid for `text_len` bytes; `value_out` and `error`
/// are NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token2_int_from_decimal(
    builder: u32,
    int_index: usize,
    text: *const c_char,
    text_len: usize,
    value_out: *mut i64,
    error: *mut agora_token_error,
) -> c_int {
    run_sized(error, || {
        let recipe = Recipe::at(builder as usize)?;
        let param = recipe.params.iter().filter(|p| p.kind.is_int()).nth(int_index).ok_or_else(|| {
            TokenError::new(
                ErrorKind::NullArgument,
                format!("int_index: {} has no integer parameter {int_index}", recipe.name),
            )
        })?;
        // SAFETY: caller contract.
        let text = unsafe { text_in(text, text_len, param.error_kind()) }?;
        let value = param.from_decimal(text.as_str())?;
        if !value_out.is_null() {
            // SAFETY: non-NULL and writable per the contract.
            unsafe { put(value_out, value) };
        }
        Ok(())
    })
}

// ---------------------------------------------------------------------------
// Building.

/// RTM2 grants as token-core takes them. A resource that is not UTF-8 is a
/// `permission` error naming it.
///
/// # Safety
/// `grants` and every resources array in it are valid as their counts say.
unsafe fn permissions_in(grants: &[agora_token2_permission]) -> Result<Vec<RawPermission>, TokenError> {
    grants
        .iter()
        .enumerate()
        .map(|(i, g)| {
            // SAFETY: caller contract.
            let resources = unsafe { slice_in(g.resources, g.resource_count, "permission resources") }?;
            let resources = resources
                .iter()
                .enumerate()
                .map(|(j, r)| {
                    // SAFETY: caller contract.
                    let bytes = unsafe { bytes_in(r.ptr, r.len, "permission resource") }?;
                    String::from_utf8(bytes.to_vec()).map_err(|_| {
                        TokenError::new(
                            ErrorKind::Permission,
                            format!("permission: resource {j} of grant {i} is not valid UTF-8"),
                        )
                    })
                })
                .collect::<Result<_, _>>()?;
            Ok(RawPermission { resource_type: g.resource_type, permission_type: g.permission_type, resources })
        })
        .collect()
}

fn leftover(recipe: &Recipe, what: &str, given: usize, used: usize) -> TokenError {
    TokenError::new(
        ErrorKind::NullArgument,
        format!(
            "{what}: {} takes {used} of the {given} given ({} parameters in all)",
            recipe.name,
            recipe.params.len()
        ),
    )
}

const NO_ARGS: agora_token2_args = agora_token2_args {
    strs: std::ptr::null(),
    str_count: 0,
    ints: std::ptr::null(),
    int_count: 0,
    permissions: std::ptr::null(),
    permission_count: 0,
    has_issue_ts: 0,
    has_salt: 0,
    issue_ts: 0,
    salt: 0,
    null_ints: 0,
};

/// Calls a reference builder of token-core's table (an
/// agora_token2_builder_id) with `args`, and writes the token ("007...",
/// no NUL) to `out` and its length to `*out_len`. `args` is nullable (no
/// arguments: the FPA builder). Checks, in order: the builder id, the
/// arguments in parameter order (type, range, their service's rules), the
/// app id, the certificate; then the size of `out`: a token longer than
/// `out_cap` is AGORA_TOKEN_ERR_BUFFER_TOO_SMALL with the bytes it took in
/// `error->needed` (`out` may be NULL with `out_cap` 0 to ask). Without pins
/// the token is issued now with a fresh CSPRNG salt. On failure `out` and
/// `*out_len` are not written and `error` (nullable) gets the reason.
///
/// # Safety
/// The strings are NULL or valid for their lengths; `args` is NULL or valid,
/// with arrays valid for their counts; `out` is NULL or writable for
/// `out_cap` bytes; `out_len` and `error` are NULL or writable.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token2_build(
    builder: u32,
    app_id: *const c_char,
    app_id_len: usize,
    app_certificate: *const c_char,
    app_certificate_len: usize,
    args: *const agora_token2_args,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut agora_token_error,
) -> c_int {
    run_sized(error, || {
        let recipe = Recipe::at(builder as usize)?;
        // SAFETY (all argument reads): the caller lends valid memory or NULL.
        let (app_id, app_certificate) =
            unsafe { credentials_in(app_id, app_id_len, app_certificate, app_certificate_len) }?;
        let args = if args.is_null() { &NO_ARGS } else { unsafe { &*args } };
        let strs = unsafe { slice_in(args.strs, args.str_count, "strs") }?;
        let ints = unsafe { slice_in(args.ints, args.int_count, "ints") }?;
        let grants = unsafe { slice_in(args.permissions, args.permission_count, "permissions") }?;
        let out = SizedOut::new(out, out_cap, out_len)?;
        let pin =
            Pin::checked((args.has_issue_ts != 0).then_some(args.issue_ts), (args.has_salt != 0).then_some(args.salt))?;
        // The string arguments, each checked by the rules of the parameter it feeds.
        let mut texts: Vec<StrArg<'_>> = Vec::with_capacity(strs.len());
        let mut str_params = recipe.params.iter().filter(|p| p.kind == ParamKind::Str);
        for s in strs {
            let kind = str_params.next().map_or(ErrorKind::NullArgument, |p| p.error_kind());
            texts.push(unsafe { text_in(s.ptr, s.len, kind) }?);
        }
        let (mut si, mut ii) = (0, 0);
        let mut values: Vec<Arg<'_>> = Vec::with_capacity(recipe.params.len());
        for param in recipe.params {
            let value = match param.kind {
                ParamKind::Str => texts.get(si).map(|t| {
                    si += 1;
                    Arg::Str(t.as_str())
                }),
                ParamKind::Permissions => Some(Arg::Permissions(unsafe { permissions_in(grants) }?)),
                _ => ints.get(ii).map(|&n| {
                    let null = ii < 64 && args.null_ints & (1 << ii) != 0;
                    ii += 1;
                    if null {
                        Arg::Null
                    } else {
                        Arg::Int(n)
                    }
                }),
            };
            match value {
                Some(v) => values.push(v),
                None => break,
            }
        }
        if si < strs.len() {
            return Err(leftover(recipe, "strs", strs.len(), si).into());
        }
        if ii < ints.len() {
            return Err(leftover(recipe, "ints", ints.len(), ii).into());
        }
        let mut lent: Vec<&StrArg<'_>> = vec![&app_id, &app_certificate];
        lent.extend(&texts);
        let lent: Vec<Option<&StrArg<'_>>> = lent.into_iter().map(Some).collect();
        let mut token = utf8_checked(recipe.token(app_id.as_str(), app_certificate.as_str(), &values), &lent)?;
        token.issue_ts = pin.issue_ts;
        token.salt = pin.salt;
        out.build(|buf| token.build_into(buf))
    })
}

/// The strings of each service, checked as text of their fields' kinds
/// (they outlive the `RawService`s that borrow them).
///
/// # Safety
/// Every string of every service is NULL or valid for its length.
unsafe fn service_texts<'a>(services: &[agora_token2_service]) -> Result<Vec<[Option<StrArg<'a>>; 5]>, TokenError> {
    services
        .iter()
        .map(|s| {
            // SAFETY: caller contract.
            Ok(unsafe {
                [
                    opt_text_in(&s.channel_name, ErrorKind::ChannelName)?,
                    opt_text_in(&s.user_account, ErrorKind::UserAccount)?,
                    opt_text_in(&s.user_id, ErrorKind::UserId)?,
                    opt_text_in(&s.room_uuid, ErrorKind::RoomUuid)?,
                    opt_text_in(&s.user_uuid, ErrorKind::UserUuid)?,
                ]
            })
        })
        .collect()
}

/// The services as token-core's data form, over their `service_texts`.
///
/// # Safety
/// Every array of every service is valid for its count.
unsafe fn raw_services<'t>(
    services: &[agora_token2_service],
    texts: &'t [[Option<StrArg<'_>>; 5]],
) -> Result<Vec<RawService<'t>>, TokenError> {
    services
        .iter()
        .zip(texts)
        .map(|(s, [channel, account, user_id, room, user])| {
            // SAFETY: caller contract.
            let privileges = unsafe { slice_in(s.privileges, s.privilege_count, "privileges") }?;
            let grants = unsafe { slice_in(s.permissions, s.permission_count, "permissions") }?;
            Ok(RawService {
                service_type: s.service_type,
                privileges: privileges.iter().map(|p| (p.id, p.expire)).collect(),
                channel_name: channel.as_ref().map(StrArg::as_str),
                uid: (s.has_uid != 0).then_some(s.uid),
                user_account: account.as_ref().map(StrArg::as_str),
                user_id: user_id.as_ref().map(StrArg::as_str),
                room_uuid: room.as_ref().map(StrArg::as_str),
                user_uuid: user.as_ref().map(StrArg::as_str),
                role: (s.has_role != 0).then_some(s.role),
                // SAFETY: caller contract.
                permissions: unsafe { permissions_in(grants) }?,
            })
        })
        .collect()
}

/// A service of another type as token-core's data form.
///
/// # Safety
/// Its privileges array is valid for its count.
unsafe fn raw_other_service(o: &agora_token2_other_service) -> Result<RawOtherService, TokenError> {
    // SAFETY: caller contract.
    let privileges = unsafe { slice_in(o.privileges, o.privilege_count, "privileges") }?;
    Ok(RawOtherService {
        service_type: o.service_type,
        privileges: privileges.iter().map(|p| (p.id, p.expire)).collect(),
    })
}

/// Builds a token described as data: app id, certificate, issue_ts (or
/// now), expire, salt (or a fresh one) and the services. Checks, in order:
/// app id, certificate, issue_ts, expire, salt, the services (none:
/// AGORA_TOKEN_ERR_NO_SERVICE; then each, in order: type, fields,
/// privileges, permissions). Output and failures as `agora_token2_build`.
///
/// # Safety
/// `token` is NULL or valid, with every array and string in it valid for
/// its count or length; `out` is NULL or writable for `out_cap` bytes;
/// `out_len` and `error` are NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token2_build_data(
    token: *const agora_token2_data,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut agora_token_error,
) -> c_int {
    run_sized(error, || {
        if token.is_null() {
            return Err(null_error("token").into());
        }
        // SAFETY (all reads): the caller lends valid memory.
        let t = unsafe { &*token };
        let app_id = unsafe { text_in(t.app_id.ptr, t.app_id.len, ErrorKind::AppId) }?;
        let app_certificate =
            unsafe { text_in(t.app_certificate.ptr, t.app_certificate.len, ErrorKind::AppCertificate) }?;
        let services = unsafe { slice_in(t.services, t.service_count, "services") }?;
        let others = unsafe { slice_in(t.other_services, t.other_service_count, "other_services") }?;
        let out = SizedOut::new(out, out_cap, out_len)?;
        let texts = unsafe { service_texts(services) }?;
        let raw_services = unsafe { raw_services(services, &texts) }?;
        let raw = RawToken {
            app_id: app_id.as_str(),
            app_certificate: app_certificate.as_str(),
            issue_ts: (t.has_issue_ts != 0).then_some(t.issue_ts),
            expire: t.expire,
            salt: (t.has_salt != 0).then_some(t.salt),
            services: raw_services,
            other_services: others.iter().map(|o| unsafe { raw_other_service(o) }).collect::<Result<_, _>>()?,
        };
        let lent: Vec<Option<&StrArg<'_>>> = [Some(&app_id), Some(&app_certificate)]
            .into_iter()
            .chain(texts.iter().flatten().map(Option::as_ref))
            .collect();
        let token = utf8_checked(raw.to_token(), &lent)?;
        out.build(|buf| token.build_into(buf))
    })
}

/// One service's bytes as a token packs them (Agora's `Service.pack()` /
/// `PackService()`): exactly one of `service` (checked as
/// `agora_token2_build_data` checks a service) and `other` (a service of a
/// type outside 1..10: type and privileges). Output as `agora_token2_build`
/// (binary bytes, no NUL added).
///
/// # Safety
/// `service` and `other` are NULL or valid, with every array and string in
/// them valid for its count or length; `out` is NULL or writable for
/// `out_cap` bytes; `out_len` and `error` are NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token2_pack_service(
    service: *const agora_token2_service,
    other: *const agora_token2_other_service,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    error: *mut agora_token_error,
) -> c_int {
    run_sized(error, || {
        let out = SizedOut::new(out, out_cap, out_len)?;
        let bytes = match (service.is_null(), other.is_null()) {
            (false, true) => {
                // SAFETY (all reads): the caller lends valid memory.
                let one = std::slice::from_ref(unsafe { &*service });
                let texts = unsafe { service_texts(one) }?;
                let raw = unsafe { raw_services(one, &texts) }?;
                let lent: Vec<Option<&StrArg<'_>>> = texts.iter().flatten().map(Option::as_ref).collect();
                utf8_checked(raw[0].to_service(), &lent)?.packed()
            }
            // SAFETY: the caller lends valid memory.
            (true, false) => unsafe { raw_other_service(&*other) }?.to_service()?.packed(),
            _ => {
                return Err(TokenError::new(
                    ErrorKind::NullArgument,
                    "service: pass exactly one of service and other (the other is NULL)",
                )
                .into())
            }
        };
        // SAFETY: checked by SizedOut::new.
        unsafe { out.write(&bytes) }
    })
}

// ---------------------------------------------------------------------------
// Parse and verify.

/// What `agora_token2_parse` allocates: the public struct first, then the
/// storage its pointers refer to.
#[repr(C)]
struct Info2Box {
    info: agora_token2_info,
    services: Vec<agora_token2_service>,
    privileges: Vec<agora_token2_privilege>,
    permissions: Vec<agora_token2_permission>,
    resources: Vec<agora_token_str>,
    parsed: ParsedToken2,
}

fn info_box(parsed: ParsedToken2) -> Box<Info2Box> {
    let mut b = Box::new(Info2Box {
        info: agora_token2_info {
            app_id: agora_token_str::NONE,
            signature: parsed.signature,
            issue_ts: parsed.issue_ts,
            expire: parsed.expire,
            salt: parsed.salt,
            services: std::ptr::null(),
            service_count: 0,
            content: std::ptr::null(),
            content_len: 0,
            unread_service_type: parsed.unread_service_type.map_or(-1, i32::from),
        },
        services: Vec::new(),
        privileges: Vec::new(),
        permissions: Vec::new(),
        resources: Vec::new(),
        parsed,
    });
    let Info2Box { info, services, privileges, permissions, resources, parsed } = &mut *b;
    // Fill the flat arrays first; take pointers only once none of them grows again.
    let mut spans = Vec::with_capacity(parsed.services.len()); // per service: privileges, grants
    let mut grant_spans = Vec::new(); // per grant: resources
    for s in &parsed.services {
        let p0 = privileges.len();
        privileges.extend(
            s.privileges().iter().map(|&(id, v)| agora_token2_privilege { id: i64::from(id), expire: i64::from(v) }),
        );
        let g0 = permissions.len();
        if let ServiceFields::Rtm2 { permissions: grants, .. } = s.fields() {
            for g in grants {
                let r0 = resources.len();
                resources.extend(g.resources.iter().map(|r| agora_token_str::of(r)));
                grant_spans.push((r0, resources.len()));
                permissions.push(agora_token2_permission {
                    resource_type: i64::from(g.resource_type),
                    permission_type: i64::from(g.permission_type),
                    resources: std::ptr::null(),
                    resource_count: 0,
                });
            }
        }
        spans.push((p0, privileges.len(), g0, permissions.len()));
    }
    for (g, &(r0, r1)) in permissions.iter_mut().zip(&grant_spans) {
        g.resources = span_ptr(resources, r0, r1);
        g.resource_count = r1 - r0;
    }
    for (s, &(p0, p1, g0, g1)) in parsed.services.iter().zip(&spans) {
        let mut c = agora_token2_service {
            service_type: i64::from(s.service_type().id()),
            privileges: span_ptr(privileges, p0, p1),
            privilege_count: p1 - p0,
            channel_name: agora_token_str::NONE,
            has_uid: 0,
            uid: 0,
            user_account: agora_token_str::NONE,
            user_id: agora_token_str::NONE,
            room_uuid: agora_token_str::NONE,
            user_uuid: agora_token_str::NONE,
            has_role: 0,
            role: 0,
            permissions: span_ptr(permissions, g0, g1),
            permission_count: g1 - g0,
        };
        match s.fields() {
            ServiceFields::Channel { channel_name, account } => {
                c.channel_name = agora_token_str::of(channel_name);
                c.user_account = agora_token_str::of(account);
            }
            ServiceFields::User { user_id } | ServiceFields::Rtm2 { user_id, .. } => {
                c.user_id = agora_token_str::of(user_id)
            }
            ServiceFields::Apaas { room_uuid, user_uuid, role } => {
                c.room_uuid = agora_token_str::of(room_uuid);
                c.user_uuid = agora_token_str::of(user_uuid);
                c.has_role = 1;
                c.role = i64::from(*role);
            }
            ServiceFields::Empty => {}
        }
        services.push(c);
    }
    info.app_id = agora_token_str::of(&parsed.app_id);
    info.services = services.as_ptr();
    info.service_count = services.len();
    info.content = parsed.content.as_ptr();
    info.content_len = parsed.content.len();
    b
}

/// The start of `v[a..b]`, or NULL when it is empty.
fn span_ptr<T>(v: &[T], a: usize, b: usize) -> *const T {
    if b > a {
        v[a..].as_ptr()
    } else {
        std::ptr::null()
    }
}

/// Parses a 007 token strictly (the `reject007` order: too_long, version,
/// base64, zlib, truncated, signature, app_id, no_service, service,
/// privilege, permission, utf8, trailing); any valid zlib stream is read.
/// On success `*info_out` gets a struct the caller frees once with
/// `agora_token2_info_free`. Parsing does not check the signature:
/// `agora_token2_verify` does.
///
/// # Safety
/// `token` is NULL or valid for `token_len` bytes; `info_out` and `error`
/// are NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token2_parse(
    token: *const c_char,
    token_len: usize,
    info_out: *mut *mut agora_token2_info,
    error: *mut agora_token_error,
) -> c_int {
    // SAFETY: the caller's contract is this function's.
    unsafe { parse_with(token, token_len, info_out, error, false) }
}

/// As `agora_token2_parse`, but reads as Agora's reference parsers do at a
/// service type outside 1..10: reading stops there and succeeds, with the
/// services before it and `unread_service_type` set (token-core's
/// `parse007_lenient`). Every other rule is `agora_token2_parse`'s. For the
/// reference-named classes (`AccessToken2::FromString`), so that a token
/// with a service type added after this library still reads.
///
/// # Safety
/// As `agora_token2_parse`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token2_parse_lenient(
    token: *const c_char,
    token_len: usize,
    info_out: *mut *mut agora_token2_info,
    error: *mut agora_token_error,
) -> c_int {
    // SAFETY: the caller's contract is this function's.
    unsafe { parse_with(token, token_len, info_out, error, true) }
}

/// # Safety
/// As `agora_token2_parse`.
unsafe fn parse_with(
    token: *const c_char,
    token_len: usize,
    info_out: *mut *mut agora_token2_info,
    error: *mut agora_token_error,
    lenient: bool,
) -> c_int {
    run_sized(error, || {
        // SAFETY: caller contract.
        let token = unsafe { bytes_in(token, token_len, "token") }?;
        let info_out = out_param(info_out, "info_out")?;
        let parsed = if lenient { parse007_lenient(token)? } else { parse007(token)? };
        // `info` is the first field of a repr(C) struct: the pointers are interchangeable.
        let raw = Box::into_raw(info_box(parsed)).cast::<agora_token2_info>();
        // SAFETY: checked non-NULL.
        unsafe { put(info_out, raw) };
        Ok(())
    })
}

/// Frees a struct from `agora_token2_parse`. NULL is a no-op.
///
/// # Safety
/// `info` is NULL or a struct from `agora_token2_parse` not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token2_info_free(info: *mut agora_token2_info) {
    // SAFETY: allocated as an Info2Box whose first field is the info, freed once per the contract.
    unsafe { free_boxed::<_, Info2Box>(info) }
}

/// Verifies a 007 token at `now` (Unix seconds, 0..4294967295). On success
/// `*result_out` gets an agora_token_verify_result: OK or the first failing
/// check, in this order: APP_ID_MISMATCH (only with `expected->app_id`),
/// SIGNATURE_MISMATCH, EXPIRED (now > issue_ts + expire), then with an RTC
/// check (`expected->channel_name`): SERVICE_MISSING, CHANNEL_MISMATCH,
/// UID_MISMATCH (an RTC service for uid 0 admits any user),
/// PRIVILEGE_EXPIRED, then with an RTM check (`expected->rtm_user_id`):
/// SERVICE_MISSING, UID_MISMATCH, PRIVILEGE_EXPIRED. `expected` is nullable (signature and expiry only). A
/// malformed token or certificate is a negative status (parse categories,
/// app_certificate), as is `now` out of range (AGORA_TOKEN_ERR_NOW).
///
/// # Safety
/// The strings are NULL or valid for their lengths; `expected` is NULL or
/// valid; `result_out` and `error` are NULL or writable.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token2_verify(
    token: *const c_char,
    token_len: usize,
    app_certificate: *const c_char,
    app_certificate_len: usize,
    expected: *const agora_token2_expected,
    now: i64,
    result_out: *mut c_int,
    error: *mut agora_token_error,
) -> c_int {
    // SAFETY: the caller's contract is this function's.
    unsafe {
        verify_with(token, token_len, app_certificate, app_certificate_len, expected, now, result_out, error, false)
    }
}

/// As `agora_token2_verify`, over `agora_token2_parse_lenient`: a token with
/// a service type outside 1..10 has its signature, expiry and the services
/// before that type checked; a check that needs a service after it is
/// SERVICE_MISSING.
///
/// # Safety
/// As `agora_token2_verify`.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn agora_token2_verify_lenient(
    token: *const c_char,
    token_len: usize,
    app_certificate: *const c_char,
    app_certificate_len: usize,
    expected: *const agora_token2_expected,
    now: i64,
    result_out: *mut c_int,
    error: *mut agora_token_error,
) -> c_int {
    // SAFETY: the caller's contract is this function's.
    unsafe {
        verify_with(token, token_len, app_certificate, app_certificate_len, expected, now, result_out, error, true)
    }
}

/// # Safety
/// As `agora_token2_verify`.
#[allow(clippy::too_many_arguments)]
unsafe fn verify_with(
    token: *const c_char,
    token_len: usize,
    app_certificate: *const c_char,
    app_certificate_len: usize,
    expected: *const agora_token2_expected,
    now: i64,
    result_out: *mut c_int,
    error: *mut agora_token_error,
    lenient: bool,
) -> c_int {
    run_sized(error, || {
        // SAFETY (all reads): the caller lends valid memory or NULL.
        let token = unsafe { bytes_in(token, token_len, "token") }?;
        let app_certificate = unsafe { text_in(app_certificate, app_certificate_len, ErrorKind::AppCertificate) }?;
        let e = if expected.is_null() { None } else { Some(unsafe { &*expected }) };
        let (app_id, channel, account, rtm) = match e {
            Some(e) => (
                unsafe { opt_text_in(&e.app_id, ErrorKind::AppId) }?,
                unsafe { opt_text_in(&e.channel_name, ErrorKind::ChannelName) }?,
                unsafe { opt_text_in(&e.user_account, ErrorKind::UserAccount) }?,
                unsafe { opt_text_in(&e.rtm_user_id, ErrorKind::UserId) }?,
            ),
            None => (None, None, None, None),
        };
        let result_out = out_param(result_out, "result_out")?;
        let now = token_core::validate::check_now(i128::from(now))?;
        let rtc = match (&channel, e) {
            (Some(channel), Some(e)) => {
                let user = match (e.has_uid != 0, &account) {
                    (true, None) => UserId::Uid(token_core::validate::check_uid(i128::from(e.uid))?),
                    (false, Some(account)) => UserId::Account(account.as_str()),
                    _ => {
                        return Err(TokenError::new(
                            ErrorKind::NullArgument,
                            "uid: the RTC check needs exactly one of a uid (has_uid) and a user_account",
                        )
                        .into())
                    }
                };
                Some((channel.as_str(), user))
            }
            _ => None,
        };
        let expected =
            Expected007 { app_id: app_id.as_ref().map(StrArg::as_str), rtc, rtm: rtm.as_ref().map(StrArg::as_str) };
        let result = utf8_checked(
            if lenient {
                verify007_lenient(token, app_certificate.as_str(), &expected, now)
            } else {
                verify007(token, app_certificate.as_str(), &expected, now)
            },
            &[Some(&app_certificate), app_id.as_ref(), channel.as_ref(), account.as_ref(), rtm.as_ref()],
        )?;
        // SAFETY: checked non-NULL.
        unsafe { put(result_out, result.value()) };
        Ok(())
    })
}

#[cfg(test)]
mod tests;
