//! The reference builders as data: one row per builder, append-only.
//!
//! A binding exposes every 007 builder through one generic native entry:
//! it converts its host arguments to [`Arg`]s once and calls
//! [`Recipe::build_token`] with the row's index. Names are the python3
//! reference's, as the `builder007` vectors spell them; parameters come in
//! the python3 order, with their kinds (which fix the range check and the
//! error category) and python3's defaults. Rows are never reordered or
//! removed: a row's index is part of every binding's ABI, like an error code.

use crate::error::{ErrorKind, TokenError};
use crate::v006::token::UserId;
use crate::v007::builders::{self as b, RtcPrivilegeExpires, RtcRole, RtcRtm2};
use crate::v007::service::{Rtm2Permission, Service};
use crate::v007::token::AccessToken2;
use crate::validate::check_u32;

/// What a parameter takes, which fixes its range and its error category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamKind {
    /// A string (channel name, account, user id, uuid); checked by the service.
    Str,
    /// A numeric uid, 0..=4294967295 (`uid`).
    Uid,
    /// An RTC role: 1 publisher, 2 subscriber (`role`).
    RtcRole,
    /// The token's lifetime, seconds from now, 0..=4294967295 (`expire`).
    Expire,
    /// A privilege's lifetime, seconds from now, 0..=4294967295 (`expire_ts`).
    PrivilegeExpire,
    /// An APaaS role, −32768..=32767 (`role`).
    ApaasRole,
    /// RTM2 grants: `[resource_type, permission_type, [resource, …]]` (`permission`).
    Permissions,
}

impl ParamKind {
    /// A short name for messages and bindings (`"str"`, `"uid"`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            ParamKind::Str => "str",
            ParamKind::Uid => "uid",
            ParamKind::RtcRole => "rtc_role",
            ParamKind::Expire => "expire",
            ParamKind::PrivilegeExpire => "privilege_expire",
            ParamKind::ApaasRole => "apaas_role",
            ParamKind::Permissions => "permissions",
        }
    }

    /// The category of a bad value of this kind (a binding that meets an
    /// integer too wide for an i64, or a fraction, reports it under this).
    pub const fn error_kind(self) -> ErrorKind {
        match self {
            ParamKind::Uid => ErrorKind::Uid,
            ParamKind::RtcRole | ParamKind::ApaasRole => ErrorKind::Role,
            ParamKind::Expire => ErrorKind::Expire,
            ParamKind::PrivilegeExpire => ErrorKind::ExpireTs,
            ParamKind::Permissions => ErrorKind::Permission,
            ParamKind::Str => ErrorKind::NullArgument,
        }
    }

    /// `true` for the kinds that take an integer.
    pub const fn is_int(self) -> bool {
        !matches!(self, ParamKind::Str | ParamKind::Permissions)
    }
}

/// One parameter of a builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    /// Its python3 name (`"channel_name"`).
    pub name: &'static str,
    /// What it takes.
    pub kind: ParamKind,
    /// python3's default, when the parameter is optional there.
    pub default: Option<i64>,
}

impl Param {
    /// The category of a bad value for this parameter: a string parameter's
    /// field (`channel_name`, `user_account` for an account, `user_id`,
    /// `room_uuid`, `user_uuid`), else its kind's ([`ParamKind::error_kind`]).
    /// A binding reports an argument it cannot even read (not UTF-8, a
    /// fraction, too wide) under this.
    pub fn error_kind(&self) -> ErrorKind {
        match (self.kind, self.name) {
            (ParamKind::Str, "channel_name") => ErrorKind::ChannelName,
            (ParamKind::Str, "account" | "rtc_account") => ErrorKind::UserAccount,
            (ParamKind::Str, "user_id" | "rtm_user_id") => ErrorKind::UserId,
            (ParamKind::Str, "room_uuid") => ErrorKind::RoomUuid,
            (ParamKind::Str, "user_uuid") => ErrorKind::UserUuid,
            (kind, _) => kind.error_kind(),
        }
    }
}

