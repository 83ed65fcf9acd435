//! Configuration: the Go service's environment (`APP_ID`, `APP_CERTIFICATE`,
//! `SERVER_PORT` or `PORT`, `CORS_ALLOW_ORIGIN`, a `.env` file if present),
//! this server's own settings, and flags that override both.
//!
//! Secrets (the app certificate, API keys, the JWT HS256 secret) are read
//! from the environment or from files, never from a flag's value, so they
//! stay out of shell history and process listings. None of them is ever
//! printed: [`Credentials`]'s `Debug` shows `***`, and every message about a
//! secret says what is wrong without quoting it.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Parser, ValueEnum};
use token_core::validate::{check_app_certificate, check_app_id};
use token_core::Secret;

use crate::auth::{Auth, JwtAlgorithm, JwtSettings};

/// Agora's public sample credentials (the CLI's `DEMO_APP_ID` and
/// `DEMO_APP_CERTIFICATE`): local mode mints with them when neither
/// `APP_ID` nor `APP_CERTIFICATE` is set.
pub const DEMO_APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
/// See [`DEMO_APP_ID`].
pub const DEMO_APP_CERTIFICATE: &str = "5CFd2fd1755d40ecb72977518be15d3b";

/// The port of the Go service and of this server when none is configured.
pub const DEFAULT_PORT: u16 = 8080;

const AFTER_HELP: &str = "\
Environment (a .env file in the working directory is read first, if present; real
environment variables win over it, flags win over both):
  APP_ID, APP_CERTIFICATE     the app's credentials (neither set: local mode with Agora's demo
                              credentials on 127.0.0.1); APP_CERTIFICATE_FILE instead of the variable
  SERVER_PORT (or PORT)       default 8080          SERVER_HOST   default 0.0.0.0, 127.0.0.1 in local mode
  CORS_ALLOW_ORIGIN           \"*\" or a comma-separated list of origins (unset: no browser origin)
  API_KEYS                    comma-separated API keys (or API_KEYS_FILE, one per line)
  JWT_HS256_SECRET            a shared secret (or JWT_HS256_SECRET_FILE); JWT_PUBLIC_KEY_FILE (PEM,
                              RS256 or ES256) or JWT_JWKS_FILE; JWT_ISSUER, JWT_AUDIENCE, JWT_CLAIM
  ALLOW_UNAUTHENTICATED=true  serve without authentication on a non-loopback address
  RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST (0: off), TRUST_PROXY_HEADERS, REQUEST_TIMEOUT_SECS,
  MAX_BODY_BYTES, SHUTDOWN_GRACE_SECS, SHUTDOWN_DELAY_SECS, LOG_FORMAT (json|text), RUST_LOG";

