//! The AccessToken 006 wire format: encoding, strict parsing and verification.
//!
//! ```text
//! message = salt u32 | ts u32 | u16 count | count × (id u16, expire u32)   (sorted by id)
//! signature = HMAC-SHA256(key = app certificate text, app id | channel | uid string | message)
//! content = u16 len | signature | crc32(channel) u32 | crc32(uid string) u32 | u16 len | message
//! token = "006" | app id (32 characters) | standard padded base64(content)
//! ```
//! All integers are little-endian.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::error::{ErrorKind, TokenError};
use crate::pack::{hex_lower, Reader};
use crate::secret::Secret;
use crate::v006::privilege::Privilege;
use crate::validate::check_app_certificate;

pub(crate) type HmacSha256 = Hmac<Sha256>;

/// The version prefix of AccessToken 006.
pub const VERSION: &str = "006";
/// Length of the app id field.
pub const APP_ID_LEN: usize = 32;

/// Who a token is for: a numeric uid or a user account (string uid).
///
/// The token signs the *uid string*: a numeric uid `n` is its decimal form,
/// uid `0` is the empty string, and an account is used as it is. So uid `7`
/// and account `"7"` are the same user; uid `0` and account `"0"` are not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserId<'a> {
    /// A numeric uid (0 means "any user" and is signed as the empty string).
    Uid(u32),
    /// A user account, used as it is.
    Account(&'a str),
}

impl UserId<'_> {
    /// The uid string this user is signed as.
    pub fn uid_string(&self) -> String {
        match *self {
            UserId::Uid(n) => uid_str(n, &mut [0; 10]).to_owned(),
            UserId::Account(a) => a.to_owned(),
        }
    }
}

/// The uid string of a numeric uid, written into `buf`: decimal, and `""` for 0.
pub(crate) fn uid_str(n: u32, buf: &mut [u8; 10]) -> &str {
    if n == 0 {
        return "";
    }
    let mut i = buf.len();
    let mut n = n;
    while n > 0 {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    std::str::from_utf8(&buf[i..]).expect("ASCII digits")
}

/// Every field of a 006 token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedToken {
    /// The 32-character app id, as written in the token.
    pub app_id: String,
    /// The signature bytes (32 for a well-formed token).
    pub signature: Vec<u8>,
    /// CRC32 (IEEE) of the channel name.
    pub crc_channel_name: u32,
    /// CRC32 (IEEE) of the uid string.
    pub crc_uid: u32,
    /// The salt.
    pub salt: u32,
    /// The token's expiry, in Unix seconds.
    pub ts: u32,
    /// `(privilege id, expiry)` pairs, sorted by id; expiry 0 means "never".
    pub privileges: Vec<(u16, u32)>,
}

impl ParsedToken {
    /// The token's message bytes (salt, ts, privileges in token order), as
    /// Agora's `AccessToken` keeps them in `message_raw_content_`.
    pub fn message(&self) -> Vec<u8> {
        pack_message(self.salt, self.ts, &self.privileges).expect("a parsed token has at most 65535 privileges")
    }

    /// The signature as lowercase hex.
    pub fn signature_hex(&self) -> String {
        hex_lower(&self.signature)
    }

    /// The expiry of a privilege, if the token holds it.
    pub fn privilege(&self, privilege: Privilege) -> Option<u32> {
        self.privileges.binary_search_by_key(&privilege.id(), |&(id, _)| id).ok().map(|i| self.privileges[i].1)
    }
}

