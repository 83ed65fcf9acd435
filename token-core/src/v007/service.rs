//! The ten AccessToken2 services: types, privileges, fields, checks, packing.
//!
//! Source of every rule: `FORMAT007.md` §4 (layout, privilege names) and the
//! vectors' README (`invalid007` checks). A service is
//! `u16 type | map<u16,u32> privileges | fields(type)`.

use crate::error::{ErrorKind, TokenError};
use crate::pack::{put_string, put_u16, put_u32, Reader};
use crate::v006::token::{uid_str, UserId};
use crate::validate::{check_channel_name, check_user_account};

/// Longest RTM, RTM2 or Chat user id, in UTF-8 bytes.
pub const MAX_USER_ID_BYTES: usize = 255;
/// Longest string the format can carry (its length is a u16).
pub const MAX_STRING_BYTES: usize = u16::MAX as usize;

macro_rules! service_types {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $class:literal, $short:literal,
        [ $( $pid:literal => $pname:literal ),* ]; )+) => {
        /// An AccessToken2 service type, with its wire number.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum ServiceType {
            $( $(#[$doc])* $variant = $id, )+
        }

        impl ServiceType {
            /// Every service type, by number.
            pub const ALL: &'static [ServiceType] = &[$(ServiceType::$variant),+];

            /// The service type with this number (1..=10).
            pub const fn from_id(id: u16) -> Option<ServiceType> {
                match id { $($id => Some(ServiceType::$variant),)+ _ => None }
            }

            /// The references' class name (`"ServiceRtc"`).
            pub const fn class_name(self) -> &'static str {
                match self { $(ServiceType::$variant => $class,)+ }
            }

            /// A short lowercase name (`"rtc"`), as the CLI and JSON output write it.
            pub const fn name(self) -> &'static str {
                match self { $(ServiceType::$variant => $short,)+ }
            }

            /// The documented privileges of this service: `(id, reference name)`, by id.
            pub const fn privileges(self) -> &'static [(u16, &'static str)] {
                match self { $(ServiceType::$variant => &[$(($pid, $pname)),*],)+ }
            }
        }
    };
}

service_types! {
    /// RTC (1): channel name and uid string.
    Rtc = 1, "ServiceRtc", "rtc", [1 => "kPrivilegeJoinChannel", 2 => "kPrivilegePublishAudioStream",
        3 => "kPrivilegePublishVideoStream", 4 => "kPrivilegePublishDataStream"];
    /// RTM (2): user id.
    Rtm = 2, "ServiceRtm", "rtm", [1 => "kPrivilegeLogin"];
    /// Streaming (3): channel name and account.
    Streaming = 3, "ServiceStreaming", "streaming", [1 => "kPrivilegePublishMixStream", 2 => "kPrivilegePublishRawStream"];
    /// FPA (4): no fields.
    Fpa = 4, "ServiceFpa", "fpa", [1 => "kPrivilegeLogin"];
    /// Chat (5): user id (empty for app tokens).
    Chat = 5, "ServiceChat", "chat", [1 => "kPrivilegeUser", 2 => "kPrivilegeApp"];
    /// FCDN (6): channel name and account.
    FCdn = 6, "ServiceFCdn", "fcdn", [1 => "kPrivilegePublish", 2 => "kPrivilegePlay"];
    /// APaaS (7): room uuid, user uuid, role.
    Apaas = 7, "ServiceApaas", "apaas", [1 => "kPrivilegeRoomUser", 2 => "kPrivilegeUser", 3 => "kPrivilegeApp"];
    /// RTM2 (8): user id and permissions.
    Rtm2 = 8, "ServiceRtm2", "rtm2", [1 => "kPrivilegeLogin"];
    /// ConvoAI (9, npm agora-token 2.0.6): no fields, no privileges.
    ConvoAi = 9, "ServiceConvoAI", "convoai", [];
    /// STT (10, npm agora-token 2.0.6): no fields, no privileges.
    Stt = 10, "ServiceStt", "stt", [];
}

