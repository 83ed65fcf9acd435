//! AccessToken2 described as plain data, the way a binding hands it over:
//! wide integers and optional fields, checked here once for every binding
//! (the `invalid007` rules and categories).

use crate::error::{ErrorKind, TokenError};
use crate::v006::token::UserId;
use crate::v007::recipes::RawPermission;
use crate::v007::service::{OtherService, Service, ServiceType};
use crate::v007::token::AccessToken2;
use crate::validate::check_u32;

/// One service as data. Which fields are read depends on the type (the
/// vectors' README, "Services in inputs"); the others are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawService<'a> {
    /// 1..=10 (`service`).
    pub service_type: i64,
    /// `(id, seconds after issue_ts)`; ids documented for the type and
    /// unique (`privilege`), values 0..=4294967295 (`expire_ts`).
    pub privileges: Vec<(i64, i64)>,
    /// Types 1, 3, 6.
    pub channel_name: Option<&'a str>,
    /// Types 1, 3, 6: a numeric uid (`uid`), or else…
    pub uid: Option<i64>,
    /// …a user account.
    pub user_account: Option<&'a str>,
    /// Types 2, 5, 8. Type 8 (RTM2) without a `user_id` reads `uid`
    /// instead: its decimal string, `""` for 0 (the wildcard), as npm's
    /// `buildTokenWithPermissions(…, 0, …)` writes it.
    pub user_id: Option<&'a str>,
    /// Type 7.
    pub room_uuid: Option<&'a str>,
    /// Type 7.
    pub user_uuid: Option<&'a str>,
    /// Type 7: −32768..=32767 (`role`).
    pub role: Option<i64>,
    /// Type 8.
    pub permissions: Vec<RawPermission>,
}

fn missing(field: &str, service_type: ServiceType) -> TokenError {
    TokenError::new(ErrorKind::NullArgument, format!("{field}: {} needs a {field}", service_type.class_name()))
}

impl RawService<'_> {
    /// Checks the data and makes the service.
    pub fn to_service(&self) -> Result<Service, TokenError> {
        let t = ServiceType::try_from_id(self.service_type)?;
        let user = || -> Result<UserId<'_>, TokenError> {
            match (self.uid, self.user_account) {
                (Some(uid), None) => Ok(UserId::Uid(crate::validate::check_uid(i128::from(uid))?)),
                (None, Some(account)) => Ok(UserId::Account(account)),
                _ => Err(TokenError::new(
                    ErrorKind::NullArgument,
                    format!("uid: {} needs exactly one of uid and user_account", t.class_name()),
                )),
            }
        };
        let channel = || self.channel_name.ok_or_else(|| missing("channel_name", t));
        let user_id = || self.user_id.ok_or_else(|| missing("user_id", t));
        let mut service = match t {
            ServiceType::Rtc => Service::rtc(channel()?, user()?)?,
            ServiceType::Streaming => Service::streaming(channel()?, user()?)?,
            ServiceType::FCdn => Service::fcdn(channel()?, user()?)?,
            ServiceType::Rtm => Service::rtm(user_id()?)?,
            ServiceType::Chat => Service::chat(user_id()?)?,
            ServiceType::Rtm2 => match (self.user_id, self.uid) {
                (Some(user_id), _) => Service::rtm2(user_id)?,
                (None, Some(uid)) => Service::rtm2_for_uid(crate::validate::check_uid(i128::from(uid))?),
                (None, None) => return Err(missing("user_id", t)),
            },
            ServiceType::Fpa => Service::fpa(),
            ServiceType::ConvoAi => Service::convoai(),
            ServiceType::Stt => Service::stt(),
            ServiceType::Apaas => {
                let role = self.role.ok_or_else(|| missing("role", t))?;
                let role = i16::try_from(role).map_err(|_| {
                    TokenError::new(ErrorKind::Role, format!("role: {role} is outside -32768..=32767 (the APaaS role)"))
                })?;
                Service::apaas(self.room_uuid.unwrap_or(""), self.user_uuid.unwrap_or(""), role)?
            }
        };
        for &(id, expire) in &self.privileges {
            let id16 = u16::try_from(id).map_err(|_| {
                TokenError::new(
                    ErrorKind::Privilege,
                    format!("privilege: {id} is not a privilege of {}", t.class_name()),
                )
            })?;
            let expire = check_u32(ErrorKind::ExpireTs, i128::from(expire))?;
            service.add_privilege_once(id16, expire)?;
        }
        for p in &self.permissions {
            let ty = |n: i64, what: &str| {
                u16::try_from(n).map_err(|_| {
                    TokenError::new(ErrorKind::Permission, format!("permission: {what} {n} is out of range"))
                })
            };
            let rt = ty(p.resource_type, "resource type")?;
            let pt = ty(p.permission_type, "permission type")?;
            service.add_permission_once(rt, pt, p.resources.clone())?;
        }
        Ok(service)
    }
}

/// A service of a type outside 1..=10 as data ([`OtherService`]): the
/// reference classes' base `Service(type)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawOtherService {
    /// 0 or 11..=65535 (`service`).
    pub service_type: i64,
    /// `(id, seconds after issue_ts)`; ids 0..=65535 and unique (`privilege`),
    /// values 0..=4294967295 (`expire_ts`).
    pub privileges: Vec<(i64, i64)>,
}

