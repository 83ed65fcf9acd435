//! Who may mint: API keys and JWTs from `Authorization: Bearer …`.
//!
//! - An **API key** (from `API_KEYS` or `API_KEYS_FILE`) is a trusted
//!   backend: it may mint any token. Keys are kept as SHA-256 digests and a
//!   presented key is compared with every one of them in constant time.
//! - A **JWT** from the app's identity provider (HS256 with a shared secret,
//!   RS256/ES256 with a public key or a JWKS file) is an end user: it may mint
//!   only tokens for the uid or account in its claim (`JWT_CLAIM`, default
//!   `sub`). Tokens with no user (chat app, FPA, APaaS app) or for uid 0 (any
//!   user) need an API key.
//! - With neither configured, authentication is off; [`crate::config`]
//!   allows that only on loopback or with `--allow-unauthenticated`.

use std::collections::HashSet;

use axum::http::{header, HeaderValue, StatusCode};
use clap::ValueEnum;
use jsonwebtoken::jwk::{AlgorithmParameters, JwkSet};
use jsonwebtoken::{errors::ErrorKind as JwtErrorKind, Algorithm, DecodingKey, Validation};
use serde_json::Value;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::config::ConfigError;
use crate::error::ApiError;

/// The public-key algorithms accepted for `JWT_PUBLIC_KEY_FILE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum JwtAlgorithm {
    /// RSA PKCS#1 v1.5 with SHA-256.
    #[value(name = "RS256")]
    Rs256,
    /// ECDSA P-256 with SHA-256.
    #[value(name = "ES256")]
    Es256,
}

/// The JWT settings as configured (files already read).
#[derive(Default)]
pub struct JwtSettings {
    /// HS256 shared secret.
    pub hs256_secret: Option<String>,
    /// A PEM public key.
    pub public_key_pem: Option<Vec<u8>>,
    /// Its algorithm (default: from the key).
    pub algorithm: Option<JwtAlgorithm>,
    /// A JWKS document.
    pub jwks_json: Option<Vec<u8>>,
    /// Required `iss`.
    pub issuer: Option<String>,
    /// Required `aud`.
    pub audience: Option<String>,
    /// The claim naming the user.
    pub claim: String,
}

impl std::fmt::Debug for JwtSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JwtSettings")
            .field("hs256_secret", &self.hs256_secret.as_ref().map(|_| "***"))
            .field("public_key_pem", &self.public_key_pem.is_some())
            .field("jwks_json", &self.jwks_json.is_some())
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .field("claim", &self.claim)
            .finish()
    }
}

struct JwtKey {
    kid: Option<String>,
    algorithm: Algorithm,
    key: DecodingKey,
}

/// Checks JWTs against the configured keys.
pub struct JwtVerifier {
    keys: Vec<JwtKey>,
    issuer: Option<String>,
    audience: Option<String>,
    claim: String,
}

/// The configured authentication.
pub enum Auth {
    /// No API key and no JWT key: everyone may mint.
    Off,
    /// Bearer credentials required.
    On {
        /// SHA-256 digests of the API keys.
        api_keys: Vec<[u8; 32]>,
        /// JWT checking, when a JWT key is configured.
        jwt: Option<JwtVerifier>,
    },
}

impl std::fmt::Debug for JwtVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JwtVerifier").field("keys", &self.keys.len()).field("claim", &self.claim).finish()
    }
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Auth::Off => f.write_str("Auth::Off"),
            Auth::On { api_keys, jwt } => f
                .debug_struct("Auth::On")
                .field("api_keys", &api_keys.len())
                .field("jwt_keys", &jwt.as_ref().map_or(0, |j| j.keys.len()))
                .finish(),
        }
    }
}

/// Who is calling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// Authentication is off.
    Open,
    /// A valid API key: may mint anything.
    ApiKey,
    /// A valid JWT whose claim holds this user.
    User(String),
}

/// One user a request asks a token for: the request field and the uid
/// string or account (`None`: uid 0, any user).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// The request field (`uid`, `rtcuid`, `rtmuid`, `chatid`, ...).
    pub field: String,
    /// The uid's decimal form or the account; `None` for uid 0.
    pub user: Option<String>,
}