/// An HMAC-SHA256 state keyed with the app certificate.
///
/// Keying costs two SHA-256 blocks, about a third of a token, and a server
/// signs with one certificate: so each thread keeps the state of the last
/// certificate it used and clones it when the same one comes again.
pub(crate) fn keyed_mac(app_certificate: &str) -> HmacSha256 {
    use std::cell::RefCell;
    thread_local! {
        // The certificate is kept as a zeroed-on-drop Secret (compared in
        // constant time) beside its keyed state; both are wiped when the
        // thread exits or another certificate replaces them.
        static LAST: RefCell<Option<(Secret, HmacSha256)>> = const { RefCell::new(None) };
    }
    let fresh = || HmacSha256::new_from_slice(app_certificate.as_bytes()).expect("HMAC takes keys of any length");
    if app_certificate.len() != 32 {
        return fresh();
    }
    LAST.try_with(|last| {
        let mut last = last.borrow_mut();
        match &*last {
            Some((cached, mac)) if cached.ct_eq_bytes(app_certificate.as_bytes()) => mac.clone(),
            _ => {
                let mac = fresh();
                *last = Secret::new(app_certificate).ok().map(|s| (s, mac.clone()));
                mac
            }
        }
    })
    .unwrap_or_else(|_| fresh())
}

/// The message (salt, ts, privileges) written into `out`, which must hold
/// exactly `10 + 6 * privileges.len()` bytes. `privileges` must be sorted by id.
pub(crate) fn write_message(out: &mut [u8], salt: u32, ts: u32, privileges: &[(u16, u32)]) {
    out[0..4].copy_from_slice(&salt.to_le_bytes());
    out[4..8].copy_from_slice(&ts.to_le_bytes());
    // The count is a u16; only a parsed token (whose count was itself a u16)
    // can bring more than the 14 documented ids.
    out[8..10].copy_from_slice(&(privileges.len() as u16).to_le_bytes());
    for (chunk, &(id, expire)) in out[10..].chunks_exact_mut(6).zip(privileges) {
        chunk[0..2].copy_from_slice(&id.to_le_bytes());
        chunk[2..6].copy_from_slice(&expire.to_le_bytes());
    }
}

/// A 006 message as Agora's `AccessToken` packs it (its
/// `message_raw_content_`): `u32 salt | u32 ts | u16 count | count x (u16
/// id, u32 expire)`, little-endian, the privileges in the order given (a
/// token writes them sorted by id). More than 65535 privileges is a
/// `privilege` error.
pub fn pack_message(salt: u32, ts: u32, privileges: &[(u16, u32)]) -> Result<Vec<u8>, TokenError> {
    if privileges.len() > usize::from(u16::MAX) {
        return Err(TokenError::new(ErrorKind::Privilege, "privilege: more than 65535 privileges"));
    }
    let mut out = vec![0; 10 + 6 * privileges.len()];
    write_message(&mut out, salt, ts, privileges);
    Ok(out)
}

/// The 006 signature of a message, as Agora's
/// `AccessToken::GenerateSignature` computes it: HMAC-SHA256 keyed with the
/// certificate over `app_id | channel_name | uid | message`, where `uid` is
/// the uid string (`""` for uid 0, the decimal uid, or the account). Checks
/// the app id and certificate (32 hex digits each); the other inputs are
/// signed as given, as the reference does.
pub fn sign_message(
    app_certificate: &str,
    app_id: &str,
    channel_name: &str,
    uid: &str,
    message: &[u8],
) -> Result<[u8; 32], TokenError> {
    crate::validate::check_app_id(app_id)?;
    check_app_certificate(app_certificate)?;
    let mut mac = signer(app_certificate, app_id, channel_name, uid);
    mac.update(message);
    Ok(mac.finalize().into_bytes().into())
}

/// Room for the content of a token with every documented privilege, so the
/// usual token is assembled on the stack.
const STACK_CONTENT: usize = 44 + 10 + 6 * 16;

/// The HMAC state that signs every token of one app, channel and user: keyed
/// with the certificate and fed the fixed head of the signed data, `app id |
/// channel name | uid string`. A builder keeps it, so each token hashes only
/// its message; with a 32-byte channel that is one SHA-256 block less per token.
pub(crate) fn signer(app_certificate: &str, app_id: &str, channel_name: &str, uid: &str) -> HmacSha256 {
    let mut mac = keyed_mac(app_certificate);
    mac.update(app_id.as_bytes());
    mac.update(channel_name.as_bytes());
    mac.update(uid.as_bytes());
    mac
}

