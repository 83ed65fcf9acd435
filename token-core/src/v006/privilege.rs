//! Privileges and roles of AccessToken 006.

use crate::error::{ErrorKind, TokenError};

macro_rules! privileges {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $name:literal; )+) => {
        /// A privilege that a 006 token grants, with its wire id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum Privilege {
            $( $(#[$doc])* $variant = $id, )+
        }

        impl Privilege {
            /// Every privilege, sorted by id.
            pub const ALL: &'static [Privilege] = &[$(Privilege::$variant),+];

            /// The privilege with this wire id.
            pub const fn from_id(id: u16) -> Option<Privilege> {
                match id { $($id => Some(Privilege::$variant),)+ _ => None }
            }

            /// The reference builders' constant name (`"kJoinChannel"`).
            pub const fn name(self) -> &'static str {
                match self { $(Privilege::$variant => $name,)+ }
            }
        }
    };
}

privileges! {
    /// `kJoinChannel`
    JoinChannel = 1, "kJoinChannel";
    /// `kPublishAudioStream`
    PublishAudioStream = 2, "kPublishAudioStream";
    /// `kPublishVideoStream`
    PublishVideoStream = 3, "kPublishVideoStream";
    /// `kPublishDataStream`
    PublishDataStream = 4, "kPublishDataStream";
    /// `kPublishAudioCdn`
    PublishAudioCdn = 5, "kPublishAudioCdn";
    /// `kPublishVideoCdn`
    PublishVideoCdn = 6, "kPublishVideoCdn";
    /// `kRequestPublishAudioStream`
    RequestPublishAudioStream = 7, "kRequestPublishAudioStream";
    /// `kRequestPublishVideoStream`
    RequestPublishVideoStream = 8, "kRequestPublishVideoStream";
    /// `kRequestPublishDataStream`
    RequestPublishDataStream = 9, "kRequestPublishDataStream";
    /// `kInvitePublishAudioStream`
    InvitePublishAudioStream = 10, "kInvitePublishAudioStream";
    /// `kInvitePublishVideoStream`
    InvitePublishVideoStream = 11, "kInvitePublishVideoStream";
    /// `kInvitePublishDataStream`
    InvitePublishDataStream = 12, "kInvitePublishDataStream";
    /// `kAdministrateChannel`
    AdministrateChannel = 101, "kAdministrateChannel";
    /// `kRtmLogin`
    RtmLogin = 1000, "kRtmLogin";
}

impl Privilege {
    /// The wire id.
    pub const fn id(self) -> u16 {
        self as u16
    }

    /// The privilege with this id, or a `privilege` error.
    pub fn try_from_id(id: i64) -> Result<Privilege, TokenError> {
        u16::try_from(id).ok().and_then(Privilege::from_id).ok_or_else(|| {
            TokenError::new(ErrorKind::Privilege, format!("privilege: {id} is not a documented privilege id"))
        })
    }

    /// The name of a wire id, or `None` for an id no reference builder defines.
    pub fn name_of(id: u16) -> Option<&'static str> {
        Privilege::from_id(id).map(Privilege::name)
    }
}

/// An RTC role.
///
/// The privilege table is today's `RtcTokenBuilder` table of Agora's C++,
/// Go, Node.js, PHP and Python builders: Attendee, Publisher and Admin get
/// JoinChannel and PublishAudio/Video/DataStream; Subscriber gets JoinChannel
/// only. Agora's Java `RtcTokenBuilder` differs: it gives `Role_Subscriber`
/// the publish privileges and `Role_Attendee` JoinChannel only; this library
/// keeps the five-language table in every binding (each Java README lists
/// the difference). (The 2019 `SimpleTokenBuilder` tables differed between
/// languages too.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u16)]
pub enum Role {
    /// `kRoleAttendee` (0)
    Attendee = 0,
    /// `kRolePublisher` (1)
    Publisher = 1,
    /// `kRoleSubscriber` (2)
    Subscriber = 2,
    /// `kRoleAdmin` (101)
    Admin = 101,
}

const PUBLISHER_PRIVILEGES: &[Privilege] = &[
    Privilege::JoinChannel,
    Privilege::PublishAudioStream,
    Privilege::PublishVideoStream,
    Privilege::PublishDataStream,
];
const SUBSCRIBER_PRIVILEGES: &[Privilege] = &[Privilege::JoinChannel];

impl Role {
    /// The most privileges any role is granted (the length of the longest
    /// row of the role table, computed from it).
    pub const MAX_PRIVILEGES: usize = {
        let mut max = 0;
        let mut i = 0;
        while i < Role::ALL.len() {
            let n = Role::ALL[i].privileges().len();
            if n > max {
                max = n;
            }
            i += 1;
        }
        max
    };

    /// The role Agora's builders give a caller that passes no role (`null`,
    /// `None`, `undefined`): JoinChannel only, which is [`Role::Subscriber`]'s row.
    pub const JOIN_ONLY: Role = Role::Subscriber;