impl Subject {
    /// A subject.
    pub fn new(field: &str, user: Option<String>) -> Subject {
        Subject { field: field.to_owned(), user }
    }
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

fn unauthorized(code: &'static str, message: impl Into<String>) -> ApiError {
    let message = message.into();
    let challenge = if code == "invalid_token" { "Bearer error=\"invalid_token\"" } else { "Bearer" };
    ApiError::new(StatusCode::UNAUTHORIZED, code, Some("authorization"), message)
        .with_header(header::WWW_AUTHENTICATE, HeaderValue::from_static(challenge))
}

impl Auth {
    /// Builds the authentication from API keys and JWT settings.
    pub fn configure(api_keys: Vec<String>, jwt: JwtSettings) -> Result<Auth, ConfigError> {
        let jwt = JwtVerifier::configure(jwt)?;
        if api_keys.is_empty() && jwt.is_none() {
            return Ok(Auth::Off);
        }
        if let Some(short) = api_keys.iter().position(|k| k.len() < 16) {
            return Err(ConfigError(format!(
                "API_KEYS: key number {} is shorter than 16 characters; use long random keys (e.g. `openssl rand -hex 32`)",
                short + 1
            )));
        }
        Ok(Auth::On { api_keys: api_keys.iter().map(|k| sha256(k.as_bytes())).collect(), jwt })
    }

    /// `true` when no credentials are required.
    pub fn is_off(&self) -> bool {
        matches!(self, Auth::Off)
    }

