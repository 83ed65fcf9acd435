//! `SimpleTokenBuilder`: the documented builder of AccessToken 006.

use std::fmt;

use crate::clock::default_ts;
use crate::error::{ErrorKind, TokenError};
use crate::random::random_salt;
use crate::v006::privilege::{Privilege, Role};
use crate::v006::token::{self, HmacSha256, UserId};
use crate::validate::{check_app_certificate, check_app_id, check_channel_name, check_user_account};

/// The constructor's checks, in order: app id, app certificate, channel name, user account.
pub(crate) fn check_inputs(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    user: UserId<'_>,
) -> Result<(), TokenError> {
    check_app_id(app_id)?;
    check_app_certificate(app_certificate)?;
    check_channel_name(channel_name)?;
    if let UserId::Account(account) = user {
        check_user_account(account)?;
    }
    Ok(())
}

/// Builds AccessToken 006 tokens for one app, channel and user.
///
/// The salt and `ts` are drawn at each [`build_token`](Self::build_token)
/// unless set: without [`set_salt`](Self::set_salt), every token gets a fresh
/// CSPRNG salt; without [`set_ts`](Self::set_ts), it expires 24 hours after it
/// was built. [`init_token_builder`](Self::init_token_builder) takes the
/// privileges of an existing token (to renew it); salt and ts stay drawn
/// afresh unless set.
///
/// The certificate is kept only as a keyed HMAC state; `Debug` shows `***`.
#[derive(Clone)]
pub struct SimpleTokenBuilder {
    app_id: String,
    /// Keyed with the certificate and fed `app id | channel | uid` (token::signer).
    signer: HmacSha256,
    channel_name: String,
    uid: String,
    salt: Option<u32>,
    ts: Option<u32>,
    /// Sorted by id, ids unique.
    privileges: Vec<(u16, u32)>,
}

impl fmt::Debug for SimpleTokenBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SimpleTokenBuilder")
            .field("app_id", &self.app_id)
            .field("app_certificate", &"***")
            .field("channel_name", &self.channel_name)
            .field("uid", &self.uid)
            .field("salt", &self.salt)
            .field("ts", &self.ts)
            .field("privileges", &self.privileges)
            .finish()
    }
}

impl SimpleTokenBuilder {
    /// A builder for a numeric uid (0 = any user, signed as the empty string).
    pub fn with_uid(app_id: &str, app_certificate: &str, channel_name: &str, uid: u32) -> Result<Self, TokenError> {
        Self::new(app_id, app_certificate, channel_name, UserId::Uid(uid))
    }

    /// A builder for a user account (string uid).
    pub fn with_user_account(
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        user_account: &str,
    ) -> Result<Self, TokenError> {
        Self::new(app_id, app_certificate, channel_name, UserId::Account(user_account))
    }

    /// A builder for either kind of user. Checks, in order: app id, app
    /// certificate, channel name, user account.
    pub fn new(app_id: &str, app_certificate: &str, channel_name: &str, user: UserId<'_>) -> Result<Self, TokenError> {
        check_inputs(app_id, app_certificate, channel_name, user)?;
        Ok(Self::unchecked(app_id, app_certificate, channel_name, user.uid_string()))
    }

    /// A builder of 006 RTM tokens (what `RtmTokenBuilder` uses): the user
    /// account goes in the channel field (checked as an account: 1 to 255
    /// bytes of the documented characters) and the uid string is empty.
    pub fn for_rtm(app_id: &str, app_certificate: &str, user_account: &str) -> Result<Self, TokenError> {
        check_app_id(app_id)?;
        check_app_certificate(app_certificate)?;
        check_user_account(user_account)?;
        Ok(Self::unchecked(app_id, app_certificate, user_account, String::new()))
    }

    fn unchecked(app_id: &str, app_certificate: &str, channel_name: &str, uid: String) -> Self {
        SimpleTokenBuilder {
            app_id: app_id.to_owned(),
            signer: token::signer(app_certificate, app_id, channel_name, &uid),
            channel_name: channel_name.to_owned(),
            uid,
            salt: None,
            ts: None,
            privileges: Vec::new(),
        }
    }

