//! The reference builders of AccessToken2, as typed functions.
//!
//! Each function does what Agora's builder of that name puts in a token
//! (FORMAT007.md §6, where the references disagree §8; the vectors follow
//! python3, Go, C++ and Rust). They return the [`AccessToken2`] before it is
//! built, so a caller (or the recipe table) may pin issue_ts and salt; the
//! reference-named modules below build it at once.
//!
//! Units: every `*_expire` is **seconds from now** (from issue_ts), not a
//! Unix time. A privilege value of 0 means "no limit of its own": the token's
//! expire still bounds it, and a privilege that outlives the token is cut
//! short by it (Agora's builder docs).

use md5::{Digest as _, Md5};

use crate::error::{ErrorKind, TokenError};
use crate::pack::hex_lower;
use crate::v006::token::UserId;
use crate::v007::service::{privilege as p, Rtm2Permission, Service};
use crate::v007::token::AccessToken2;

/// An RTC role of the 007 builders: Publisher (1) gets JoinChannel and the
/// three publish privileges, Subscriber (2) JoinChannel only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u16)]
pub enum RtcRole {
    /// `Role_Publisher` / `RolePublisher` / `kRolePublisher` (1).
    Publisher = 1,
    /// `Role_Subscriber` / `RoleSubscriber` / `kRoleSubscriber` (2).
    Subscriber = 2,
}

impl RtcRole {
    /// The role Agora's 007 builders give a caller that passes no role
    /// (`null`, `None`): JoinChannel only, [`RtcRole::Subscriber`]'s row.
    pub const JOIN_ONLY: RtcRole = RtcRole::Subscriber;

    /// A role a caller may leave out: `None` is [`RtcRole::JOIN_ONLY`];
    /// any other value as [`try_from_value`](Self::try_from_value).
    pub fn from_optional(value: Option<i64>) -> Result<RtcRole, TokenError> {
        value.map_or(Ok(RtcRole::JOIN_ONLY), RtcRole::try_from_value)
    }

    /// The role's value.
    pub const fn value(self) -> u16 {
        self as u16
    }

    /// The role with this value, or a `role` error. The references grant any
    /// other value JoinChannel only; this library refuses it, since a typo
    /// would otherwise demote a publisher silently.
    pub fn try_from_value(value: i64) -> Result<RtcRole, TokenError> {
        match value {
            1 => Ok(RtcRole::Publisher),
            2 => Ok(RtcRole::Subscriber),
            _ => Err(TokenError::new(
                ErrorKind::Role,
                format!("role: {value} is not an RTC role (1 = publisher, 2 = subscriber)"),
            )),
        }
    }

    /// The RTC privilege ids of this role, by id.
    pub const fn privileges(self) -> &'static [u16] {
        match self {
            RtcRole::Publisher => {
                &[p::JOIN_CHANNEL, p::PUBLISH_AUDIO_STREAM, p::PUBLISH_VIDEO_STREAM, p::PUBLISH_DATA_STREAM]
            }
            RtcRole::Subscriber => &[p::JOIN_CHANNEL],
        }
    }
}

/// The four RTC privilege values of `…_and_privilege` and `…_rtm2`:
/// seconds after issue_ts each (0: no limit of their own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RtcPrivilegeExpires {
    /// JoinChannel.
    pub join_channel: u32,
    /// PublishAudioStream.
    pub pub_audio: u32,
    /// PublishVideoStream.
    pub pub_video: u32,
    /// PublishDataStream.
    pub pub_data_stream: u32,
}

impl RtcPrivilegeExpires {
    fn of(self, id: u16) -> u32 {
        match id {
            p::JOIN_CHANNEL => self.join_channel,
            p::PUBLISH_AUDIO_STREAM => self.pub_audio,
            p::PUBLISH_VIDEO_STREAM => self.pub_video,
            _ => self.pub_data_stream,
        }
    }
}

fn rtc_service(
    channel_name: &str,
    user: UserId<'_>,
    ids: &[u16],
    expires: RtcPrivilegeExpires,
) -> Result<Service, TokenError> {
    let mut rtc = Service::rtc(channel_name, user)?;
    for &id in ids {
        rtc.add_privilege(id, expires.of(id))?;
    }
    Ok(rtc)
}