impl Param {
    /// This integer parameter's value given as text, as Agora's Node.js and
    /// PHP builders take one (`'3600'`, `$_GET['uid']`): canonical decimal
    /// only. A uid is read by [`uid_from_decimal`](crate::validate::uid_from_decimal)
    /// (its errors point to the account builder), any other integer kind by
    /// [`u32_from_decimal`](crate::validate::u32_from_decimal) under
    /// [`error_kind`](Self::error_kind); the builder then range-checks the
    /// value as it does any integer. A string or permissions parameter is a
    /// `null_argument` error.
    pub fn from_decimal(&self, text: &str) -> Result<i64, TokenError> {
        match self.kind {
            ParamKind::Uid => crate::validate::uid_from_decimal(text).map(i64::from),
            kind if kind.is_int() => crate::validate::u32_from_decimal(self.error_kind(), text).map(i64::from),
            _ => Err(TokenError::new(
                ErrorKind::NullArgument,
                format!("{}: is not an integer parameter, so it takes no number as text", self.name),
            )),
        }
    }
}

/// One RTM2 grant as a binding hands it over, before range checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPermission {
    /// Resource type (checked: 0..=4).
    pub resource_type: i64,
    /// Permission type (checked: 0..=1).
    pub permission_type: i64,
    /// The resources.
    pub resources: Vec<String>,
}

/// An argument as a binding hands it over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg<'a> {
    /// A string.
    Str(&'a str),
    /// An integer, range-checked against the parameter's kind.
    Int(i64),
    /// RTM2 grants.
    Permissions(Vec<RawPermission>),
    /// The host's `null`/`None`/`undefined` passed explicitly: an RTC role
    /// becomes [`RtcRole::JOIN_ONLY`] (what the references build for it);
    /// any other parameter is a `null_argument` error naming it.
    Null,
}

/// The checked arguments of one call.
struct Args<'a, 'b> {
    recipe: &'static Recipe,
    values: &'b [Arg<'a>],
}

impl<'a> Args<'a, '_> {
    fn value(&self, i: usize) -> Result<Arg<'a>, TokenError> {
        let param = &self.recipe.params[i];
        match (self.values.get(i), param.default) {
            (Some(v), _) => Ok(v.clone()),
            (None, Some(d)) => Ok(Arg::Int(d)),
            (None, None) => Err(TokenError::new(
                ErrorKind::NullArgument,
                format!("{}: {} needs this argument", param.name, self.recipe.name),
            )),
        }
    }

    fn wrong_type(&self, i: usize, want: &str) -> TokenError {
        let param = &self.recipe.params[i];
        if self.values.get(i) == Some(&Arg::Null) {
            return TokenError::new(
                ErrorKind::NullArgument,
                format!("{}: {} needs {want} here, not null", param.name, self.recipe.name),
            );
        }
        TokenError::new(ErrorKind::NullArgument, format!("{}: {} takes {want} here", param.name, self.recipe.name))
    }

    fn str(&self, i: usize) -> Result<&'a str, TokenError> {
        match self.value(i)? {
            Arg::Str(s) => Ok(s),
            _ => Err(self.wrong_type(i, "a string")),
        }
    }

    fn int(&self, i: usize) -> Result<i64, TokenError> {
        match self.value(i)? {
            Arg::Int(n) => Ok(n),
            _ => Err(self.wrong_type(i, "an integer")),
        }
    }

    fn u32(&self, i: usize, kind: ErrorKind) -> Result<u32, TokenError> {
        let n = self.int(i)?;
        check_u32(kind, i128::from(n)).map_err(|_| {
            TokenError::new(
                kind,
                format!(
                    "{}: {n} is outside 0..=4294967295 ({} of {})",
                    kind.as_str(),
                    self.recipe.params[i].name,
                    self.recipe.name
                ),
            )
        })
    }

    fn uid(&self, i: usize) -> Result<u32, TokenError> {
        crate::validate::check_uid(i128::from(self.int(i)?))
    }

    fn expire(&self, i: usize) -> Result<u32, TokenError> {
        self.u32(i, ErrorKind::Expire)
    }

    fn privilege_expire(&self, i: usize) -> Result<u32, TokenError> {
        self.u32(i, ErrorKind::ExpireTs)
    }

    fn rtc_role(&self, i: usize) -> Result<RtcRole, TokenError> {
        match self.value(i)? {
            Arg::Null => Ok(RtcRole::JOIN_ONLY),
            _ => RtcRole::try_from_value(self.int(i)?),
        }
    }

    fn apaas_role(&self, i: usize) -> Result<i16, TokenError> {
        let n = self.int(i)?;
        i16::try_from(n).map_err(|_| {
            TokenError::new(ErrorKind::Role, format!("role: {n} is outside -32768..=32767 (the APaaS role)"))
        })
    }

    fn permissions(&self, i: usize) -> Result<Vec<Rtm2Permission>, TokenError> {
        let Arg::Permissions(raw) = self.value(i)? else {
            return Err(self.wrong_type(i, "a list of [resource_type, permission_type, [resources]]"));
        };
        raw.into_iter()
            .map(|p| {
                let ty = |n: i64, what: &str| {
                    u16::try_from(n).map_err(|_| {
                        TokenError::new(ErrorKind::Permission, format!("permission: {what} {n} is out of range"))
                    })
                };
                Ok(Rtm2Permission {
                    resource_type: ty(p.resource_type, "resource type")?,
                    permission_type: ty(p.permission_type, "permission type")?,
                    resources: p.resources,
                })
            })
            .collect()
    }

    /// The ten arguments of `…_with_rtm2`, ConvoAI and STT, from `channel_name` at 0.
    fn rtm2_args(&self) -> Result<RtcRtm2<'a>, TokenError> {
        Ok(RtcRtm2 {
            channel_name: self.str(0)?,
            rtc_account: self.str(1)?,
            rtc_role: self.rtc_role(2)?,
            rtc_token_expire: self.expire(3)?,
            expires: self.four_expires(4)?,
            rtm_user_id: self.str(8)?,
            rtm_token_expire: self.privilege_expire(9)?,
        })
    }

    fn four_expires(&self, from: usize) -> Result<RtcPrivilegeExpires, TokenError> {
        Ok(RtcPrivilegeExpires {
            join_channel: self.privilege_expire(from)?,
            pub_audio: self.privilege_expire(from + 1)?,
            pub_video: self.privilege_expire(from + 2)?,
            pub_data_stream: self.privilege_expire(from + 3)?,
        })
    }
}