/// The command line; every option also reads the environment variable named.
#[derive(Debug, Parser)]
#[command(
    name = "agora-token-server",
    version,
    about = "An Agora token web service (AccessToken2 \"007\" and AccessToken \"006\"), drop-in for agora-token-service",
    after_help = AFTER_HELP
)]
pub struct Args {
    /// Address to listen on [default: 0.0.0.0; 127.0.0.1 in local mode].
    #[arg(long, env = "SERVER_HOST")]
    pub host: Option<IpAddr>,
    /// Port to listen on (0: any free port) [default: $PORT, else 8080].
    #[arg(long, env = "SERVER_PORT")]
    pub port: Option<u16>,
    /// The app id (32 hex digits).
    #[arg(long, env = "APP_ID")]
    pub app_id: Option<String>,
    /// Read the app certificate from this file (otherwise $APP_CERTIFICATE; never a flag value).
    #[arg(long, env = "APP_CERTIFICATE_FILE")]
    pub app_certificate_file: Option<PathBuf>,
    /// Browser origins allowed: "*" or a comma-separated list (unset: none).
    #[arg(long, env = "CORS_ALLOW_ORIGIN")]
    pub cors_allow_origin: Option<String>,
    /// API keys, one per line ('#' starts a comment); adds to $API_KEYS.
    #[arg(long, env = "API_KEYS_FILE")]
    pub api_keys_file: Option<PathBuf>,
    /// The HS256 shared secret of the app's identity provider, from a file (or $JWT_HS256_SECRET).
    #[arg(long, env = "JWT_HS256_SECRET_FILE")]
    pub jwt_hs256_secret_file: Option<PathBuf>,
    /// The identity provider's public key (PEM), for RS256 or ES256 JWTs.
    #[arg(long, env = "JWT_PUBLIC_KEY_FILE")]
    pub jwt_public_key_file: Option<PathBuf>,
    /// The algorithm of --jwt-public-key-file [default: from the key: RSA -> RS256, EC -> ES256].
    #[arg(long, env = "JWT_ALGORITHM", value_enum)]
    pub jwt_algorithm: Option<JwtAlgorithm>,
    /// A JWKS file (RS256 and ES256 keys, chosen by the JWT's "kid").
    #[arg(long, env = "JWT_JWKS_FILE")]
    pub jwt_jwks_file: Option<PathBuf>,
    /// The "iss" a JWT must carry.
    #[arg(long, env = "JWT_ISSUER")]
    pub jwt_issuer: Option<String>,
    /// The "aud" a JWT must carry.
    #[arg(long, env = "JWT_AUDIENCE")]
    pub jwt_audience: Option<String>,
    /// The JWT claim that must equal the uid or account asked for.
    #[arg(long, env = "JWT_CLAIM", default_value = "sub")]
    pub jwt_claim: String,
    /// Serve without authentication on a non-loopback address (anyone who reaches it can mint tokens).
    #[arg(long, env = "ALLOW_UNAUTHENTICATED")]
    pub allow_unauthenticated: bool,
    /// Requests per second each client (IP address) may make on average (0: no limit).
    #[arg(long, env = "RATE_LIMIT_PER_SECOND", default_value_t = 50)]
    pub rate_limit_per_second: u64,
    /// Requests a client may make at once before the average applies.
    #[arg(long, env = "RATE_LIMIT_BURST", default_value_t = 100)]
    pub rate_limit_burst: u32,
    /// Take the client's address from X-Forwarded-For / X-Real-IP / Forwarded (only behind a proxy that sets them).
    #[arg(long, env = "TRUST_PROXY_HEADERS")]
    pub trust_proxy_headers: bool,
    /// Seconds a request may take before it is answered 408.
    #[arg(long, env = "REQUEST_TIMEOUT_SECS", default_value_t = 10)]
    pub request_timeout_secs: u64,
    /// Largest request body, in bytes (larger: 413).
    #[arg(long, env = "MAX_BODY_BYTES", default_value_t = 16 * 1024)]
    pub max_body_bytes: usize,
    /// Seconds to let in-flight requests finish after SIGTERM before exiting anyway.
    #[arg(long, env = "SHUTDOWN_GRACE_SECS", default_value_t = 30)]
    pub shutdown_grace_secs: u64,
    /// Seconds to keep serving (with /readyz answering 503) after SIGTERM, so a load balancer can stop sending.
    #[arg(long, env = "SHUTDOWN_DELAY_SECS", default_value_t = 0)]
    pub shutdown_delay_secs: u64,
    /// Log format on stdout.
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value_t = LogFormat::Json)]
    pub log_format: LogFormat,
    /// Read this file instead of ./.env (read before the other options).
    #[arg(long, value_name = "PATH")]
    pub env_file: Option<PathBuf>,
}

/// How log lines look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// One JSON object per line.
    Json,
    /// Human-readable text.
    Text,
}

/// The app id and certificate the server mints with.
#[derive(Clone)]
pub struct Credentials {
    app_id: String,
    certificate: std::sync::Arc<Secret>,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials").field("app_id", &self.app_id).field("certificate", &"***").finish()
    }
}

impl Credentials {
    /// Checks both (32 hex digits each); a message names the variable, never the value of the certificate.
    pub fn new(app_id: &str, certificate: &str) -> Result<Credentials, ConfigError> {
        check_app_id(app_id).map_err(|e| ConfigError(format!("APP_ID: {}", strip_field(e.message()))))?;
        check_app_certificate(certificate).map_err(|e| ConfigError(format!("APP_CERTIFICATE: {}", strip_field(e.message()))))?;
        let certificate = Secret::new(certificate).map_err(|e| ConfigError(format!("APP_CERTIFICATE: {}", strip_field(e.message()))))?;
        Ok(Credentials { app_id: app_id.to_owned(), certificate: std::sync::Arc::new(certificate) })
    }

    /// The app id.
    pub fn app_id(&self) -> &str {
        &self.app_id
    }

    /// The certificate's text, for the core's builders. Never log it.
    pub fn certificate(&self) -> &str {
        std::str::from_utf8(self.certificate.expose()).expect("a checked certificate is 32 ASCII hex digits")
    }
}

fn strip_field(message: &str) -> &str {
    message.split_once(": ").map_or(message, |(_, rest)| rest)
}

/// A configuration problem: printed as one line, exit status 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// Which browser origins may call the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorsOrigins {
    /// `CORS_ALLOW_ORIGIN=*`.
    Any,
    /// The origins listed (possibly none).
    List(Vec<String>),
}