fn one_privilege(mut service: Service, id: u16, expire: u32) -> Result<Service, TokenError> {
    service.add_privilege(id, expire)?;
    Ok(service)
}

fn token(app_id: &str, app_certificate: &str, expire: u32, services: Vec<Service>) -> Result<AccessToken2, TokenError> {
    let mut t = AccessToken2::new(app_id, app_certificate, expire)?;
    for s in services {
        t.add_service(s);
    }
    Ok(t)
}

fn uniform(expire: u32) -> RtcPrivilegeExpires {
    RtcPrivilegeExpires { join_channel: expire, pub_audio: expire, pub_video: expire, pub_data_stream: expire }
}

/// `RtcTokenBuilder.build_token_with_uid` / `…_with_user_account`: RTC
/// with JoinChannel (and, for a publisher, the publish privileges) for
/// `privilege_expire` seconds; the token lives `token_expire` seconds.
pub fn rtc(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    user: UserId<'_>,
    role: RtcRole,
    token_expire: u32,
    privilege_expire: u32,
) -> Result<AccessToken2, TokenError> {
    let rtc = rtc_service(channel_name, user, role.privileges(), uniform(privilege_expire))?;
    token(app_id, app_certificate, token_expire, vec![rtc])
}

/// `…_with_uid_and_privilege` / `…_with_user_account_and_privilege`: all
/// four RTC privileges with their own values, whatever the role.
pub fn rtc_with_privileges(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    user: UserId<'_>,
    token_expire: u32,
    expires: RtcPrivilegeExpires,
) -> Result<AccessToken2, TokenError> {
    let rtc = rtc_service(channel_name, user, RtcRole::Publisher.privileges(), expires)?;
    token(app_id, app_certificate, token_expire, vec![rtc])
}

/// `…_with_rtm`: the RTC token of `…_with_user_account` plus RTM Login for
/// the same account for `token_expire` seconds.
pub fn rtc_with_rtm(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    account: &str,
    role: RtcRole,
    token_expire: u32,
    privilege_expire: u32,
) -> Result<AccessToken2, TokenError> {
    let rtc = rtc_service(channel_name, UserId::Account(account), role.privileges(), uniform(privilege_expire))?;
    let rtm = one_privilege(Service::rtm(account)?, p::LOGIN, token_expire)?;
    token(app_id, app_certificate, token_expire, vec![rtc, rtm])
}

/// What `…_with_rtm2`, ConvoAI and STT share: the RTC account, role and
/// privilege values, and the RTM user and its lifetime.
#[derive(Debug, Clone, Copy)]
pub struct RtcRtm2<'a> {
    /// The channel name.
    pub channel_name: &'a str,
    /// The RTC user account.
    pub rtc_account: &'a str,
    /// The RTC role.
    pub rtc_role: RtcRole,
    /// The token's lifetime, seconds.
    pub rtc_token_expire: u32,
    /// The RTC privilege values (the publish ones only for a publisher).
    pub expires: RtcPrivilegeExpires,
    /// The RTM user id.
    pub rtm_user_id: &'a str,
    /// RTM Login, seconds.
    pub rtm_token_expire: u32,
}

/// `…_with_rtm2` (and, with a third service, npm's ConvoAI and STT builders).
pub fn rtc_with_rtm2(
    app_id: &str,
    app_certificate: &str,
    a: &RtcRtm2<'_>,
    extra: Option<Service>,
) -> Result<AccessToken2, TokenError> {
    let rtc = rtc_service(a.channel_name, UserId::Account(a.rtc_account), a.rtc_role.privileges(), a.expires)?;
    let rtm = one_privilege(Service::rtm(a.rtm_user_id)?, p::LOGIN, a.rtm_token_expire)?;
    let mut services = vec![rtc, rtm];
    services.extend(extra);
    token(app_id, app_certificate, a.rtc_token_expire, services)
}

/// `RtmTokenBuilder.build_token`: RTM Login for `expire` seconds.
pub fn rtm(app_id: &str, app_certificate: &str, user_id: &str, expire: u32) -> Result<AccessToken2, TokenError> {
    let rtm = one_privilege(Service::rtm(user_id)?, p::LOGIN, expire)?;
    token(app_id, app_certificate, expire, vec![rtm])
}