impl ServiceType {
    /// The wire number.
    pub const fn id(self) -> u16 {
        self as u16
    }

    /// The service type with this number, or a `service` error.
    pub fn try_from_id(id: i64) -> Result<ServiceType, TokenError> {
        u16::try_from(id).ok().and_then(ServiceType::from_id).ok_or_else(|| {
            TokenError::new(ErrorKind::Service, format!("service: type {id} is not a service type (1..=10)"))
        })
    }

    /// The reference name of a privilege id of this service, if documented.
    pub fn privilege_name(self, id: u16) -> Option<&'static str> {
        self.privileges().iter().find(|&&(p, _)| p == id).map(|&(_, name)| name)
    }
}

/// The privilege ids of every service, with the references' names (Python
/// and C++ spell them `kPrivilege…`; FORMAT007.md §4 lists the others).
pub mod privilege {
    /// RTC `kPrivilegeJoinChannel`.
    pub const JOIN_CHANNEL: u16 = 1;
    /// RTC `kPrivilegePublishAudioStream`.
    pub const PUBLISH_AUDIO_STREAM: u16 = 2;
    /// RTC `kPrivilegePublishVideoStream`.
    pub const PUBLISH_VIDEO_STREAM: u16 = 3;
    /// RTC `kPrivilegePublishDataStream`.
    pub const PUBLISH_DATA_STREAM: u16 = 4;
    /// RTM, RTM2 and FPA `kPrivilegeLogin`.
    pub const LOGIN: u16 = 1;
    /// Streaming `kPrivilegePublishMixStream`.
    pub const STREAMING_PUBLISH_MIX_STREAM: u16 = 1;
    /// Streaming `kPrivilegePublishRawStream`.
    pub const STREAMING_PUBLISH_RAW_STREAM: u16 = 2;
    /// Chat `kPrivilegeUser`.
    pub const CHAT_USER: u16 = 1;
    /// Chat `kPrivilegeApp`.
    pub const CHAT_APP: u16 = 2;
    /// FCDN `kPrivilegePublish`.
    pub const FCDN_PUBLISH: u16 = 1;
    /// FCDN `kPrivilegePlay`.
    pub const FCDN_PLAY: u16 = 2;
    /// APaaS `kPrivilegeRoomUser`.
    pub const APAAS_ROOM_USER: u16 = 1;
    /// APaaS `kPrivilegeUser`.
    pub const APAAS_USER: u16 = 2;
    /// APaaS `kPrivilegeApp`.
    pub const APAAS_APP: u16 = 3;
}

/// RTM2 resource types (FORMAT007.md §4, "RTM2 permissions").
pub mod rtm2 {
    /// `kMessageChannels`
    pub const MESSAGE_CHANNELS: u16 = 0;
    /// `kStreamChannels`
    pub const STREAM_CHANNELS: u16 = 1;
    /// `kGroupChannels`
    pub const GROUP_CHANNELS: u16 = 2;
    /// `kServerGroups`
    pub const SERVER_GROUPS: u16 = 3;
    /// `kUsers`
    pub const USERS: u16 = 4;
    /// Permission `kRead`
    pub const READ: u16 = 0;
    /// Permission `kWrite`
    pub const WRITE: u16 = 1;
    /// Resource type names, by number.
    pub const RESOURCE_NAMES: [&str; 5] =
        ["kMessageChannels", "kStreamChannels", "kGroupChannels", "kServerGroups", "kUsers"];
    /// Permission type names, by number.
    pub const PERMISSION_NAMES: [&str; 2] = ["kRead", "kWrite"];
}

/// One RTM2 grant: a resource type, a permission type and its resources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rtm2Permission {
    /// 0..=4 (see [`rtm2`]).
    pub resource_type: u16,
    /// 0 read, 1 write.
    pub permission_type: u16,
    /// The resources, in the order given.
    pub resources: Vec<String>,
}