impl CorsOrigins {
    /// `"*"`, or a comma-separated list; unset or empty: none.
    pub fn parse(value: Option<&str>) -> CorsOrigins {
        match value.map(str::trim) {
            Some("*") => CorsOrigins::Any,
            Some(list) => CorsOrigins::List(list.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()),
            None => CorsOrigins::List(Vec::new()),
        }
    }

    /// Whether a request's `Origin` may call the server.
    pub fn allows(&self, origin: &[u8]) -> bool {
        match self {
            CorsOrigins::Any => true,
            CorsOrigins::List(list) => list.iter().any(|o| o.as_bytes() == origin),
        }
    }
}

/// Per-client rate limiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Average requests per second.
    pub per_second: u64,
    /// Burst size.
    pub burst: u32,
    /// Key on proxy headers rather than the peer address.
    pub trust_proxy_headers: bool,
}

/// The resolved configuration.
#[derive(Debug)]
pub struct Config {
    /// Where to listen.
    pub addr: SocketAddr,
    /// What to mint with.
    pub credentials: Credentials,
    /// `true` when minting with the demo credentials (local mode).
    pub demo: bool,
    /// Who may call the token routes.
    pub auth: Auth,
    /// Browser origins.
    pub cors: CorsOrigins,
    /// `None`: no rate limit.
    pub rate_limit: Option<RateLimit>,
    /// Per-request timeout.
    pub request_timeout: Duration,
    /// Largest body.
    pub max_body_bytes: usize,
    /// Longest drain after SIGTERM.
    pub shutdown_grace: Duration,
    /// Serving time after SIGTERM, before the drain.
    pub shutdown_delay: Duration,
    /// Log format.
    pub log_format: LogFormat,
    /// Warnings to log once logging is set up (local mode, authentication off, ...).
    pub warnings: Vec<String>,
}

/// Reads the process environment: `lookup("APP_ID")`.
pub type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

fn read_secret_file(path: &Path, what: &str) -> Result<String, ConfigError> {
    std::fs::read_to_string(path)
        .map(|s| s.trim().to_owned())
        .map_err(|e| ConfigError(format!("{what}: cannot read {}: {e}", path.display())))
}

/// The `.env` file to read before parsing flags: `--env-file PATH` (or
/// `--env-file=PATH`) if given, else `./.env`.
pub fn env_file_from_args(args: &[String]) -> (PathBuf, bool) {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--env-file" {
            if let Some(p) = it.next() {
                return (PathBuf::from(p), true);
            }
        } else if let Some(p) = a.strip_prefix("--env-file=") {
            return (PathBuf::from(p), true);
        }
    }
    (PathBuf::from(".env"), false)
}

impl Config {
    /// Loads `.env` (or `--env-file`) into the environment, parses the flags
    /// (which read the environment) and resolves them.
    pub fn from_env_and_args() -> Result<Config, ConfigError> {
        let argv: Vec<String> = std::env::args().collect();
        let (env_file, explicit) = env_file_from_args(&argv);
        match dotenvy::from_path(&env_file) {
            Ok(()) => {}
            Err(e) if !explicit && e.not_found() => {}
            Err(e) => return Err(ConfigError(format!("--env-file: cannot read {}: {e}", env_file.display()))),
        }
        let args = Args::parse_from(argv);
        Config::resolve(args, &|name| std::env::var(name).ok())
    }