    /// Every role.
    pub const ALL: &'static [Role] = &[Role::Attendee, Role::Publisher, Role::Subscriber, Role::Admin];

    /// The numeric value of the role.
    pub const fn value(self) -> u16 {
        self as u16
    }

    /// The reference builders' constant name (`"kRolePublisher"`).
    pub const fn name(self) -> &'static str {
        match self {
            Role::Attendee => "kRoleAttendee",
            Role::Publisher => "kRolePublisher",
            Role::Subscriber => "kRoleSubscriber",
            Role::Admin => "kRoleAdmin",
        }
    }

    /// The role with this value.
    pub const fn from_value(value: u16) -> Option<Role> {
        match value {
            0 => Some(Role::Attendee),
            1 => Some(Role::Publisher),
            2 => Some(Role::Subscriber),
            101 => Some(Role::Admin),
            _ => None,
        }
    }

    /// The role with this value, or a `role` error.
    pub fn try_from_value(value: i64) -> Result<Role, TokenError> {
        u16::try_from(value).ok().and_then(Role::from_value).ok_or_else(|| {
            TokenError::new(ErrorKind::Role, format!("role: {value} is not a documented role (0, 1, 2 or 101)"))
        })
    }

    /// A role a caller may leave out: `None` is [`Role::JOIN_ONLY`], as in the
    /// references; any other value as [`try_from_value`](Self::try_from_value).
    pub fn from_optional(value: Option<i64>) -> Result<Role, TokenError> {
        value.map_or(Ok(Role::JOIN_ONLY), Role::try_from_value)
    }

    /// The privileges this role is granted, sorted by id.
    pub const fn privileges(self) -> &'static [Privilege] {
        match self {
            Role::Attendee | Role::Publisher | Role::Admin => PUBLISHER_PRIVILEGES,
            Role::Subscriber => SUBSCRIBER_PRIVILEGES,
        }
    }
}

/// The RTM role: `Rtm_User` (1), the only one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(u16)]
pub enum RtmRole {
    /// `Rtm_User` (1)
    #[default]
    RtmUser = 1,
}

impl RtmRole {
    /// The RTM role for any value: Agora's `RtmTokenBuilder.buildToken`
    /// takes a role and ignores it (the token is the same for every value),
    /// so code migrating from it may pass anything; this never fails.
    pub fn try_from_value(value: i64) -> Result<RtmRole, TokenError> {
        let _ = value;
        Ok(RtmRole::RtmUser)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn privilege_ids_are_documented() {
        let ids: Vec<u16> = Privilege::ALL.iter().map(|p| p.id()).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 101, 1000]);
        for p in Privilege::ALL {
            assert_eq!(Privilege::from_id(p.id()), Some(*p));
            assert_eq!(Privilege::try_from_id(p.id() as i64).unwrap(), *p);
        }
        assert_eq!(Privilege::from_id(0), None);
        assert_eq!(Privilege::try_from_id(13).unwrap_err().kind(), ErrorKind::Privilege);
        assert_eq!(Privilege::try_from_id(-1).unwrap_err().kind(), ErrorKind::Privilege);
        assert_eq!(Privilege::try_from_id(65536 + 1).unwrap_err().kind(), ErrorKind::Privilege);
        assert_eq!(Privilege::name_of(1000), Some("kRtmLogin"));
    }

    #[test]
    fn role_table() {
        use Privilege::*;
        let publisher = [JoinChannel, PublishAudioStream, PublishVideoStream, PublishDataStream];
        assert_eq!(Role::Attendee.privileges(), publisher);
        assert_eq!(Role::Publisher.privileges(), publisher);
        assert_eq!(Role::Admin.privileges(), publisher);
        assert_eq!(Role::Subscriber.privileges(), [JoinChannel]);
        let longest = Role::ALL.iter().map(|r| r.privileges().len()).max().unwrap();
        assert_eq!(Role::MAX_PRIVILEGES, longest);
        for r in Role::ALL {
            assert_eq!(Role::from_value(r.value()), Some(*r));
        }
        assert_eq!(Role::try_from_value(3).unwrap_err().kind(), ErrorKind::Role);
        assert_eq!(Role::try_from_value(-1).unwrap_err().kind(), ErrorKind::Role);
        assert_eq!(RtmRole::try_from_value(1).unwrap(), RtmRole::RtmUser);
        for any in [0, 2, -1, i64::MAX] {
            assert_eq!(RtmRole::try_from_value(any).unwrap(), RtmRole::RtmUser, "the references ignore the RTM role");
        }
        assert_eq!(Role::from_optional(None).unwrap(), Role::JOIN_ONLY);
        assert_eq!(Role::JOIN_ONLY.privileges(), &[Privilege::JoinChannel]);
        assert_eq!(Role::from_optional(Some(1)).unwrap(), Role::Publisher);
        assert_eq!(Role::from_optional(Some(3)).unwrap_err().kind(), ErrorKind::Role);
    }
}