type BuildFn = fn(&str, &str, &Args<'_, '_>) -> Result<AccessToken2, TokenError>;

/// One reference builder as data.
pub struct Recipe {
    /// The python3 name, as `builder007` spells it (`"rtc.build_token_with_uid"`).
    pub name: &'static str,
    /// Its parameters after `app_id` and `app_certificate`, in python3 order.
    pub params: &'static [Param],
    build: BuildFn,
}

impl std::fmt::Debug for Recipe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recipe").field("name", &self.name).field("params", &self.params).finish()
    }
}

const fn param(name: &'static str, kind: ParamKind) -> Param {
    Param { name, kind, default: None }
}

const fn optional(name: &'static str, kind: ParamKind, default: i64) -> Param {
    Param { name, kind, default: Some(default) }
}

use ParamKind as K;

const RTC_UID: &[Param] = &[
    param("channel_name", K::Str),
    param("uid", K::Uid),
    param("role", K::RtcRole),
    param("token_expire", K::Expire),
    optional("privilege_expire", K::PrivilegeExpire, 0),
];
const RTC_ACCOUNT: &[Param] = &[
    param("channel_name", K::Str),
    param("account", K::Str),
    param("role", K::RtcRole),
    param("token_expire", K::Expire),
    optional("privilege_expire", K::PrivilegeExpire, 0),
];
const RTC_UID_PRIVILEGE: &[Param] = &[
    param("channel_name", K::Str),
    param("uid", K::Uid),
    param("token_expire", K::Expire),
    param("join_channel_privilege_expire", K::PrivilegeExpire),
    param("pub_audio_privilege_expire", K::PrivilegeExpire),
    param("pub_video_privilege_expire", K::PrivilegeExpire),
    param("pub_data_stream_privilege_expire", K::PrivilegeExpire),
];
const RTC_ACCOUNT_PRIVILEGE: &[Param] = &[
    param("channel_name", K::Str),
    param("account", K::Str),
    param("token_expire", K::Expire),
    param("join_channel_privilege_expire", K::PrivilegeExpire),
    param("pub_audio_privilege_expire", K::PrivilegeExpire),
    param("pub_video_privilege_expire", K::PrivilegeExpire),
    param("pub_data_stream_privilege_expire", K::PrivilegeExpire),
];
const RTC_RTM2: &[Param] = &[
    param("channel_name", K::Str),
    param("rtc_account", K::Str),
    param("rtc_role", K::RtcRole),
    param("rtc_token_expire", K::Expire),
    param("join_channel_privilege_expire", K::PrivilegeExpire),
    param("pub_audio_privilege_expire", K::PrivilegeExpire),
    param("pub_video_privilege_expire", K::PrivilegeExpire),
    param("pub_data_stream_privilege_expire", K::PrivilegeExpire),
    param("rtm_user_id", K::Str),
    param("rtm_token_expire", K::PrivilegeExpire),
];
const USER_EXPIRE: &[Param] = &[param("user_id", K::Str), param("expire", K::Expire)];
const EXPIRE: &[Param] = &[param("expire", K::Expire)];
const ROOM_USER: &[Param] =
    &[param("room_uuid", K::Str), param("user_uuid", K::Str), param("role", K::ApaasRole), param("expire", K::Expire)];