/// The fields a service carries after its privilege map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServiceFields {
    /// RTC, Streaming, FCDN: a channel name and a user string (a numeric
    /// uid's decimal form, `""` for uid 0, or an account as it is).
    Channel {
        /// The channel name.
        channel_name: String,
        /// The packed user string.
        account: String,
    },
    /// RTM, Chat: a user id (Chat: empty for an app token).
    User {
        /// The user id.
        user_id: String,
    },
    /// FPA, ConvoAI, STT: nothing.
    Empty,
    /// APaaS.
    Apaas {
        /// The room uuid (empty for user and app tokens).
        room_uuid: String,
        /// The user uuid (empty for app tokens).
        user_uuid: String,
        /// The role (−1 for user and app tokens).
        role: i16,
    },
    /// RTM2: a user id and permissions (token order when parsed).
    Rtm2 {
        /// The user id.
        user_id: String,
        /// The grants.
        permissions: Vec<Rtm2Permission>,
    },
}

/// One service of a token: its type, its privileges and its fields.
///
/// Built through the constructors, which check every field (the
/// `invalid007` rules). A parsed token's services keep the token's order of
/// privileges and RTM2 permissions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    service_type: ServiceType,
    /// `(id, seconds after issue_ts)`; sorted by id when built.
    privileges: Vec<(u16, u32)>,
    fields: ServiceFields,
}

fn check_user_id(kind: ServiceType, user_id: &str) -> Result<(), TokenError> {
    if user_id.is_empty() && kind != ServiceType::Chat {
        return Err(TokenError::new(
            ErrorKind::UserId,
            format!("user_id: the {} user id must not be empty", kind.class_name()),
        ));
    }
    if user_id.len() > MAX_USER_ID_BYTES {
        return Err(TokenError::new(
            ErrorKind::UserId,
            format!("user_id: is {} bytes long, the limit is {MAX_USER_ID_BYTES}", user_id.len()),
        ));
    }
    Ok(())
}

fn check_uuid(kind: ErrorKind, value: &str) -> Result<(), TokenError> {
    if value.len() > MAX_STRING_BYTES {
        return Err(TokenError::new(
            kind,
            format!("{}: is {} bytes long, the format's limit is {MAX_STRING_BYTES}", kind.as_str(), value.len()),
        ));
    }
    Ok(())
}

fn user_string(user: UserId<'_>) -> Result<String, TokenError> {
    match user {
        UserId::Uid(n) => Ok(uid_str(n, &mut [0; 10]).to_owned()),
        UserId::Account(account) => {
            check_user_account(account)?;
            Ok(account.to_owned())
        }
    }
}

impl Service {
    fn new(service_type: ServiceType, fields: ServiceFields) -> Service {
        Service { service_type, privileges: Vec::new(), fields }
    }

    fn channel(service_type: ServiceType, channel_name: &str, user: UserId<'_>) -> Result<Service, TokenError> {
        check_channel_name(channel_name)?;
        let account = user_string(user)?;
        Ok(Service::new(service_type, ServiceFields::Channel { channel_name: channel_name.to_owned(), account }))
    }

    /// `ServiceRtc(channel_name, uid)`: uid 0 packs as `""`, an account as it is.
    pub fn rtc(channel_name: &str, user: UserId<'_>) -> Result<Service, TokenError> {
        Service::channel(ServiceType::Rtc, channel_name, user)
    }

    /// `ServiceStreaming(channel_name, uid)`.
    pub fn streaming(channel_name: &str, user: UserId<'_>) -> Result<Service, TokenError> {
        Service::channel(ServiceType::Streaming, channel_name, user)
    }

    /// `ServiceFCdn(channel_name, uid)`.
    pub fn fcdn(channel_name: &str, user: UserId<'_>) -> Result<Service, TokenError> {
        Service::channel(ServiceType::FCdn, channel_name, user)
    }

    /// `ServiceRtm(user_id)`: 1 to 255 bytes.
    pub fn rtm(user_id: &str) -> Result<Service, TokenError> {
        check_user_id(ServiceType::Rtm, user_id)?;
        Ok(Service::new(ServiceType::Rtm, ServiceFields::User { user_id: user_id.to_owned() }))
    }