    /// Resolves parsed flags against the secret-bearing variables (read through `lookup`).
    pub fn resolve(args: Args, lookup: Lookup<'_>) -> Result<Config, ConfigError> {
        let set = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let mut warnings = Vec::new();

        let certificate = match (&args.app_certificate_file, set("APP_CERTIFICATE")) {
            (Some(path), _) => Some(read_secret_file(path, "APP_CERTIFICATE_FILE")?),
            (None, value) => value.map(|v| v.trim().to_owned()),
        };
        let app_id = args.app_id.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let (credentials, demo) = match (app_id, certificate) {
            (Some(id), Some(cert)) => (Credentials::new(id, &cert)?, false),
            (None, None) => (Credentials::new(DEMO_APP_ID, DEMO_APP_CERTIFICATE)?, true),
            (Some(_), None) => {
                return Err(ConfigError(
                    "APP_CERTIFICATE: not set (APP_ID is): set both, or neither to run locally with the demo credentials".into(),
                ))
            }
            (None, Some(_)) => {
                return Err(ConfigError(
                    "APP_ID: not set (APP_CERTIFICATE is): set both, or neither to run locally with the demo credentials".into(),
                ))
            }
        };

        let port = match args.port {
            Some(p) => p,
            None => match set("PORT") {
                Some(p) => p.trim().parse().map_err(|_| ConfigError(format!("PORT: {p:?} is not a port number (0..=65535)")))?,
                None => DEFAULT_PORT,
            },
        };
        let host = args.host.unwrap_or(if demo { IpAddr::V4(Ipv4Addr::LOCALHOST) } else { IpAddr::V4(Ipv4Addr::UNSPECIFIED) });
        let addr = SocketAddr::new(host, port);

        let mut api_keys: Vec<String> = set("API_KEYS").map(|v| split_keys(&v, ',')).unwrap_or_default();
        if let Some(path) = &args.api_keys_file {
            api_keys.extend(split_keys(&read_secret_file(path, "API_KEYS_FILE")?, '\n'));
        }
        let hs256 = match (&args.jwt_hs256_secret_file, set("JWT_HS256_SECRET")) {
            (Some(path), _) => Some(read_secret_file(path, "JWT_HS256_SECRET_FILE")?),
            (None, value) => value,
        };
        let jwt = JwtSettings {
            hs256_secret: hs256,
            public_key_pem: match &args.jwt_public_key_file {
                Some(p) => Some(std::fs::read(p).map_err(|e| ConfigError(format!("JWT_PUBLIC_KEY_FILE: cannot read {}: {e}", p.display())))?),
                None => None,
            },
            algorithm: args.jwt_algorithm,
            jwks_json: match &args.jwt_jwks_file {
                Some(p) => Some(std::fs::read(p).map_err(|e| ConfigError(format!("JWT_JWKS_FILE: cannot read {}: {e}", p.display())))?),
                None => None,
            },
            issuer: args.jwt_issuer.clone(),
            audience: args.jwt_audience.clone(),
            claim: args.jwt_claim.clone(),
        };
        let auth = Auth::configure(api_keys, jwt)?;

        let loopback = host.is_loopback();
        if auth.is_off() {
            if args.allow_unauthenticated {
                warnings.push(format!(
                    "authentication is OFF (--allow-unauthenticated): anyone who can reach {addr} can mint tokens for this app"
                ));
            } else if loopback {
                warnings.push(format!(
                    "authentication is off: listening on loopback ({addr}) only; configure API_KEYS or a JWT key before serving anyone else"
                ));
            } else {
                return Err(ConfigError(format!(
                    "no authentication configured for {addr}: anyone reaching it could mint tokens for app {}. \
                     Set API_KEYS (or API_KEYS_FILE) or a JWT key (JWT_HS256_SECRET, JWT_PUBLIC_KEY_FILE, JWT_JWKS_FILE); \
                     or listen on 127.0.0.1 (--host 127.0.0.1); or pass --allow-unauthenticated (ALLOW_UNAUTHENTICATED=true) to serve without it",
                    credentials.app_id()
                )));
            }
        } else if args.allow_unauthenticated {
            return Err(ConfigError(
                "ALLOW_UNAUTHENTICATED: set, but API keys or a JWT key are configured too; remove one of them".into(),
            ));
        }
        if demo {
            warnings.insert(
                0,
                format!(
                    "LOCAL MODE: minting with Agora's public demo credentials (app id {DEMO_APP_ID}), which anyone can use; \
                     set APP_ID and APP_CERTIFICATE for real tokens"
                ),
            );
        }

        let rate_limit = (args.rate_limit_per_second > 0).then_some(RateLimit {
            per_second: args.rate_limit_per_second,
            burst: args.rate_limit_burst.max(1),
            trust_proxy_headers: args.trust_proxy_headers,
        });
        if args.max_body_bytes == 0 {
            return Err(ConfigError("MAX_BODY_BYTES: must be at least 1".into()));
        }
        if args.request_timeout_secs == 0 {
            return Err(ConfigError("REQUEST_TIMEOUT_SECS: must be at least 1".into()));
        }
        Ok(Config {
            addr,
            credentials,
            demo,
            auth,
            cors: CorsOrigins::parse(args.cors_allow_origin.as_deref()),
            rate_limit,
            request_timeout: Duration::from_secs(args.request_timeout_secs),
            max_body_bytes: args.max_body_bytes,
            shutdown_grace: Duration::from_secs(args.shutdown_grace_secs),
            shutdown_delay: Duration::from_secs(args.shutdown_delay_secs),
            log_format: args.log_format,
            warnings,
        })
    }
}