const USER_UUID: &[Param] = &[param("user_uuid", K::Str), param("expire", K::Expire)];

/// Every reference builder. Append-only: an index never changes meaning.
pub static RECIPES: &[Recipe] = &[
    Recipe {
        name: "rtc.build_token_with_uid",
        params: RTC_UID,
        build: |id, cert, a| {
            b::rtc(id, cert, a.str(0)?, UserId::Uid(a.uid(1)?), a.rtc_role(2)?, a.expire(3)?, a.privilege_expire(4)?)
        },
    },
    Recipe {
        name: "rtc.build_token_with_user_account",
        params: RTC_ACCOUNT,
        build: |id, cert, a| {
            b::rtc(
                id,
                cert,
                a.str(0)?,
                UserId::Account(a.str(1)?),
                a.rtc_role(2)?,
                a.expire(3)?,
                a.privilege_expire(4)?,
            )
        },
    },
    Recipe {
        name: "rtc.build_token_with_uid_and_privilege",
        params: RTC_UID_PRIVILEGE,
        build: |id, cert, a| {
            b::rtc_with_privileges(id, cert, a.str(0)?, UserId::Uid(a.uid(1)?), a.expire(2)?, a.four_expires(3)?)
        },
    },
    Recipe {
        name: "rtc.build_token_with_user_account_and_privilege",
        params: RTC_ACCOUNT_PRIVILEGE,
        build: |id, cert, a| {
            b::rtc_with_privileges(id, cert, a.str(0)?, UserId::Account(a.str(1)?), a.expire(2)?, a.four_expires(3)?)
        },
    },
    Recipe {
        name: "rtc.build_token_with_rtm",
        params: RTC_ACCOUNT,
        build: |id, cert, a| {
            b::rtc_with_rtm(id, cert, a.str(0)?, a.str(1)?, a.rtc_role(2)?, a.expire(3)?, a.privilege_expire(4)?)
        },
    },
    Recipe {
        name: "rtc.build_token_with_rtm2",
        params: RTC_RTM2,
        build: |id, cert, a| b::rtc_with_rtm2(id, cert, &a.rtm2_args()?, None),
    },
    Recipe {
        name: "rtm.build_token",
        params: USER_EXPIRE,
        build: |id, cert, a| b::rtm(id, cert, a.str(0)?, a.expire(1)?),
    },
    Recipe {
        name: "rtm.build_token_with_permissions",
        params: &[param("user_id", K::Str), param("permissions", K::Permissions), optional("expire", K::Expire, 0)],
        // npm's builder also takes a numeric user id ([`Recipe::takes_numeric_user_id`]).
        build: |id, cert, a| match a.value(0)? {
            Arg::Int(uid) => {
                b::rtm2_for_uid(id, cert, crate::validate::check_uid(i128::from(uid))?, a.permissions(1)?, a.expire(2)?)
            }
            _ => b::rtm2(id, cert, a.str(0)?, a.permissions(1)?, a.expire(2)?),
        },
    },
    Recipe {
        name: "chat.build_user_token",
        params: USER_EXPIRE,
        build: |id, cert, a| b::chat_user(id, cert, a.str(0)?, a.expire(1)?),
    },
    Recipe { name: "chat.build_app_token", params: EXPIRE, build: |id, cert, a| b::chat_app(id, cert, a.expire(0)?) },
    Recipe { name: "fpa.build_token", params: &[], build: |id, cert, _| b::fpa(id, cert) },
    Recipe {
        name: "apaas.build_room_user_token",
        params: ROOM_USER,
        build: |id, cert, a| b::apaas_room_user(id, cert, a.str(0)?, a.str(1)?, a.apaas_role(2)?, a.expire(3)?),
    },
    Recipe {
        name: "apaas.build_user_token",
        params: USER_UUID,
        build: |id, cert, a| b::apaas_user(id, cert, a.str(0)?, a.expire(1)?),
    },
    Recipe { name: "apaas.build_app_token", params: EXPIRE, build: |id, cert, a| b::apaas_app(id, cert, a.expire(0)?) },
    Recipe {
        name: "education.build_room_user_token",
        params: ROOM_USER,
        build: |id, cert, a| b::apaas_room_user(id, cert, a.str(0)?, a.str(1)?, a.apaas_role(2)?, a.expire(3)?),
    },
    Recipe {
        name: "education.build_user_token",
        params: USER_UUID,
        build: |id, cert, a| b::apaas_user(id, cert, a.str(0)?, a.expire(1)?),
    },
    Recipe {
        name: "education.build_app_token",
        params: EXPIRE,
        build: |id, cert, a| b::apaas_app(id, cert, a.expire(0)?),
    },
    Recipe {
        name: "convoai.build_token",
        params: RTC_RTM2,
        build: |id, cert, a| b::rtc_with_rtm2(id, cert, &a.rtm2_args()?, Some(Service::convoai())),
    },
    Recipe {
        name: "stt.build_token",
        params: RTC_RTM2,
        build: |id, cert, a| b::rtc_with_rtm2(id, cert, &a.rtm2_args()?, Some(Service::stt())),
    },
];