/// `RtmTokenBuilder.build_token_with_permissions`: RTM2 Login for `expire`
/// seconds with the given grants (a repeated resource/permission pair is a
/// `permission` error).
pub fn rtm2(
    app_id: &str,
    app_certificate: &str,
    user_id: &str,
    permissions: Vec<Rtm2Permission>,
    expire: u32,
) -> Result<AccessToken2, TokenError> {
    rtm2_of(app_id, app_certificate, Service::rtm2(user_id)?, permissions, expire)
}

/// [`rtm2`] for a numeric user id, as npm's `buildTokenWithPermissions(…, 42,
/// …)` takes one: its decimal string, `""` for 0 (the wildcard).
pub fn rtm2_for_uid(
    app_id: &str,
    app_certificate: &str,
    uid: u32,
    permissions: Vec<Rtm2Permission>,
    expire: u32,
) -> Result<AccessToken2, TokenError> {
    rtm2_of(app_id, app_certificate, Service::rtm2_for_uid(uid), permissions, expire)
}

fn rtm2_of(
    app_id: &str,
    app_certificate: &str,
    service: Service,
    permissions: Vec<Rtm2Permission>,
    expire: u32,
) -> Result<AccessToken2, TokenError> {
    let mut rtm2 = one_privilege(service, p::LOGIN, expire)?;
    for g in permissions {
        rtm2.add_permission_once(g.resource_type, g.permission_type, g.resources)?;
    }
    token(app_id, app_certificate, expire, vec![rtm2])
}

/// `ChatTokenBuilder.build_user_token`: Chat User for `expire` seconds
/// (an empty user id is refused: that would be an app token).
pub fn chat_user(app_id: &str, app_certificate: &str, user_id: &str, expire: u32) -> Result<AccessToken2, TokenError> {
    if user_id.is_empty() {
        return Err(TokenError::new(
            ErrorKind::UserId,
            "user_id: a chat user token needs a user id (for an app token call build_app_token)",
        ));
    }
    let chat = one_privilege(Service::chat(user_id)?, p::CHAT_USER, expire)?;
    token(app_id, app_certificate, expire, vec![chat])
}

/// `ChatTokenBuilder.build_app_token`: Chat App for `expire` seconds.
pub fn chat_app(app_id: &str, app_certificate: &str, expire: u32) -> Result<AccessToken2, TokenError> {
    let chat = one_privilege(Service::chat("")?, p::CHAT_APP, expire)?;
    token(app_id, app_certificate, expire, vec![chat])
}

/// The lifetime of an FPA token (`FpaTokenBuilder`): 24 hours.
pub const FPA_EXPIRE: u32 = 24 * 60 * 60;

/// `FpaTokenBuilder.build_token`: FPA Login (value 0) in a 24-hour token.
pub fn fpa(app_id: &str, app_certificate: &str) -> Result<AccessToken2, TokenError> {
    let fpa = one_privilege(Service::fpa(), p::LOGIN, 0)?;
    token(app_id, app_certificate, FPA_EXPIRE, vec![fpa])
}

/// The chat user id of an APaaS room user: the lowercase MD5 hex of the
/// user uuid (32 digits, leading zeros kept).
pub fn apaas_chat_user_id(user_uuid: &str) -> String {
    hex_lower(&Md5::digest(user_uuid.as_bytes()))
}

/// `ApaasTokenBuilder.build_room_user_token` (and Education's): APaaS
/// RoomUser, RTM Login for the user uuid and Chat User for its MD5, each
/// for `expire` seconds.
pub fn apaas_room_user(
    app_id: &str,
    app_certificate: &str,
    room_uuid: &str,
    user_uuid: &str,
    role: i16,
    expire: u32,
) -> Result<AccessToken2, TokenError> {
    let apaas = one_privilege(Service::apaas(room_uuid, user_uuid, role)?, p::APAAS_ROOM_USER, expire)?;
    let rtm = one_privilege(Service::rtm(user_uuid)?, p::LOGIN, expire)?;
    let chat = one_privilege(Service::chat(&apaas_chat_user_id(user_uuid))?, p::CHAT_USER, expire)?;
    token(app_id, app_certificate, expire, vec![apaas, rtm, chat])
}