/// Assembles a token, appending its ASCII bytes to `out`. `signer` comes
/// from [`signer`] for the same app id, channel name and uid.
#[allow(clippy::too_many_arguments)]
pub(crate) fn encode_into(
    out: &mut Vec<u8>,
    signer: HmacSha256,
    app_id: &str,
    channel_name: &str,
    uid: &str,
    salt: u32,
    ts: u32,
    privileges: &[(u16, u32)],
) {
    // content = 2 + 32 (signature) + 4 + 4 + 2 (message length) + message
    const HEAD: usize = 2 + 32 + 4 + 4 + 2;
    let msg_len = 10 + 6 * privileges.len();
    let mut stack = [0u8; STACK_CONTENT];
    let mut heap = Vec::new();
    let content: &mut [u8] = if HEAD + msg_len <= STACK_CONTENT {
        &mut stack[..HEAD + msg_len]
    } else {
        heap.resize(HEAD + msg_len, 0);
        &mut heap
    };
    write_message(&mut content[HEAD..], salt, ts, privileges);

    let mut mac = signer;
    mac.update(&content[HEAD..]);
    let signature = mac.finalize().into_bytes();

    content[0..2].copy_from_slice(&32u16.to_le_bytes());
    content[2..34].copy_from_slice(&signature);
    content[34..38].copy_from_slice(&crc32fast::hash(channel_name.as_bytes()).to_le_bytes());
    content[38..42].copy_from_slice(&crc32fast::hash(uid.as_bytes()).to_le_bytes());
    content[42..44].copy_from_slice(&(msg_len as u16).to_le_bytes());

    let encoded_len = content.len().div_ceil(3) * 4;
    out.reserve(VERSION.len() + app_id.len() + encoded_len);
    out.extend_from_slice(VERSION.as_bytes());
    out.extend_from_slice(app_id.as_bytes());
    let start = out.len();
    out.resize(start + encoded_len, 0);
    let written = STANDARD.encode_slice(&*content, &mut out[start..]).expect("room for the base64 was reserved");
    debug_assert_eq!(written, encoded_len);
}