/// Pinned inputs of a build: issue_ts and salt (tests and vectors); `None`
/// draws them (the clock, the CSPRNG).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pin {
    /// Unix seconds.
    pub issue_ts: Option<u32>,
    /// The salt.
    pub salt: Option<u32>,
}

impl Pin {
    /// A pin from a binding's wider integers: issue_ts outside u32 is an
    /// `issue_ts` error, a salt outside u32 a `salt` error.
    pub fn checked(issue_ts: Option<i64>, salt: Option<i64>) -> Result<Pin, TokenError> {
        Ok(Pin {
            issue_ts: issue_ts.map(|v| check_u32(ErrorKind::IssueTs, i128::from(v))).transpose()?,
            salt: salt.map(|v| check_u32(ErrorKind::Salt, i128::from(v))).transpose()?,
        })
    }
}

impl Recipe {
    /// `true` for the string parameter at `index` that also takes an integer
    /// (`Arg::Int`): `rtm.build_token_with_permissions`'s `user_id`, which
    /// npm's `buildTokenWithPermissions(…, 42, …)` takes as a number (packed
    /// as its decimal string, `""` for 0, the wildcard). A binding whose host
    /// has numbers hands such a number over as it is.
    pub fn takes_numeric_user_id(&self, index: usize) -> bool {
        self.name == "rtm.build_token_with_permissions" && index == 0
    }

    /// The row with this python3 name, and its index.
    pub fn find(name: &str) -> Option<(usize, &'static Recipe)> {
        RECIPES.iter().enumerate().find(|(_, r)| r.name == name)
    }