impl RawOtherService {
    /// Checks the data and makes the service.
    pub fn to_service(&self) -> Result<OtherService, TokenError> {
        let t = u16::try_from(self.service_type).map_err(|_| {
            TokenError::new(ErrorKind::Service, format!("service: type {} is outside 0..=65535", self.service_type))
        })?;
        let mut service = OtherService::new(t)?;
        for &(id, expire) in &self.privileges {
            let id16 = u16::try_from(id).map_err(|_| {
                TokenError::new(
                    ErrorKind::Privilege,
                    format!("privilege: id {id} is outside 0..=65535 (service type {t})"),
                )
            })?;
            service.add_privilege_once(id16, check_u32(ErrorKind::ExpireTs, i128::from(expire))?)?;
        }
        Ok(service)
    }
}

/// A whole token as data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawToken<'a> {
    /// 32 hex digits (`app_id`).
    pub app_id: &'a str,
    /// 32 hex digits (`app_certificate`).
    pub app_certificate: &'a str,
    /// Unix seconds, 0..=4294967295 (`issue_ts`); `None`: now, at build.
    pub issue_ts: Option<i64>,
    /// Seconds after issue_ts, 0..=4294967295 (`expire`).
    pub expire: i64,
    /// 0..=4294967295 (`salt`); `None`: a fresh CSPRNG salt at build.
    pub salt: Option<i64>,
    /// At least one, counting `other_services` (`no_service`).
    pub services: Vec<RawService<'a>>,
    /// Services of types outside 1..=10 (see [`OtherService`]); packed in
    /// type order among `services`. Empty for every documented token.
    pub other_services: Vec<RawOtherService>,
}

impl RawToken<'_> {
    /// Checks, in order: app id, certificate, issue_ts, expire, salt, the
    /// services (none: `no_service`; then each in order), then the other services.
    pub fn to_token(&self) -> Result<AccessToken2, TokenError> {
        let mut t = AccessToken2::new(self.app_id, self.app_certificate, 0)?;
        t.issue_ts = self.issue_ts.map(|v| check_u32(ErrorKind::IssueTs, i128::from(v))).transpose()?;
        t.expire = check_u32(ErrorKind::Expire, i128::from(self.expire))?;
        t.salt = self.salt.map(|v| check_u32(ErrorKind::Salt, i128::from(v))).transpose()?;
        if self.services.is_empty() && self.other_services.is_empty() {
            return Err(TokenError::new(ErrorKind::NoService, "no_service: add at least one service"));
        }
        for s in &self.services {
            t.add_service(s.to_service()?);
        }
        for s in &self.other_services {
            t.add_other_service(s.to_service()?);
        }
        Ok(t)
    }

    /// Checks and builds the token.
    pub fn build(&self) -> Result<String, TokenError> {
        self.to_token()?.build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::v007::service::ServiceFields;

    const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
    const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";

    fn token<'a>(services: Vec<RawService<'a>>, other_services: Vec<RawOtherService>) -> RawToken<'a> {
        RawToken {
            app_id: APP_ID,
            app_certificate: CERT,
            issue_ts: Some(1111111),
            expire: 600,
            salt: Some(1),
            services,
            other_services,
        }
    }

    #[test]
    fn other_services_are_checked_and_count_as_services() {
        let other = |t: i64, p: Vec<(i64, i64)>| RawOtherService { service_type: t, privileges: p };
        let t = token(vec![], vec![other(999, vec![(1, 600)])]).to_token().unwrap();
        assert_eq!(t.other_services()[0].privileges(), [(1, 600)]);
        for (bad, kind) in [
            (other(1, vec![]), ErrorKind::Service),
            (other(10, vec![]), ErrorKind::Service),
            (other(-1, vec![]), ErrorKind::Service),
            (other(65536, vec![]), ErrorKind::Service),
            (other(999, vec![(65536, 1)]), ErrorKind::Privilege),
            (other(999, vec![(1, 1), (1, 2)]), ErrorKind::Privilege),
            (other(999, vec![(1, -1)]), ErrorKind::ExpireTs),
        ] {
            assert_eq!(token(vec![], vec![bad.clone()]).to_token().unwrap_err().kind(), kind, "{bad:?}");
        }
        assert_eq!(token(vec![], vec![]).to_token().unwrap_err().kind(), ErrorKind::NoService);
    }

    #[test]
    fn rtm2_takes_a_numeric_user_id_with_zero_as_the_wildcard() {
        for (uid, want) in [(0, ""), (2882341273, "2882341273")] {
            let s = RawService { service_type: 8, uid: Some(uid), ..RawService::default() };
            let t = token(vec![s], vec![]).to_token().unwrap();
            let ServiceFields::Rtm2 { user_id, .. } = t.services()[0].fields() else { panic!("not RTM2") };
            assert_eq!(user_id, want);
        }
        let both = RawService { service_type: 8, uid: Some(1), user_id: Some("u"), ..RawService::default() };
        let t = token(vec![both], vec![]).to_token().unwrap();
        assert!(
            matches!(t.services()[0].fields(), ServiceFields::Rtm2 { user_id, .. } if user_id == "u"),
            "user_id wins"
        );
        let neither = RawService { service_type: 8, ..RawService::default() };
        assert_eq!(token(vec![neither], vec![]).to_token().unwrap_err().kind(), ErrorKind::NullArgument);
        let wide = RawService { service_type: 8, uid: Some(1 << 32), ..RawService::default() };
        assert_eq!(token(vec![wide], vec![]).to_token().unwrap_err().kind(), ErrorKind::Uid);
        let empty = RawService { service_type: 8, user_id: Some(""), ..RawService::default() };
        assert_eq!(
            token(vec![empty], vec![]).to_token().unwrap_err().kind(),
            ErrorKind::UserId,
            "an empty text user id stays refused"
        );
    }
}