/// Parses a 006 token strictly (see the `reject006` categories) and hands
/// the parsed token and its raw signed message to `f`. The content is decoded
/// on the stack when it fits, as every real token does.
pub(crate) fn decode_with<R>(token: &[u8], f: impl FnOnce(ParsedToken, &[u8]) -> R) -> Result<R, TokenError> {
    if token.len() > crate::validate::MAX_TOKEN_LEN {
        return Err(TokenError::new(
            ErrorKind::TooLong,
            format!(
                "too_long: the token is {} bytes, the limit is {}; this is not a token",
                token.len(),
                crate::validate::MAX_TOKEN_LEN
            ),
        ));
    }
    if !token.starts_with(VERSION.as_bytes()) {
        return Err(crate::diagnose::version_error(token, Some(VERSION)));
    }
    let rest = &token[VERSION.len()..];
    if rest.len() < APP_ID_LEN || !rest[..APP_ID_LEN].iter().all(u8::is_ascii_hexdigit) {
        return Err(TokenError::new(
            ErrorKind::AppId,
            "app_id: the 32 characters after \"006\" must all be hexadecimal digits",
        ));
    }
    let (app_id, b64) = rest.split_at(APP_ID_LEN);
    if b64.is_empty() {
        return Err(TokenError::new(ErrorKind::Truncated, "truncated: the token has no content after its app id"));
    }
    let base64_error = |e: &base64::DecodeError| crate::diagnose::base64_error(token, VERSION.len() + APP_ID_LEN, e);
    let mut stack = [0u8; 256];
    let heap;
    let content: &[u8] = if base64::decoded_len_estimate(b64.len()) <= stack.len() {
        match STANDARD.decode_slice(b64, &mut stack) {
            Ok(n) => &stack[..n],
            Err(base64::DecodeSliceError::DecodeError(e)) => return Err(base64_error(&e)),
            Err(base64::DecodeSliceError::OutputSliceTooSmall) => unreachable!("the estimate bounds the output"),
        }
    } else {
        heap = STANDARD.decode(b64).map_err(|e| base64_error(&e))?;
        &heap
    };

    let mut outer = Reader::new(content, "token content");
    let signature = outer.string("signature")?.to_vec();
    let crc_channel_name = outer.u32("channel name CRC")?;
    let crc_uid = outer.u32("uid CRC")?;
    let message = outer.string("message")?;
    outer.finish()?;

    let mut inner = Reader::new(message, "message");
    let salt = inner.u32("salt")?;
    let ts = inner.u32("ts")?;
    let count = inner.u16("privilege count")? as usize;
    let mut privileges = Vec::with_capacity(count.min(inner.bytes.len() / 6));
    for _ in 0..count {
        let id = inner.u16("privilege id")?;
        let expire = inner.u32("privilege expiry")?;
        privileges.push((id, expire));
    }
    inner.finish()?;
    // A map on the wire: sorted by id, a repeated id keeps its last value.
    // Builders write it sorted, so the sort is for the odd foreign token.
    if !privileges.windows(2).all(|w| w[0].0 < w[1].0) {
        privileges.reverse();
        privileges.sort_by_key(|&(id, _)| id);
        privileges.dedup_by_key(|&mut (id, _)| id);
    }
    let app_id = std::str::from_utf8(app_id).expect("checked: 32 ASCII hex digits").to_owned();
    let parsed = ParsedToken { app_id, signature, crc_channel_name, crc_uid, salt, ts, privileges };
    Ok(f(parsed, message))
}

/// Parses a 006 token strictly.
///
/// Fails with `version`, `app_id`, `base64`, `truncated` or `trailing`.
/// Bytes rather than `&str` are accepted so that callers holding text of
/// unknown encoding get a category rather than a conversion failure.
pub fn parse(token: impl AsRef<[u8]>) -> Result<ParsedToken, TokenError> {
    decode_with(token.as_ref(), |t, _| t)
}

/// The outcome of [`verify`]: `Ok`, or the first check that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerifyResult {
    /// Every check passed.
    Ok,
    /// The token belongs to another app id.
    AppIdMismatch,
    /// The channel name's CRC32 differs.
    ChannelMismatch,
    /// The uid string's CRC32 differs.
    UidMismatch,
    /// The HMAC differs: another certificate, or a forged token.
    SignatureMismatch,
    /// `now` is past the token's `ts`.
    Expired,
    /// `now` is past the join-channel privilege's expiry.
    PrivilegeExpired,
    /// 007 with an RTC check: the token has no RTC service.
    ServiceMissing,
}