/// `ApaasTokenBuilder.build_user_token`: APaaS User (room `""`, role −1).
pub fn apaas_user(
    app_id: &str,
    app_certificate: &str,
    user_uuid: &str,
    expire: u32,
) -> Result<AccessToken2, TokenError> {
    let apaas = one_privilege(Service::apaas("", user_uuid, -1)?, p::APAAS_USER, expire)?;
    token(app_id, app_certificate, expire, vec![apaas])
}

/// `ApaasTokenBuilder.build_app_token`: APaaS App (room and user `""`, role −1).
pub fn apaas_app(app_id: &str, app_certificate: &str, expire: u32) -> Result<AccessToken2, TokenError> {
    let apaas = one_privilege(Service::apaas("", "", -1)?, p::APAAS_APP, expire)?;
    token(app_id, app_certificate, expire, vec![apaas])
}

macro_rules! build_now {
    ($e:expr) => {
        $e.and_then(|t| t.build())
    };
}

/// Agora's `RtcTokenBuilder2` (Rust reference: `rtc_token_builder`).
pub mod rtc_token_builder {
    use super::*;

    /// `build_token_with_uid(app_id, app_certificate, channel_name, uid, role, token_expire, privilege_expire)`.
    /// Expiries are seconds from now; uid 0 = any user.
    pub fn build_token_with_uid(
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        uid: u32,
        role: RtcRole,
        token_expire: u32,
        privilege_expire: u32,
    ) -> Result<String, TokenError> {
        build_now!(rtc(app_id, app_certificate, channel_name, UserId::Uid(uid), role, token_expire, privilege_expire))
    }

    /// `build_token_with_user_account(…, account, role, token_expire, privilege_expire)`.
    pub fn build_token_with_user_account(
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        account: &str,
        role: RtcRole,
        token_expire: u32,
        privilege_expire: u32,
    ) -> Result<String, TokenError> {
        build_now!(rtc(
            app_id,
            app_certificate,
            channel_name,
            UserId::Account(account),
            role,
            token_expire,
            privilege_expire
        ))
    }

    /// `build_token_with_uid_and_privilege(…, uid, token_expire, join, audio, video, data)`.
    pub fn build_token_with_uid_and_privilege(
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        uid: u32,
        token_expire: u32,
        expires: RtcPrivilegeExpires,
    ) -> Result<String, TokenError> {
        build_now!(rtc_with_privileges(app_id, app_certificate, channel_name, UserId::Uid(uid), token_expire, expires))
    }

    /// `build_token_with_user_account_and_privilege(…, account, token_expire, join, audio, video, data)`.
    pub fn build_token_with_user_account_and_privilege(
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        account: &str,
        token_expire: u32,
        expires: RtcPrivilegeExpires,
    ) -> Result<String, TokenError> {
        build_now!(rtc_with_privileges(
            app_id,
            app_certificate,
            channel_name,
            UserId::Account(account),
            token_expire,
            expires
        ))
    }

    /// `build_token_with_rtm(…, account, role, token_expire, privilege_expire)`.
    pub fn build_token_with_rtm(
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        account: &str,
        role: RtcRole,
        token_expire: u32,
        privilege_expire: u32,
    ) -> Result<String, TokenError> {
        build_now!(rtc_with_rtm(app_id, app_certificate, channel_name, account, role, token_expire, privilege_expire))
    }

    /// `build_token_with_rtm2(…)`.
    pub fn build_token_with_rtm2(
        app_id: &str,
        app_certificate: &str,
        args: &RtcRtm2<'_>,
    ) -> Result<String, TokenError> {
        build_now!(rtc_with_rtm2(app_id, app_certificate, args, None))
    }
}

/// Agora's `RtmTokenBuilder2` (`rtm_token_builder`).
pub mod rtm_token_builder {
    use super::*;

    /// `build_token(app_id, app_certificate, user_id, expire)`; expire in seconds from now.
    pub fn build_token(app_id: &str, app_certificate: &str, user_id: &str, expire: u32) -> Result<String, TokenError> {
        build_now!(rtm(app_id, app_certificate, user_id, expire))
    }

    /// `build_token_with_permissions(app_id, app_certificate, user_id, permissions, expire)`.
    pub fn build_token_with_permissions(
        app_id: &str,
        app_certificate: &str,
        user_id: &str,
        permissions: Vec<Rtm2Permission>,
        expire: u32,
    ) -> Result<String, TokenError> {
        build_now!(rtm2(app_id, app_certificate, user_id, permissions, expire))
    }
}