    /// `ServiceChat(user_id)`: up to 255 bytes, empty for an app token.
    pub fn chat(user_id: &str) -> Result<Service, TokenError> {
        check_user_id(ServiceType::Chat, user_id)?;
        Ok(Service::new(ServiceType::Chat, ServiceFields::User { user_id: user_id.to_owned() }))
    }

    /// `ServiceFpa()`.
    pub fn fpa() -> Service {
        Service::new(ServiceType::Fpa, ServiceFields::Empty)
    }

    /// `ServiceConvoAI()`.
    pub fn convoai() -> Service {
        Service::new(ServiceType::ConvoAi, ServiceFields::Empty)
    }

    /// `ServiceStt()`.
    pub fn stt() -> Service {
        Service::new(ServiceType::Stt, ServiceFields::Empty)
    }

    /// `ServiceApaas(room_uuid, user_uuid, role)`: uuids up to 65535 bytes.
    pub fn apaas(room_uuid: &str, user_uuid: &str, role: i16) -> Result<Service, TokenError> {
        check_uuid(ErrorKind::RoomUuid, room_uuid)?;
        check_uuid(ErrorKind::UserUuid, user_uuid)?;
        Ok(Service::new(
            ServiceType::Apaas,
            ServiceFields::Apaas { room_uuid: room_uuid.to_owned(), user_uuid: user_uuid.to_owned(), role },
        ))
    }

    /// `ServiceRtm2(user_id)`, with no permissions yet: 1 to 255 bytes.
    pub fn rtm2(user_id: &str) -> Result<Service, TokenError> {
        check_user_id(ServiceType::Rtm2, user_id)?;
        Ok(Service::new(
            ServiceType::Rtm2,
            ServiceFields::Rtm2 { user_id: user_id.to_owned(), permissions: Vec::new() },
        ))
    }

    /// `ServiceRtm2` for a numeric user id, as npm's `buildTokenWithPermissions`
    /// takes one: the uid in decimal, and uid 0 as `""`, the wildcard (the
    /// rule of RTC uid 0). Any uid 0..=4294967295.
    pub fn rtm2_for_uid(uid: u32) -> Service {
        let user_id = uid_str(uid, &mut [0; 10]).to_owned();
        Service::new(ServiceType::Rtm2, ServiceFields::Rtm2 { user_id, permissions: Vec::new() })
    }

    /// The service type.
    pub fn service_type(&self) -> ServiceType {
        self.service_type
    }

    /// The privileges: `(id, seconds after issue_ts)` (0: no limit of its own).
    pub fn privileges(&self) -> &[(u16, u32)] {
        &self.privileges
    }

    /// The value of a privilege, if present.
    pub fn privilege(&self, id: u16) -> Option<u32> {
        self.privileges.iter().find(|&&(p, _)| p == id).map(|&(_, v)| v)
    }

    /// The fields after the privilege map.
    pub fn fields(&self) -> &ServiceFields {
        &self.fields
    }

    fn check_privilege_id(&self, id: u16) -> Result<(), TokenError> {
        if self.service_type.privilege_name(id).is_some() {
            return Ok(());
        }
        let ids: Vec<String> = self.service_type.privileges().iter().map(|(i, _)| i.to_string()).collect();
        let allowed = if ids.is_empty() { "none".to_owned() } else { ids.join(", ") };
        Err(TokenError::new(
            ErrorKind::Privilege,
            format!(
                "privilege: {id} is not a privilege of {} (documented ids: {allowed})",
                self.service_type.class_name()
            ),
        ))
    }

    /// `add_privilege(id, expire)`: grants a documented privilege for
    /// `expire` seconds after issue_ts (0: no limit of its own, bounded by
    /// the token). A repeated id overwrites the earlier value, as in every
    /// reference. An id not documented for the service is a `privilege` error.
    pub fn add_privilege(&mut self, id: u16, expire: u32) -> Result<(), TokenError> {
        self.check_privilege_id(id)?;
        match self.privileges.binary_search_by_key(&id, |&(i, _)| i) {
            Ok(i) => self.privileges[i].1 = expire,
            Err(i) => self.privileges.insert(i, (id, expire)),
        }
        Ok(())
    }