impl VerifyResult {
    /// Every result, in check order (`Ok` first).
    pub const ALL: &'static [VerifyResult] = &[
        VerifyResult::Ok,
        VerifyResult::AppIdMismatch,
        VerifyResult::ChannelMismatch,
        VerifyResult::UidMismatch,
        VerifyResult::SignatureMismatch,
        VerifyResult::Expired,
        VerifyResult::PrivilegeExpired,
        VerifyResult::ServiceMissing,
    ];

    /// The result's name (`"ok"`, `"channel_mismatch"`, ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            VerifyResult::Ok => "ok",
            VerifyResult::AppIdMismatch => "app_id_mismatch",
            VerifyResult::ChannelMismatch => "channel_mismatch",
            VerifyResult::UidMismatch => "uid_mismatch",
            VerifyResult::SignatureMismatch => "signature_mismatch",
            VerifyResult::Expired => "expired",
            VerifyResult::PrivilegeExpired => "privilege_expired",
            VerifyResult::ServiceMissing => "service_missing",
        }
    }

    /// A stable number for bindings: 0 for `ok`, then 1, 2, ... (append-only).
    pub const fn value(self) -> i32 {
        self as i32
    }

    /// What a failed check means, in a sentence for people (empty for `ok`);
    /// `rtm`: the check was an RTM check (`verify_rtm`, `Expected007::rtm`).
    pub const fn explain(self, rtm: bool) -> &'static str {
        match (self, rtm) {
            (VerifyResult::Ok, _) => "",
            (VerifyResult::AppIdMismatch, _) => "the token was minted for another app id",
            (VerifyResult::ChannelMismatch, true) => "the token is not an RTM token of this user",
            (VerifyResult::ChannelMismatch, false) => "the token was minted for another channel",
            (VerifyResult::UidMismatch, true) => "the token is not an RTM token of this user",
            (VerifyResult::UidMismatch, false) => {
                "the token was minted for another uid or account (and not for uid 0, any user)"
            }
            (VerifyResult::SignatureMismatch, _) => {
                "the signature does not match: another app certificate, or an altered token"
            }
            (VerifyResult::Expired, _) => "the token has expired",
            (VerifyResult::PrivilegeExpired, true) => "the RTM login privilege has expired",
            (VerifyResult::PrivilegeExpired, false) => "the join-channel privilege has expired",
            (VerifyResult::ServiceMissing, true) => "the token has no RTM service",
            (VerifyResult::ServiceMissing, false) => "the token has no RTC service",
        }
    }

    /// `true` for [`VerifyResult::Ok`].
    pub const fn is_ok(self) -> bool {
        matches!(self, VerifyResult::Ok)
    }
}

impl std::fmt::Display for VerifyResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a verifier expects of a token.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    /// The app id, when the verifier wants it checked.
    pub app_id: Option<&'a str>,
    /// The channel name.
    pub channel_name: &'a str,
    /// The user.
    pub user: UserId<'a>,
}

/// Verifies a token: `Ok(result)` with `ok` or the first failing check, in
/// this order: app id, channel, uid, signature, expiry, join-channel privilege
/// expiry. A malformed token or certificate is an `Err`.
///
/// uid 0 is a wildcard (the vectors' README): a token built for uid 0 signs
/// the empty uid string (crc 0) and admits any uid or account, its signature
/// then checked over the empty string. A token for uid 42 or account `"0"`
/// verified as uid 0 is `uid_mismatch`.
///
/// The signature is compared in constant time. `now` is Unix seconds.
pub fn verify(
    token: impl AsRef<[u8]>,
    app_certificate: &str,
    expected: &Expected<'_>,
    now: u32,
) -> Result<VerifyResult, TokenError> {
    check_app_certificate(app_certificate)?;
    decode_with(token.as_ref(), |token, message| {
        verify_parsed(&token, message, app_certificate, expected, now, Privilege::JoinChannel)
    })
}

/// Verifies a 006 RTM token (`RtmTokenBuilder`): its channel field holds the
/// user account and its uid string is empty, so it is checked as channel
/// `user_account`, uid 0, with the `kRtmLogin` expiry in place of the
/// join-channel one. Same order and results as [`verify`], except that a
/// token of another account is `uid_mismatch` (the account is the token's
/// user, whatever field carries it), as for a 007 RTM check.
pub fn verify_rtm(
    token: impl AsRef<[u8]>,
    app_certificate: &str,
    user_account: &str,
    now: u32,
) -> Result<VerifyResult, TokenError> {
    check_app_certificate(app_certificate)?;
    let expected = Expected { app_id: None, channel_name: user_account, user: UserId::Uid(0) };
    decode_with(token.as_ref(), |token, message| {
        match verify_parsed(&token, message, app_certificate, &expected, now, Privilege::RtmLogin) {
            VerifyResult::ChannelMismatch => VerifyResult::UidMismatch,
            result => result,
        }
    })
}

