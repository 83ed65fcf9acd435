//! The static helpers of today's reference builders.

use crate::clock::default_ts;
use crate::error::TokenError;
use crate::random::random_salt;
use crate::v006::builder::{check_inputs, SimpleTokenBuilder};
use crate::v006::privilege::{Privilege, Role, RtmRole};
use crate::v006::token::{self, uid_str, UserId};

/// `RtcTokenBuilder`: RTC tokens for a role.
#[derive(Debug, Clone, Copy)]
pub struct RtcTokenBuilder;

impl RtcTokenBuilder {
    /// A token for a numeric uid: the role's privileges, each expiring at
    /// `privilege_expired_ts` (0 = never); random salt, ts = now + 24 h.
    pub fn build_token_with_uid(
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        uid: u32,
        role: Role,
        privilege_expired_ts: u32,
    ) -> Result<String, TokenError> {
        Self::build_token(app_id, app_certificate, channel_name, UserId::Uid(uid), role, privilege_expired_ts)
    }

    /// As [`build_token_with_uid`](Self::build_token_with_uid), for a user account.
    pub fn build_token_with_user_account(
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        user_account: &str,
        role: Role,
        privilege_expired_ts: u32,
    ) -> Result<String, TokenError> {
        Self::build_token(
            app_id,
            app_certificate,
            channel_name,
            UserId::Account(user_account),
            role,
            privilege_expired_ts,
        )
    }

    /// Either kind of user.
    pub fn build_token(
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        user: UserId<'_>,
        role: Role,
        privilege_expired_ts: u32,
    ) -> Result<String, TokenError> {
        let mut out = Vec::new();
        Self::build_token_into(&mut out, app_id, app_certificate, channel_name, user, role, privilege_expired_ts)?;
        Ok(String::from_utf8(out).expect("a token is ASCII"))
    }

    /// As [`build_token`](Self::build_token), appending the token's ASCII
    /// bytes to `out` (nothing on failure): a binding that copies the token
    /// into its own string type can reuse one buffer and build without allocating.
    pub fn build_token_into(
        out: &mut Vec<u8>,
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        user: UserId<'_>,
        role: Role,
        privilege_expired_ts: u32,
    ) -> Result<(), TokenError> {
        // The one-shot path of hot request handlers: check, then sign and
        // encode straight from the borrowed inputs, with no builder to allocate.
        check_inputs(app_id, app_certificate, channel_name, user)?;
        // One slot per privilege of the widest role, so a longer role row can
        // never be cut short.
        let mut privileges = [(0u16, 0u32); Role::MAX_PRIVILEGES];
        let granted = role.privileges();
        for (slot, privilege) in privileges.iter_mut().zip(granted) {
            *slot = (privilege.id(), privilege_expired_ts);
        }
        let mut digits = [0u8; 10];
        let uid = match user {
            UserId::Uid(n) => uid_str(n, &mut digits),
            UserId::Account(account) => account,
        };
        let signer = token::signer(app_certificate, app_id, channel_name, uid);
        let privileges = &privileges[..granted.len()];
        let salt = random_salt()?;
        token::encode_into(out, signer, app_id, channel_name, uid, salt, default_ts(), privileges);
        Ok(())
    }
}

/// `RtmTokenBuilder`: RTM login tokens.
#[derive(Debug, Clone, Copy)]
pub struct RtmTokenBuilder;

impl RtmTokenBuilder {
    /// A 006 token whose channel field is the user account, with an empty uid
    /// and the `RtmLogin` privilege expiring at `privilege_expired_ts`.
    pub fn build_token(
        app_id: &str,
        app_certificate: &str,
        user_account: &str,
        role: RtmRole,
        privilege_expired_ts: u32,
    ) -> Result<String, TokenError> {
        let RtmRole::RtmUser = role;
        let mut builder = SimpleTokenBuilder::for_rtm(app_id, app_certificate, user_account)?;
        builder.set_privilege(Privilege::RtmLogin, privilege_expired_ts);
        builder.build_token()
    }
}