    /// The row at this index, or a `null_argument`-free explanation of the range.
    pub fn at(index: usize) -> Result<&'static Recipe, TokenError> {
        RECIPES.get(index).ok_or_else(|| {
            TokenError::new(
                ErrorKind::Internal,
                format!(
                    "internal: {index} is not a builder index (0..={}); is the binding newer than the library?",
                    RECIPES.len() - 1
                ),
            )
        })
    }

    /// The token this builder describes, before it is built. Checks, in
    /// order: the argument count, each argument in parameter order (type,
    /// range, then the field rules of its service), app id, certificate.
    pub fn token(
        &'static self,
        app_id: &str,
        app_certificate: &str,
        args: &[Arg<'_>],
    ) -> Result<AccessToken2, TokenError> {
        if args.len() > self.params.len() {
            return Err(TokenError::new(
                ErrorKind::NullArgument,
                format!(
                    "{}: takes {} arguments after app id and certificate, {} were given",
                    self.name,
                    self.params.len(),
                    args.len()
                ),
            ));
        }
        (self.build)(app_id, app_certificate, &Args { recipe: self, values: args })
    }

    /// Builds the token, with issue_ts and salt pinned where `pin` says.
    pub fn build_token(
        &'static self,
        app_id: &str,
        app_certificate: &str,
        args: &[Arg<'_>],
        pin: Pin,
    ) -> Result<String, TokenError> {
        let mut t = self.token(app_id, app_certificate, args)?;
        t.issue_ts = pin.issue_ts;
        t.salt = pin.salt;
        t.build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_arity_is_checked() {
        for (i, r) in RECIPES.iter().enumerate() {
            assert_eq!(Recipe::find(r.name).unwrap().0, i);
            for p in r.params.iter().filter(|p| p.kind == ParamKind::Str) {
                assert_ne!(p.error_kind(), ErrorKind::NullArgument, "{}: {} has a field category", r.name, p.name);
            }
        }
        assert_eq!(RECIPES.len(), 19);
        let (_, r) = Recipe::find("rtc.build_token_with_uid").unwrap();
        let app = "970CA35de60c44645bbae8a215061b33";
        let cert = "5CFd2fd1755d40ecb72977518be15d3b";
        let e = r.token(app, cert, &[Arg::Str("c")]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NullArgument);
        assert!(e.message().starts_with("uid:"), "{e}");
        // privilege_expire defaults to 0, as in python3.
        let t = r.token(app, cert, &[Arg::Str("c"), Arg::Int(7), Arg::Int(2), Arg::Int(60)]).unwrap();
        assert_eq!(t.services()[0].privileges(), [(1, 0)]);
        let bad = [Arg::Str("c"), Arg::Int(1 << 32), Arg::Int(2), Arg::Int(60)];
        assert_eq!(r.token(app, cert, &bad).unwrap_err().kind(), ErrorKind::Uid);
        let bad = [Arg::Str("c"), Arg::Int(-5), Arg::Int(2), Arg::Int(60)];
        assert!(r
            .token(app, cert, &bad)
            .unwrap_err()
            .message()
            .contains("signed 32-bit view of the unsigned uid 4294967291"));
        let bad = [Arg::Str("c"), Arg::Int(1), Arg::Int(3), Arg::Int(60)];
        assert_eq!(r.token(app, cert, &bad).unwrap_err().kind(), ErrorKind::Role);
        let bad = [Arg::Str("c"), Arg::Int(1), Arg::Int(1), Arg::Int(-1)];
        assert_eq!(r.token(app, cert, &bad).unwrap_err().kind(), ErrorKind::Expire);
        let bad = [Arg::Str("c"), Arg::Int(1), Arg::Int(1), Arg::Int(1), Arg::Int(-1)];
        assert_eq!(r.token(app, cert, &bad).unwrap_err().kind(), ErrorKind::ExpireTs);
        let bad = [Arg::Int(1), Arg::Int(1), Arg::Int(1), Arg::Int(1)];
        assert_eq!(r.token(app, cert, &bad).unwrap_err().kind(), ErrorKind::NullArgument);
        assert!(Recipe::at(RECIPES.len()).is_err());
        assert_eq!(Pin::checked(Some(-1), None).unwrap_err().kind(), ErrorKind::IssueTs);
        assert_eq!(Pin::checked(None, Some(1 << 32)).unwrap_err().kind(), ErrorKind::Salt);
        assert_eq!(Pin::checked(Some(5), Some(6)).unwrap(), Pin { issue_ts: Some(5), salt: Some(6) });
    }

    #[test]
    fn integer_parameters_read_canonical_decimal_text_under_their_category() {
        let (_, r) = Recipe::find("rtc.build_token_with_uid").unwrap();
        let [channel, uid, role, expire, privilege] = r.params else { panic!("five parameters") };
        assert_eq!(uid.from_decimal("42").unwrap(), 42);
        assert_eq!(role.from_decimal("1").unwrap(), 1);
        assert_eq!(expire.from_decimal("3600").unwrap(), 3600);
        assert_eq!(privilege.from_decimal("0").unwrap(), 0);
        for (p, kind) in [
            (uid, ErrorKind::Uid),
            (role, ErrorKind::Role),
            (expire, ErrorKind::Expire),
            (privilege, ErrorKind::ExpireTs),
        ] {
            for bad in ["007", "1e3", " 60", "-1", "4294967296", ""] {
                assert_eq!(p.from_decimal(bad).unwrap_err().kind(), kind, "{} {bad:?}", p.name);
            }
        }
        assert!(uid.from_decimal("007").unwrap_err().message().contains("account builder"));
        assert_eq!(channel.from_decimal("1").unwrap_err().kind(), ErrorKind::NullArgument);
        let (_, apaas) = Recipe::find("apaas.build_room_user_token").unwrap();
        let role = apaas.params.iter().find(|p| p.kind == ParamKind::ApaasRole).unwrap();
        assert_eq!(role.from_decimal("2").unwrap(), 2);
        assert_eq!(role.from_decimal("x").unwrap_err().kind(), ErrorKind::Role);
    }

    #[test]
    fn the_rtm2_user_id_may_be_a_number() {
        let (_, r) = Recipe::find("rtm.build_token_with_permissions").unwrap();
        assert!(r.takes_numeric_user_id(0) && !r.takes_numeric_user_id(1));
        assert!(RECIPES.iter().filter(|x| x.name != r.name).all(|x| !x.takes_numeric_user_id(0)));
        let app = "970CA35de60c44645bbae8a215061b33";
        let cert = "5CFd2fd1755d40ecb72977518be15d3b";
        for (uid, text) in [(0, ""), (42, "42")] {
            let t = r.token(app, cert, &[Arg::Int(uid), Arg::Permissions(vec![]), Arg::Int(60)]).unwrap();
            let by_text = r.token(app, cert, &[Arg::Str(text), Arg::Permissions(vec![]), Arg::Int(60)]);
            match text {
                "" => assert_eq!(by_text.unwrap_err().kind(), ErrorKind::UserId, "an empty text user id stays refused"),
                _ => assert_eq!(t.services(), by_text.unwrap().services()),
            }
            assert!(
                matches!(t.services()[0].fields(), crate::v007::ServiceFields::Rtm2 { user_id, .. } if user_id == text)
            );
        }
        let e = r.token(app, cert, &[Arg::Int(1 << 32), Arg::Permissions(vec![]), Arg::Int(60)]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Uid);
        let (_, chat) = Recipe::find("chat.build_user_token").unwrap();
        assert_eq!(chat.token(app, cert, &[Arg::Int(42), Arg::Int(60)]).unwrap_err().kind(), ErrorKind::NullArgument);
    }

    #[test]
    fn a_null_role_is_join_only_and_other_nulls_are_refused() {
        let (_, r) = Recipe::find("rtc.build_token_with_uid").unwrap();
        let app = "970CA35de60c44645bbae8a215061b33";
        let cert = "5CFd2fd1755d40ecb72977518be15d3b";
        let t = r.token(app, cert, &[Arg::Str("c"), Arg::Int(7), Arg::Null, Arg::Int(60), Arg::Int(60)]).unwrap();
        assert_eq!(t.services()[0].privileges(), [(1, 60)], "join only");
        let e = r.token(app, cert, &[Arg::Str("c"), Arg::Null, Arg::Int(1), Arg::Int(60)]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NullArgument);
        assert!(e.message().starts_with("uid:") && e.message().contains("not null"), "{e}");
        let e = r.token(app, cert, &[Arg::Null, Arg::Int(7), Arg::Int(1), Arg::Int(60)]).unwrap_err();
        assert!(e.message().starts_with("channel_name:"), "{e}");
        let (_, w) = Recipe::find("rtc.build_token_with_rtm2").unwrap();
        let args = [
            Arg::Str("c"),
            Arg::Str("acc"),
            Arg::Null,
            Arg::Int(60),
            Arg::Int(0),
            Arg::Int(0),
            Arg::Int(0),
            Arg::Int(0),
            Arg::Str("u"),
            Arg::Int(60),
        ];
        let t = w.token(app, cert, &args).unwrap();
        assert_eq!(t.services()[0].privileges(), [(1, 0)]);
    }
}
