//! AccessToken2 ("007"): the format Agora issues today for every service.
//!
//! [`AccessToken2`] describes a token as data (app id, certificate,
//! issue_ts, expire, salt, services); [`builders`] holds Agora's reference
//! builders under their Rust reference names; [`recipes`] is the same
//! builders as a table, the one entry every binding calls.

pub mod builders;
pub mod raw;
pub mod recipes;
pub mod service;
pub(crate) mod token;

pub use builders::{RtcPrivilegeExpires, RtcRole, RtcRtm2};
pub use raw::{RawOtherService, RawService, RawToken};
pub use recipes::{Arg, Param, ParamKind, Pin, RawPermission, Recipe, RECIPES};
pub use service::{privilege, rtm2, OtherService, Rtm2Permission, Service, ServiceFields, ServiceType};
pub use token::{
    parse007, parse007_lenient, verify007, verify007_lenient, AccessToken2, Expected007, ParsedToken2,
    DEFAULT_EXPIRE_007, MAX_CONTENT_LEN, VERSION_007,
};