fn split_keys(text: &str, sep: char) -> Vec<String> {
    text.split(sep)
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn resolve(argv: &[&str], env: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let env: HashMap<String, String> = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let mut full = vec!["agora-token-server"];
        full.extend_from_slice(argv);
        let args = Args::try_parse_from(full).unwrap();
        Config::resolve(args, &|k| env.get(k).cloned())
    }

    #[test]
    fn local_mode_without_configuration() {
        let c = resolve(&[], &[]).unwrap();
        assert!(c.demo);
        assert_eq!(c.addr, "127.0.0.1:8080".parse().unwrap());
        assert!(c.auth.is_off());
        assert!(c.warnings[0].contains("LOCAL MODE"));
        assert!(c.warnings[1].contains("authentication is off"));
    }

    #[test]
    fn one_credential_alone_is_refused_by_name() {
        let e = resolve(&["--app-id", DEMO_APP_ID], &[]).unwrap_err();
        assert!(e.0.starts_with("APP_CERTIFICATE: not set"), "{e}");
        let e = resolve(&[], &[("APP_CERTIFICATE", DEMO_APP_CERTIFICATE)]).unwrap_err();
        assert!(e.0.starts_with("APP_ID: not set"), "{e}");
    }

    #[test]
    fn bad_certificate_is_named_not_echoed() {
        let cert = "5CFd2fd1755d40ecb72977518be15d3";
        let e = resolve(&["--app-id", DEMO_APP_ID, "--host", "127.0.0.1"], &[("APP_CERTIFICATE", cert)]).unwrap_err();
        assert!(e.0.starts_with("APP_CERTIFICATE:"), "{e}");
        assert!(!e.0.contains(cert), "{e}");
        let e = resolve(&["--app-id", "xyz"], &[("APP_CERTIFICATE", DEMO_APP_CERTIFICATE)]).unwrap_err();
        assert!(e.0.starts_with("APP_ID:"), "{e}");
    }

    #[test]
    fn real_credentials_listen_everywhere_and_need_auth_or_a_flag() {
        let env = [("APP_CERTIFICATE", DEMO_APP_CERTIFICATE)];
        let e = resolve(&["--app-id", DEMO_APP_ID], &env).unwrap_err();
        assert!(e.0.contains("no authentication configured for 0.0.0.0:8080"), "{e}");
        assert!(!e.0.contains(DEMO_APP_CERTIFICATE));
        let c = resolve(&["--app-id", DEMO_APP_ID, "--allow-unauthenticated"], &env).unwrap();
        assert!(c.auth.is_off() && !c.demo);
        assert!(c.warnings[0].contains("OFF"));
        let c = resolve(&["--app-id", DEMO_APP_ID], &[env[0], ("API_KEYS", "key-one-0123456789, key-two-0123456789")]).unwrap();
        assert!(!c.auth.is_off());
        let e = resolve(&["--app-id", DEMO_APP_ID, "--allow-unauthenticated"], &[env[0], ("API_KEYS", "key-one-0123456789")]).unwrap_err();
        assert!(e.0.starts_with("ALLOW_UNAUTHENTICATED"), "{e}");
    }

    #[test]
    fn port_falls_back_to_port_then_8080() {
        assert_eq!(resolve(&[], &[("PORT", "9000")]).unwrap().addr.port(), 9000);
        assert_eq!(resolve(&["--port", "7000"], &[("PORT", "9000")]).unwrap().addr.port(), 7000);
        assert!(resolve(&[], &[("PORT", "x")]).unwrap_err().0.starts_with("PORT:"));
    }

    #[test]
    fn cors_origins() {
        assert_eq!(CorsOrigins::parse(Some("*")), CorsOrigins::Any);
        let list = CorsOrigins::parse(Some("https://a.example, https://b.example"));
        assert!(list.allows(b"https://b.example"));
        assert!(!list.allows(b"https://c.example"));
        assert!(!CorsOrigins::parse(None).allows(b"https://a.example"));
    }

    #[test]
    fn debug_hides_the_certificate() {
        let c = Credentials::new(DEMO_APP_ID, DEMO_APP_CERTIFICATE).unwrap();
        assert!(!format!("{c:?}").contains(DEMO_APP_CERTIFICATE));
        assert_eq!(c.certificate(), DEMO_APP_CERTIFICATE);
    }

    #[test]
    fn env_file_flag_is_found_before_parsing() {
        let a = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(env_file_from_args(&a(&["x", "--env-file", "p"])), (PathBuf::from("p"), true));
        assert_eq!(env_file_from_args(&a(&["x", "--env-file=q"])), (PathBuf::from("q"), true));
        assert_eq!(env_file_from_args(&a(&["x"])), (PathBuf::from(".env"), false));
    }
}