/// Agora's `ChatTokenBuilder2` (`chat_token_builder`).
pub mod chat_token_builder {
    use super::*;

    /// `build_chat_user_token(app_id, app_certificate, user_id, expire)`.
    pub fn build_chat_user_token(
        app_id: &str,
        app_certificate: &str,
        user_id: &str,
        expire: u32,
    ) -> Result<String, TokenError> {
        build_now!(chat_user(app_id, app_certificate, user_id, expire))
    }

    /// `build_chat_app_token(app_id, app_certificate, expire)`.
    pub fn build_chat_app_token(app_id: &str, app_certificate: &str, expire: u32) -> Result<String, TokenError> {
        build_now!(chat_app(app_id, app_certificate, expire))
    }
}

/// Agora's `FpaTokenBuilder` (`fpa_token_builder`).
pub mod fpa_token_builder {
    use super::*;

    /// `build_token(app_id, app_certificate)`: a 24-hour FPA token.
    pub fn build_token(app_id: &str, app_certificate: &str) -> Result<String, TokenError> {
        build_now!(fpa(app_id, app_certificate))
    }
}

/// Agora's `ApaasTokenBuilder` (`apaas_token_builder`); `EducationTokenBuilder`
/// is the same code ([`education_token_builder`]).
pub mod apaas_token_builder {
    use super::*;

    /// `build_room_user_token(app_id, app_certificate, room_uuid, user_uuid, role, expire)`.
    pub fn build_room_user_token(
        app_id: &str,
        app_certificate: &str,
        room_uuid: &str,
        user_uuid: &str,
        role: i16,
        expire: u32,
    ) -> Result<String, TokenError> {
        build_now!(apaas_room_user(app_id, app_certificate, room_uuid, user_uuid, role, expire))
    }

    /// `build_user_token(app_id, app_certificate, user_uuid, expire)`.
    pub fn build_user_token(
        app_id: &str,
        app_certificate: &str,
        user_uuid: &str,
        expire: u32,
    ) -> Result<String, TokenError> {
        build_now!(apaas_user(app_id, app_certificate, user_uuid, expire))
    }

    /// `build_app_token(app_id, app_certificate, expire)`.
    pub fn build_app_token(app_id: &str, app_certificate: &str, expire: u32) -> Result<String, TokenError> {
        build_now!(apaas_app(app_id, app_certificate, expire))
    }
}

/// Agora's `EducationTokenBuilder`: the same builders as [`apaas_token_builder`].
pub mod education_token_builder {
    pub use super::apaas_token_builder::{build_app_token, build_room_user_token, build_user_token};
}

/// npm `agora-token`'s `ConvoAITokenBuilder`.
pub mod convoai_token_builder {
    use super::*;

    /// `buildToken(…)`: the RTC and RTM services of `…_with_rtm2` plus ConvoAI.
    pub fn build_token(app_id: &str, app_certificate: &str, args: &RtcRtm2<'_>) -> Result<String, TokenError> {
        build_now!(rtc_with_rtm2(app_id, app_certificate, args, Some(Service::convoai())))
    }
}

/// npm `agora-token`'s `SttTokenBuilder`.
pub mod stt_token_builder {
    use super::*;

    /// `buildToken(…)`: the RTC and RTM services of `…_with_rtm2` plus STT.
    pub fn build_token(app_id: &str, app_certificate: &str, args: &RtcRtm2<'_>) -> Result<String, TokenError> {
        build_now!(rtc_with_rtm2(app_id, app_certificate, args, Some(Service::stt())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md5_keeps_leading_zeros() {
        // Java's reference drops a leading zero for this uuid (FORMAT007.md §8.4).
        let id = apaas_chat_user_id("user-316");
        assert_eq!(id.len(), 32);
        assert!(id.starts_with("00"), "{id}");
    }

    #[test]
    fn roles() {
        assert_eq!(RtcRole::try_from_value(1).unwrap(), RtcRole::Publisher);
        assert_eq!(RtcRole::try_from_value(0).unwrap_err().kind(), ErrorKind::Role);
        assert_eq!(RtcRole::Subscriber.privileges(), [1]);
    }
}