    /// `add_privilege` for input given as data (a list of pairs): a repeated
    /// id is a `privilege` error here, since a list that names one privilege
    /// twice is a mistake.
    pub fn add_privilege_once(&mut self, id: u16, expire: u32) -> Result<(), TokenError> {
        if self.privilege(id).is_some() {
            return Err(TokenError::new(
                ErrorKind::Privilege,
                format!("privilege: id {id} is given twice for {}", self.service_type.class_name()),
            ));
        }
        self.add_privilege(id, expire)
    }

    /// RTM2 `permissions.add(resource_type, permission_type, resources)`:
    /// replaces the resources of an existing pair, as the references do.
    /// Resource type 0..=4, permission type 0..=1, each resource up to
    /// 65535 bytes (`permission` otherwise). Fails on a non-RTM2 service.
    pub fn add_permission(
        &mut self,
        resource_type: u16,
        permission_type: u16,
        resources: Vec<String>,
    ) -> Result<(), TokenError> {
        self.set_permission(resource_type, permission_type, resources, false)
    }

    /// [`add_permission`](Self::add_permission) for input given as data: a
    /// repeated (resource type, permission type) pair is a `permission` error.
    pub fn add_permission_once(
        &mut self,
        resource_type: u16,
        permission_type: u16,
        resources: Vec<String>,
    ) -> Result<(), TokenError> {
        self.set_permission(resource_type, permission_type, resources, true)
    }

    fn set_permission(
        &mut self,
        resource_type: u16,
        permission_type: u16,
        resources: Vec<String>,
        once: bool,
    ) -> Result<(), TokenError> {
        let bad = |why: String| Err(TokenError::new(ErrorKind::Permission, format!("permission: {why}")));
        let ServiceFields::Rtm2 { permissions, .. } = &mut self.fields else {
            return bad(format!("{} has no permissions (only ServiceRtm2 does)", self.service_type.class_name()));
        };
        if usize::from(resource_type) >= rtm2::RESOURCE_NAMES.len() {
            return bad(format!("resource type {resource_type} is not one of 0..=4"));
        }
        if usize::from(permission_type) >= rtm2::PERMISSION_NAMES.len() {
            return bad(format!("permission type {permission_type} is not 0 (read) or 1 (write)"));
        }
        if resources.len() > MAX_STRING_BYTES {
            return bad(format!(
                "{} resources in one grant, the format's limit is {MAX_STRING_BYTES}",
                resources.len()
            ));
        }
        if let Some(r) = resources.iter().find(|r| r.len() > MAX_STRING_BYTES) {
            return bad(format!("a resource is {} bytes long, the format's limit is {MAX_STRING_BYTES}", r.len()));
        }
        match permissions.iter_mut().find(|p| p.resource_type == resource_type && p.permission_type == permission_type)
        {
            Some(_) if once => bad(format!(
                "the pair ({}, {}) is given twice",
                rtm2::RESOURCE_NAMES[usize::from(resource_type)],
                rtm2::PERMISSION_NAMES[usize::from(permission_type)]
            )),
            Some(p) => {
                p.resources = resources;
                Ok(())
            }
            None => {
                permissions.push(Rtm2Permission { resource_type, permission_type, resources });
                Ok(())
            }
        }
    }