    /// Checks the `Authorization` header.
    pub fn authenticate(&self, authorization: Option<&HeaderValue>, now: u64) -> Result<Principal, ApiError> {
        let (api_keys, jwt) = match self {
            Auth::Off => return Ok(Principal::Open),
            Auth::On { api_keys, jwt } => (api_keys, jwt),
        };
        let Some(value) = authorization else {
            return Err(unauthorized("unauthorized", "authorization: missing; send `Authorization: Bearer <API key or JWT>`"));
        };
        let value = value.to_str().map_err(|_| unauthorized("unauthorized", "authorization: not ASCII text"))?;
        let credential = match value.split_once(' ') {
            Some((scheme, rest)) if scheme.eq_ignore_ascii_case("bearer") => rest.trim(),
            _ => return Err(unauthorized("unauthorized", "authorization: use the Bearer scheme: `Authorization: Bearer <API key or JWT>`")),
        };
        if credential.is_empty() {
            return Err(unauthorized("unauthorized", "authorization: the Bearer credential is empty"));
        }
        // Every key is compared, whether or not an earlier one matched.
        let digest = sha256(credential.as_bytes());
        let matched = api_keys.iter().fold(subtle::Choice::from(0), |acc, k| acc | k.ct_eq(&digest));
        if bool::from(matched) {
            return Ok(Principal::ApiKey);
        }
        let looks_like_jwt = credential.split('.').count() == 3;
        match (jwt, looks_like_jwt) {
            (Some(jwt), true) => jwt.verify(credential, now).map(Principal::User),
            (None, true) => Err(unauthorized("invalid_token", "authorization: this server accepts no JWTs (no JWT key is configured)")),
            _ => Err(unauthorized("invalid_api_key", "authorization: not a valid API key")),
        }
    }
}

impl Principal {
    /// Whether this caller may mint a token for these users. An empty list
    /// is a token with no user (chat app, FPA, APaaS app).
    pub fn may_mint_for(&self, subjects: &[Subject]) -> Result<(), ApiError> {
        let claim = match self {
            Principal::Open | Principal::ApiKey => return Ok(()),
            Principal::User(claim) => claim,
        };
        let forbidden = |field: Option<&str>, message: String| ApiError::new(StatusCode::FORBIDDEN, "forbidden", field, message);
        if subjects.is_empty() {
            return Err(forbidden(None, "authorization: this token has no user, so only an API key may mint it".into()));
        }
        for s in subjects {
            match &s.user {
                None => {
                    return Err(forbidden(
                        Some(&s.field),
                        format!("{}: names no particular user (uid 0, or a service without a user), so only an API key may mint it", s.field),
                    ))
                }
                Some(user) if user != claim => {
                    return Err(forbidden(
                        Some(&s.field),
                        format!("{}: your JWT lets you mint tokens for {claim:?} only, not for {user:?}", s.field),
                    ))
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}

fn jwt_error(e: &jsonwebtoken::errors::Error) -> ApiError {
    let why = match e.kind() {
        JwtErrorKind::ExpiredSignature => "the JWT has expired (exp)".to_owned(),
        JwtErrorKind::ImmatureSignature => "the JWT is not valid yet (nbf)".to_owned(),
        JwtErrorKind::InvalidSignature => "the JWT's signature does not match the configured key".to_owned(),
        JwtErrorKind::InvalidIssuer => "the JWT's issuer (iss) is not the configured one".to_owned(),
        JwtErrorKind::InvalidAudience => "the JWT's audience (aud) is not the configured one".to_owned(),
        JwtErrorKind::InvalidAlgorithm => "the JWT's algorithm (alg) is not the configured key's".to_owned(),
        JwtErrorKind::MissingRequiredClaim(c) => format!("the JWT has no {c:?} claim"),
        JwtErrorKind::InvalidClaimFormat(c) => format!("the JWT's {c:?} claim has the wrong type"),
        _ => format!("not a valid JWT ({e})"),
    };
    unauthorized("invalid_token", format!("authorization: {why}"))
}

impl JwtVerifier {
    fn configure(s: JwtSettings) -> Result<Option<JwtVerifier>, ConfigError> {
        let mut keys = Vec::new();
        if let Some(secret) = &s.hs256_secret {
            if secret.len() < 32 {
                return Err(ConfigError("JWT_HS256_SECRET: shorter than 32 bytes; HS256 needs a long random secret".into()));
            }
            let key = DecodingKey::from_secret(secret.as_bytes())
                .map_err(|_| ConfigError("JWT_HS256_SECRET: not usable as an HMAC key".into()))?;
            keys.push(JwtKey { kid: None, algorithm: Algorithm::HS256, key });
        }
        if let Some(pem) = &s.public_key_pem {
            let rsa = DecodingKey::from_rsa_pem(pem);
            let ec = DecodingKey::from_ec_pem(pem);
            let (algorithm, key) = match (s.algorithm, rsa, ec) {
                (Some(JwtAlgorithm::Rs256) | None, Ok(k), _) => (Algorithm::RS256, k),
                (Some(JwtAlgorithm::Es256) | None, _, Ok(k)) => (Algorithm::ES256, k),
                (Some(a), ..) => return Err(ConfigError(format!("JWT_PUBLIC_KEY_FILE: not a PEM public key for {a:?}"))),
                (None, ..) => return Err(ConfigError("JWT_PUBLIC_KEY_FILE: not a PEM RSA or EC (P-256) public key".into())),
            };
            keys.push(JwtKey { kid: None, algorithm, key });
        }
        if let Some(json) = &s.jwks_json {
            let set: JwkSet = serde_json::from_slice(json).map_err(|e| ConfigError(format!("JWT_JWKS_FILE: not a JWKS document: {e}")))?;
            for (i, jwk) in set.keys.iter().enumerate() {
                let algorithm = match &jwk.algorithm {
                    AlgorithmParameters::RSA(_) => Algorithm::RS256,
                    AlgorithmParameters::EllipticCurve(_) => Algorithm::ES256,
                    _ => return Err(ConfigError(format!("JWT_JWKS_FILE: key {i} is neither RSA nor EC; only RS256 and ES256 are accepted"))),
                };
                let key = DecodingKey::from_jwk(jwk).map_err(|e| ConfigError(format!("JWT_JWKS_FILE: key {i}: {e}")))?;
                keys.push(JwtKey { kid: jwk.common.key_id.clone(), algorithm, key });
            }
            if set.keys.is_empty() {
                return Err(ConfigError("JWT_JWKS_FILE: the key set is empty".into()));
            }
        }
        if keys.is_empty() {
            return Ok(None);
        }
        if s.claim.is_empty() {
            return Err(ConfigError("JWT_CLAIM: must name a claim (e.g. sub)".into()));
        }
        Ok(Some(JwtVerifier { keys, issuer: s.issuer, audience: s.audience, claim: s.claim }))
    }

    /// Verifies a JWT (signature, `exp` required, `nbf`, `iss` and `aud` when configured)
    /// and returns the user in its claim. `now` is Unix seconds.
    pub fn verify(&self, jwt: &str, now: u64) -> Result<String, ApiError> {
        let header = jsonwebtoken::decode_header(jwt).map_err(|e| jwt_error(&e))?;
        let candidates: Vec<&JwtKey> = self
            .keys
            .iter()
            .filter(|k| k.algorithm == header.alg && (header.kid.is_none() || k.kid.is_none() || k.kid == header.kid))
            .collect();
        if candidates.is_empty() {
            let accepted: HashSet<String> = self.keys.iter().map(|k| format!("{:?}", k.algorithm)).collect();
            let mut accepted: Vec<String> = accepted.into_iter().collect();
            accepted.sort();
            return Err(unauthorized(
                "invalid_token",
                format!(
                    "authorization: no configured key for this JWT (alg {:?}{}; accepted: {})",
                    header.alg,
                    header.kid.as_deref().map(|k| format!(", kid {k:?}")).unwrap_or_default(),
                    accepted.join(", ")
                ),
            ));
        }
        let mut last = None;
        for k in candidates {
            let mut v = Validation::new(k.algorithm);
            v.leeway = 30;
            v.validate_nbf = true;
            v.set_required_spec_claims(&["exp"]);
            match &self.audience {
                Some(aud) => v.set_audience(&[aud]),
                None => v.validate_aud = false,
            }
            if let Some(iss) = &self.issuer {
                v.set_issuer(&[iss]);
            }
            // jsonwebtoken reads the clock itself; `now` is checked again below so tests
            // and the server agree on one clock.
            match jsonwebtoken::decode::<serde_json::Map<String, Value>>(jwt, &k.key, &v) {
                Ok(data) => {
                    if let Some(exp) = data.claims.get("exp").and_then(Value::as_u64) {
                        if exp + 30 < now {
                            return Err(unauthorized("invalid_token", "authorization: the JWT has expired (exp)"));
                        }
                    }
                    return match data.claims.get(&self.claim) {
                        Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
                        Some(Value::Number(n)) if n.is_u64() => Ok(n.to_string()),
                        Some(_) => Err(unauthorized(
                            "invalid_token",
                            format!("authorization: the JWT's {:?} claim is not a non-empty string or a uid", self.claim),
                        )),
                        None => Err(unauthorized("invalid_token", format!("authorization: the JWT has no {:?} claim", self.claim))),
                    };
                }
                Err(e) => last = Some(e),
            }
        }
        Err(jwt_error(&last.expect("at least one key was tried")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{encode, EncodingKey, Header};

    const SECRET: &str = "0123456789abcdef0123456789abcdef-shared";

    fn now() -> u64 {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
    }

    fn hs_auth() -> Auth {
        let jwt = JwtSettings { hs256_secret: Some(SECRET.into()), claim: "sub".into(), ..Default::default() };
        Auth::configure(vec!["key-0123456789abcdef".into()], jwt).unwrap()
    }

    fn bearer(s: &str) -> HeaderValue {
        HeaderValue::from_str(&format!("Bearer {s}")).unwrap()
    }

    fn hs_jwt(claims: serde_json::Value) -> String {
        encode(&Header::new(Algorithm::HS256), &claims, &EncodingKey::from_secret(SECRET.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn api_keys() {
        let a = hs_auth();
        assert_eq!(a.authenticate(Some(&bearer("key-0123456789abcdef")), now()).unwrap(), Principal::ApiKey);
        let e = a.authenticate(Some(&bearer("key-0123456789abcdeX")), now()).unwrap_err();
        assert_eq!((e.status, e.code), (StatusCode::UNAUTHORIZED, "invalid_api_key"));
        assert_eq!(a.authenticate(None, now()).unwrap_err().code, "unauthorized");
        let basic = HeaderValue::from_static("Basic abc");
        assert_eq!(a.authenticate(Some(&basic), now()).unwrap_err().code, "unauthorized");
        assert!(Auth::configure(vec!["short".into()], JwtSettings::default()).is_err());
    }

    #[test]
    fn jwts_and_subjects() {
        let a = hs_auth();
        let t = hs_jwt(serde_json::json!({"sub": "alice", "exp": now() + 60}));
        let p = a.authenticate(Some(&bearer(&t)), now()).unwrap();
        assert_eq!(p, Principal::User("alice".into()));
        assert!(p.may_mint_for(&[Subject::new("uid", Some("alice".into()))]).is_ok());
        let e = p.may_mint_for(&[Subject::new("uid", Some("bob".into()))]).unwrap_err();
        assert_eq!((e.status, e.field.as_deref()), (StatusCode::FORBIDDEN, Some("uid")));
        assert!(p.may_mint_for(&[Subject::new("uid", None)]).is_err());
        assert!(p.may_mint_for(&[]).is_err());
        assert!(Principal::ApiKey.may_mint_for(&[]).is_ok());

        let numeric = hs_jwt(serde_json::json!({"sub": 42, "exp": now() + 60}));
        assert_eq!(a.authenticate(Some(&bearer(&numeric)), now()).unwrap(), Principal::User("42".into()));

        let expired = hs_jwt(serde_json::json!({"sub": "alice", "exp": now() - 3600}));
        let e = a.authenticate(Some(&bearer(&expired)), now()).unwrap_err();
        assert!(e.message.contains("expired"), "{}", e.message);
        let no_exp = hs_jwt(serde_json::json!({"sub": "alice"}));
        assert!(a.authenticate(Some(&bearer(&no_exp)), now()).unwrap_err().message.contains("exp"));
        let mut forged = t.clone();
        forged.pop();
        forged.push(if t.ends_with('A') { 'B' } else { 'A' });
        assert_eq!(a.authenticate(Some(&bearer(&forged)), now()).unwrap_err().code, "invalid_token");
        let other = encode(&Header::new(Algorithm::HS384), &serde_json::json!({"sub": "a", "exp": now() + 60}), &EncodingKey::from_secret(SECRET.as_bytes()).unwrap()).unwrap();
        assert!(a.authenticate(Some(&bearer(&other)), now()).unwrap_err().message.contains("HS384"));
    }
}