fn verify_parsed(
    token: &ParsedToken,
    message: &[u8],
    app_certificate: &str,
    expected: &Expected<'_>,
    now: u32,
    privilege: Privilege,
) -> VerifyResult {
    if let Some(app_id) = expected.app_id {
        if app_id != token.app_id {
            return VerifyResult::AppIdMismatch;
        }
    }
    if crc32fast::hash(expected.channel_name.as_bytes()) != token.crc_channel_name {
        return VerifyResult::ChannelMismatch;
    }
    let mut digits = [0u8; 10];
    let mut uid = match expected.user {
        UserId::Uid(n) => uid_str(n, &mut digits),
        UserId::Account(account) => account,
    };
    if crc32fast::hash(uid.as_bytes()) != token.crc_uid {
        // uid 0 is a wildcard: a token signed for the empty uid string (crc 0)
        // admits any uid, and its signature is checked over "".
        if token.crc_uid != 0 {
            return VerifyResult::UidMismatch;
        }
        uid = "";
    }
    let mut mac = keyed_mac(app_certificate);
    mac.update(token.app_id.as_bytes());
    mac.update(expected.channel_name.as_bytes());
    mac.update(uid.as_bytes());
    mac.update(message);
    if mac.verify_slice(&token.signature).is_err() {
        return VerifyResult::SignatureMismatch;
    }
    if now > token.ts {
        return VerifyResult::Expired;
    }
    match token.privilege(privilege) {
        Some(expire) if expire != 0 && now > expire => VerifyResult::PrivilegeExpired,
        _ => VerifyResult::Ok,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_and_signature_are_the_token_s() {
        let token = "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW";
        let p = parse(token).unwrap();
        let raw = STANDARD.decode(&token[35..]).unwrap();
        // content = signature string | crc | crc | message string
        let message = &raw[2 + 32 + 8 + 2..];
        assert_eq!(p.message(), message);
        let cert = "5CFd2fd1755d40ecb72977518be15d3b";
        let sig = sign_message(cert, &p.app_id, "7d72365eb983485397e3e3f9d460bdda", "2882341273", message).unwrap();
        assert_eq!(sig.to_vec(), p.signature);
        assert_eq!(pack_message(p.salt, p.ts, &p.privileges).unwrap(), message);
        let e = sign_message("x", &p.app_id, "c", "", message).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::AppCertificate);
        assert_eq!(sign_message(cert, "x", "c", "", message).unwrap_err().kind(), ErrorKind::AppId);
    }

    #[test]
    fn uid_strings() {
        for n in [0u32, 1, 9, 10, 99, 100, 2882341273, u32::MAX] {
            let want = if n == 0 { String::new() } else { n.to_string() };
            assert_eq!(uid_str(n, &mut [0; 10]), want);
            assert_eq!(UserId::Uid(n).uid_string(), want);
        }
        assert_eq!(UserId::Account("0").uid_string(), "0");
    }

    #[test]
    fn keyed_mac_cache_never_mixes_certificates() {
        let sign = |mac: HmacSha256| {
            let mut mac = mac;
            mac.update(b"data");
            mac.finalize().into_bytes()
        };
        let certs = [
            "5CFd2fd1755d40ecb72977518be15d3b",
            "5cfd2fd1755d40ecb72977518be15d3b",
            "short",
            "",
            "5CFd2fd1755d40ecb72977518be15d3z",
        ];
        for round in 0..3 {
            for cert in certs.iter().cycle().skip(round).take(8) {
                let fresh = HmacSha256::new_from_slice(cert.as_bytes()).unwrap();
                assert_eq!(sign(keyed_mac(cert)), sign(fresh), "{cert}");
            }
        }
        // Another thread starts with its own cache.
        std::thread::spawn(move || {
            let fresh = HmacSha256::new_from_slice(certs[1].as_bytes()).unwrap();
            assert_eq!(sign(keyed_mac(certs[1])), sign(fresh));
        })
        .join()
        .unwrap();
    }
}