    /// The service's bytes as a token packs them (Agora's `Service.pack()`):
    /// type, privileges sorted by id, then its fields (RTM2 grants sorted by
    /// resource then permission type).
    pub fn packed(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64);
        self.pack(&mut out);
        out
    }

    /// Packs the service (privileges sorted by id, RTM2 grants by resource
    /// then permission type).
    pub(crate) fn pack(&self, out: &mut Vec<u8>) {
        put_u16(out, self.service_type.id());
        // add_privilege keeps them sorted; only a parsed service (token order)
        // added to a new token needs a sorted copy.
        let sorted;
        let privileges = if self.privileges.windows(2).all(|w| w[0].0 < w[1].0) {
            &self.privileges
        } else {
            let mut copy = self.privileges.clone();
            copy.sort_by_key(|&(id, _)| id);
            sorted = copy;
            &sorted
        };
        put_u16(out, privileges.len() as u16);
        for &(id, expire) in privileges {
            put_u16(out, id);
            put_u32(out, expire);
        }
        match &self.fields {
            ServiceFields::Channel { channel_name, account } => {
                put_string(out, channel_name.as_bytes());
                put_string(out, account.as_bytes());
            }
            ServiceFields::User { user_id } => put_string(out, user_id.as_bytes()),
            ServiceFields::Empty => {}
            ServiceFields::Apaas { room_uuid, user_uuid, role } => {
                put_string(out, room_uuid.as_bytes());
                put_string(out, user_uuid.as_bytes());
                out.extend_from_slice(&role.to_le_bytes());
            }
            ServiceFields::Rtm2 { user_id, permissions } => {
                put_string(out, user_id.as_bytes());
                let mut grants: Vec<&Rtm2Permission> = permissions.iter().collect();
                grants.sort_by_key(|p| (p.resource_type, p.permission_type));
                let mut types: Vec<u16> = grants.iter().map(|p| p.resource_type).collect();
                types.dedup();
                put_u16(out, types.len() as u16);
                for t in types {
                    let of_type: Vec<&&Rtm2Permission> = grants.iter().filter(|p| p.resource_type == t).collect();
                    put_u16(out, t);
                    put_u16(out, of_type.len() as u16);
                    for p in of_type {
                        put_u16(out, p.permission_type);
                        put_u16(out, p.resources.len() as u16);
                        for r in &p.resources {
                            put_string(out, r.as_bytes());
                        }
                    }
                }
            }
        }
    }

    /// Reads one service (its type already read), in the `reject007` order:
    /// the privilege map (`privilege` after the whole map), then the fields
    /// (`utf8` as each string is read, `permission` as a repeated type is read).
    pub(crate) fn unpack(service_type: ServiceType, r: &mut Reader<'_>) -> Result<Service, TokenError> {
        let count = r.u16("privilege count")?;
        let mut privileges = Vec::with_capacity(usize::from(count).min(r.bytes.len() / 6));
        for _ in 0..count {
            let id = r.u16("privilege id")?;
            let expire = r.u32("privilege expire")?;
            privileges.push((id, expire));
        }
        let mut ids: Vec<u16> = privileges.iter().map(|&(id, _)| id).collect();
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(TokenError::new(
                ErrorKind::Privilege,
                format!("privilege: id {} appears twice in {}", w[0], service_type.class_name()),
            ));
        }
        let fields = match service_type {
            ServiceType::Rtc | ServiceType::Streaming | ServiceType::FCdn => {
                let channel_name = r.utf8("channel name")?.to_owned();
                let account = r.utf8("user string")?.to_owned();
                ServiceFields::Channel { channel_name, account }
            }
            ServiceType::Rtm | ServiceType::Chat => ServiceFields::User { user_id: r.utf8("user id")?.to_owned() },
            ServiceType::Fpa | ServiceType::ConvoAi | ServiceType::Stt => ServiceFields::Empty,
            ServiceType::Apaas => {
                let room_uuid = r.utf8("room uuid")?.to_owned();
                let user_uuid = r.utf8("user uuid")?.to_owned();
                let role = r.i16("role")?;
                ServiceFields::Apaas { room_uuid, user_uuid, role }
            }
            ServiceType::Rtm2 => {
                let user_id = r.utf8("user id")?.to_owned();
                let mut permissions = Vec::new();
                let mut seen_types = Vec::new();
                let type_count = r.u16("resource type count")?;
                for _ in 0..type_count {
                    let resource_type = r.u16("resource type")?;
                    if seen_types.contains(&resource_type) {
                        return Err(TokenError::new(
                            ErrorKind::Permission,
                            format!("permission: resource type {resource_type} appears twice in ServiceRtm2"),
                        ));
                    }
                    seen_types.push(resource_type);
                    let mut seen_perms = Vec::new();
                    let perm_count = r.u16("permission type count")?;
                    for _ in 0..perm_count {
                        let permission_type = r.u16("permission type")?;
                        if seen_perms.contains(&permission_type) {
                            return Err(TokenError::new(
                                ErrorKind::Permission,
                                format!(
                                    "permission: permission type {permission_type} appears twice under resource type {resource_type}"
                                ),
                            ));
                        }
                        seen_perms.push(permission_type);
                        let n = r.u16("resource count")?;
                        let mut resources = Vec::with_capacity(usize::from(n).min(r.bytes.len() / 2));
                        for _ in 0..n {
                            resources.push(r.utf8("resource")?.to_owned());
                        }
                        permissions.push(Rtm2Permission { resource_type, permission_type, resources });
                    }
                }
                ServiceFields::Rtm2 { user_id, permissions }
            }
        };
        Ok(Service { service_type, privileges, fields })
    }
}