    /// Takes the privileges of an existing token of the same app, channel and
    /// user, to renew it or add privileges. As Agora's `SimpleTokenBuilder`
    /// documents, the builder inherits "the App ID, App Certificate, Channel
    /// Name, uid, and Privilege" of the original token: salt and ts are not
    /// inherited, so a renewed token gets a fresh salt and, unless
    /// [`set_ts`](Self::set_ts) was called, a fresh 24-hour lifetime.
    ///
    /// Fails, leaving the builder unchanged, when the token is malformed (the
    /// `parse` categories), or its app id (`app_id_mismatch`), channel CRC
    /// (`channel_mismatch`) or uid CRC (`uid_mismatch`) is not this builder's.
    pub fn init_token_builder(&mut self, origin_token: impl AsRef<[u8]>) -> Result<(), TokenError> {
        let parsed = token::parse(origin_token)?;
        if parsed.app_id != self.app_id {
            return Err(TokenError::new(
                ErrorKind::AppIdMismatch,
                "app_id_mismatch: the token was minted for another app id",
            ));
        }
        if parsed.crc_channel_name != crc32fast::hash(self.channel_name.as_bytes()) {
            return Err(TokenError::new(
                ErrorKind::ChannelMismatch,
                "channel_mismatch: the token was minted for another channel",
            ));
        }
        if parsed.crc_uid != crc32fast::hash(self.uid.as_bytes()) {
            return Err(TokenError::new(ErrorKind::UidMismatch, "uid_mismatch: the token was minted for another user"));
        }
        self.privileges = parsed.privileges;
        Ok(())
    }

    /// Replaces the privileges with the role's, each with expiry 0 (never).
    pub fn init_privileges(&mut self, role: Role) {
        self.privileges.clear();
        self.privileges.extend(role.privileges().iter().map(|p| (p.id(), 0)));
    }

    /// Grants a privilege until `expire_ts` (Unix seconds; 0 = never expires).
    pub fn set_privilege(&mut self, privilege: Privilege, expire_ts: u32) {
        let id = privilege.id();
        match self.privileges.binary_search_by_key(&id, |&(i, _)| i) {
            Ok(i) => self.privileges[i].1 = expire_ts,
            Err(i) => self.privileges.insert(i, (id, expire_ts)),
        }
    }

    /// Removes a privilege (no-op when absent).
    pub fn remove_privilege(&mut self, privilege: Privilege) {
        self.privileges.retain(|&(id, _)| id != privilege.id());
    }

    /// The privileges, sorted by id.
    pub fn privileges(&self) -> &[(u16, u32)] {
        &self.privileges
    }

    /// Fixes the salt (for reproducible tokens); `None` draws a fresh one per token.
    pub fn set_salt(&mut self, salt: impl Into<Option<u32>>) {
        self.salt = salt.into();
    }

    /// The fixed salt, or `None` when every token draws its own.
    pub fn salt(&self) -> Option<u32> {
        self.salt
    }

    /// Fixes the token expiry (Unix seconds); `None` means 24 h after each build.
    pub fn set_ts(&mut self, ts: impl Into<Option<u32>>) {
        self.ts = ts.into();
    }

    /// The fixed token expiry, or `None` for "24 h after each build".
    pub fn ts(&self) -> Option<u32> {
        self.ts
    }

    /// The app id.
    pub fn app_id(&self) -> &str {
        &self.app_id
    }

    /// The channel name (the user account for an RTM token).
    pub fn channel_name(&self) -> &str {
        &self.channel_name
    }

    /// The uid string signed into tokens (`""` for uid 0).
    pub fn uid_string(&self) -> &str {
        &self.uid
    }

    /// Builds the token. Every input was checked at construction; it fails
    /// only when the operating system's random source fails (`random`).
    pub fn build_token(&self) -> Result<String, TokenError> {
        let mut out = Vec::new();
        self.build_token_into(&mut out)?;
        Ok(String::from_utf8(out).expect("a token is ASCII"))
    }

    /// As [`build_token`](Self::build_token), appending the token's ASCII
    /// bytes to `out`: a binding that copies the token into its own string
    /// type can reuse one buffer and build without allocating.
    pub fn build_token_into(&self, out: &mut Vec<u8>) -> Result<(), TokenError> {
        let salt = match self.salt {
            Some(salt) => salt,
            None => random_salt()?,
        };
        let ts = self.ts.unwrap_or_else(default_ts);
        let signer = self.signer.clone();
        token::encode_into(out, signer, &self.app_id, &self.channel_name, &self.uid, salt, ts, &self.privileges);
        Ok(())
    }
}