/// A service of a type this library has no layout for (0, or 11..=65535),
/// as Agora's reference classes let a caller add one (`new Service(999)`,
/// `NewService(999)`): packed as the layout every service starts with,
/// `u16 type | map<u16,u32> privileges`, and nothing after it.
///
/// A reader that does not know the type cannot tell where such a service
/// ends, so Agora's parsers stop reading there and report success (FORMAT007.md
/// §"Parsers are lenient"); [`parse007_lenient`](crate::v007::parse007_lenient)
/// does the same, and the strict [`parse007`](crate::v007::parse007) refuses the
/// token (`service`). Agora's servers grant nothing for a type they do not
/// know: this exists so that code and tests written against the references
/// keep working, and for types Agora may add later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherService {
    service_type: u16,
    /// `(id, seconds after issue_ts)`, sorted by id.
    privileges: Vec<(u16, u32)>,
}

impl OtherService {
    /// A service of type `service_type`; a documented type (1..=10) is a
    /// `service` error, since it has fields this layout would leave out
    /// (use its [`Service`] constructor).
    pub fn new(service_type: u16) -> Result<OtherService, TokenError> {
        if let Some(known) = ServiceType::from_id(service_type) {
            return Err(TokenError::new(
                ErrorKind::Service,
                format!(
                    "service: type {service_type} is {}, which has its own fields; build it as that service, not as another type",
                    known.class_name()
                ),
            ));
        }
        Ok(OtherService { service_type, privileges: Vec::new() })
    }

    /// The wire number.
    pub fn service_type(&self) -> u16 {
        self.service_type
    }

    /// The privileges, sorted by id.
    pub fn privileges(&self) -> &[(u16, u32)] {
        &self.privileges
    }

    /// Sets a privilege (any id; the last value set wins, as in the references).
    pub fn add_privilege(&mut self, id: u16, expire: u32) {
        match self.privileges.binary_search_by_key(&id, |&(p, _)| p) {
            Ok(i) => self.privileges[i].1 = expire,
            Err(i) => self.privileges.insert(i, (id, expire)),
        }
    }

    /// As [`add_privilege`](Self::add_privilege), but an id given twice is a
    /// `privilege` error (the data form's rule).
    pub fn add_privilege_once(&mut self, id: u16, expire: u32) -> Result<(), TokenError> {
        if self.privileges.iter().any(|&(p, _)| p == id) {
            return Err(TokenError::new(
                ErrorKind::Privilege,
                format!("privilege: id {id} is given twice for service type {}", self.service_type),
            ));
        }
        self.add_privilege(id, expire);
        Ok(())
    }

    /// The service's bytes as a token packs them: type, then privileges by id.
    pub fn packed(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + 6 * self.privileges.len());
        self.pack(&mut out);
        out
    }

    pub(crate) fn pack(&self, out: &mut Vec<u8>) {
        put_u16(out, self.service_type);
        put_u16(out, self.privileges.len() as u16);
        for &(id, expire) in &self.privileges {
            put_u16(out, id);
            put_u32(out, expire);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_and_privileges() {
        for (i, t) in ServiceType::ALL.iter().enumerate() {
            assert_eq!(t.id() as usize, i + 1);
            assert_eq!(ServiceType::from_id(t.id()), Some(*t));
        }
        assert_eq!(ServiceType::try_from_id(11).unwrap_err().kind(), ErrorKind::Service);
        assert_eq!(ServiceType::try_from_id(0).unwrap_err().kind(), ErrorKind::Service);
        assert_eq!(ServiceType::Rtc.privilege_name(4), Some("kPrivilegePublishDataStream"));
        assert_eq!(ServiceType::Stt.privileges(), &[]);
        let mut s = Service::rtc("c", UserId::Uid(0)).unwrap();
        assert_eq!(s.add_privilege(5, 0).unwrap_err().kind(), ErrorKind::Privilege);
        s.add_privilege(3, 1).unwrap();
        s.add_privilege(1, 2).unwrap();
        s.add_privilege(1, 3).unwrap();
        assert_eq!(s.privileges(), [(1, 3), (3, 1)]);
        assert_eq!(s.add_privilege_once(1, 3).unwrap_err().kind(), ErrorKind::Privilege);
        assert_eq!(Service::convoai().clone().add_privilege(1, 0).unwrap_err().kind(), ErrorKind::Privilege);
    }

    #[test]
    fn privileges_pack_sorted_whatever_their_order() {
        let mut sorted = Service::rtc("c", UserId::Uid(1)).unwrap();
        sorted.add_privilege(1, 10).unwrap();
        sorted.add_privilege(3, 30).unwrap();
        // A parsed service keeps the token's order, which may be descending.
        let mut parsed = sorted.clone();
        parsed.privileges.reverse();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        sorted.pack(&mut a);
        parsed.pack(&mut b);
        assert_eq!(a, b);
        assert_eq!(parsed.privileges(), [(3, 30), (1, 10)], "packing leaves the service as it was");
    }

    #[test]
    fn field_checks() {
        assert_eq!(Service::rtc("", UserId::Uid(1)).unwrap_err().kind(), ErrorKind::ChannelName);
        assert_eq!(Service::fcdn("c", UserId::Account("")).unwrap_err().kind(), ErrorKind::UserAccount);
        assert_eq!(Service::rtm("").unwrap_err().kind(), ErrorKind::UserId);
        assert_eq!(Service::rtm2(&"u".repeat(256)).unwrap_err().kind(), ErrorKind::UserId);
        assert!(Service::chat("").is_ok());
        assert_eq!(Service::apaas(&"r".repeat(65536), "", 0).unwrap_err().kind(), ErrorKind::RoomUuid);
        assert_eq!(Service::apaas("", &"u".repeat(65536), 0).unwrap_err().kind(), ErrorKind::UserUuid);
        let mut r = Service::rtm2("u").unwrap();
        assert_eq!(r.add_permission(5, 0, vec![]).unwrap_err().kind(), ErrorKind::Permission);
        assert_eq!(r.add_permission(0, 2, vec![]).unwrap_err().kind(), ErrorKind::Permission);
        r.add_permission(1, 1, vec!["a".into()]).unwrap();
        r.add_permission(1, 1, vec!["b".into()]).unwrap();
        assert_eq!(r.add_permission_once(1, 1, vec![]).unwrap_err().kind(), ErrorKind::Permission);
        let ServiceFields::Rtm2 { permissions, .. } = r.fields() else { panic!() };
        assert_eq!(permissions[0].resources, ["b"]);
        assert_eq!(Service::fpa().add_permission(0, 0, vec![]).unwrap_err().kind(), ErrorKind::Permission);
    }
}
