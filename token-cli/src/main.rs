//! `agora-token`: mint, inspect and verify Agora AccessToken (006) tokens.
//!
//! Credentials come from `--app-id`/`AGORA_APP_ID` and `AGORA_APP_CERTIFICATE`
//! (never a flag, so it stays out of shell history). With neither set, the
//! built-in demo credentials are used and stderr says so.

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::json;
use token_core::{
    now_secs, parse, verify, Expected, ParsedToken, Privilege, Role, RtmRole, RtmTokenBuilder, SimpleTokenBuilder,
    TokenError, UserId, DEFAULT_TOKEN_LIFETIME_SECS,
};

mod time;

/// Agora's public sample credentials, for trying the tool out.
const DEMO_APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const DEMO_APP_CERTIFICATE: &str = "5CFd2fd1755d40ecb72977518be15d3b";

#[derive(Parser)]
#[command(name = "agora-token", version, about = "Mint, inspect and verify Agora AccessToken (006) tokens")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Mint an RTC token for a channel and a uid or user account.
    Rtc(RtcArgs),
    /// Mint an RTM login token for a user account.
    Rtm(RtmArgs),
    /// Print every field of a token.
    Inspect {
        /// The token.
        token: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Check a token against a channel and user; exit 0 when valid, 1 with the reason otherwise.
    Verify(VerifyArgs),
}

#[derive(Args)]
struct Credentials {
    /// The app id (default: $AGORA_APP_ID; the certificate is read from $AGORA_APP_CERTIFICATE).
    #[arg(long, env = "AGORA_APP_ID")]
    app_id: Option<String>,
}

#[derive(Args)]
#[group(required = true, multiple = false)]
struct User {
    /// Numeric uid (0..=4294967295; 0 = any user).
    #[arg(long)]
    uid: Option<u32>,
    /// User account (string uid).
    #[arg(long)]
    account: Option<String>,
}

impl User {
    fn user_id(&self) -> UserId<'_> {
        match (&self.uid, &self.account) {
            (Some(uid), _) => UserId::Uid(*uid),
            (None, Some(account)) => UserId::Account(account),
            (None, None) => unreachable!("clap requires one of --uid and --account"),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Publisher,
    Subscriber,
    Attendee,
    Admin,
}

#[derive(Args)]
struct Output {
    /// Seconds until the privileges expire (0 = never). The token itself lives
    /// 24 hours, or until the privileges expire when that is later.
    #[arg(long, default_value_t = 3600)]
    expire: u32,
    /// Print the token's fields after the token.
    #[arg(long)]
    inspect: bool,
    /// With --inspect: JSON instead of text.
    #[arg(long, requires = "inspect")]
    json: bool,
}

#[derive(Args)]
struct RtcArgs {
    /// Channel name.
    #[arg(long)]
    channel: String,
    #[command(flatten)]
    user: User,
    /// Role.
    #[arg(long, value_enum, default_value = "publisher")]
    role: RoleArg,
    #[command(flatten)]
    output: Output,
    #[command(flatten)]
    credentials: Credentials,
}

#[derive(Args)]
struct RtmArgs {
    /// User account.
    #[arg(long)]
    account: String,
    #[command(flatten)]
    output: Output,
    #[command(flatten)]
    credentials: Credentials,
}

#[derive(Args)]
struct VerifyArgs {
    /// The token.
    token: String,
    /// Channel name (for an RTM token: the user account).
    #[arg(long)]
    channel: String,
    #[command(flatten)]
    user: User,
    /// Check time in Unix seconds (default: now).
    #[arg(long)]
    now: Option<u32>,
    #[command(flatten)]
    credentials: Credentials,
}

/// A failure to report on one line, with its exit code.
struct Failure {
    message: String,
    exit: u8,
}

impl From<TokenError> for Failure {
    fn from(e: TokenError) -> Self {
        Failure { message: e.to_string(), exit: 2 }
    }
}

fn credentials(c: &Credentials) -> Result<(String, String), Failure> {
    let cert = std::env::var("AGORA_APP_CERTIFICATE").ok().filter(|s| !s.is_empty());
    match (c.app_id.as_deref().filter(|s| !s.is_empty()), cert) {
        (Some(id), Some(cert)) => Ok((id.to_owned(), cert)),
        (None, None) => {
            eprintln!(
                "agora-token: using the built-in demo credentials (app id {DEMO_APP_ID}); \
                 set AGORA_APP_ID and AGORA_APP_CERTIFICATE for your own app"
            );
            Ok((DEMO_APP_ID.to_owned(), DEMO_APP_CERTIFICATE.to_owned()))
        }
        (Some(_), None) => Err(Failure {
            message: "app_certificate: AGORA_APP_CERTIFICATE is not set (the certificate is never a flag)".into(),
            exit: 2,
        }),
        (None, Some(_)) => Err(Failure {
            message: "app_id: AGORA_APP_CERTIFICATE is set but neither --app-id nor AGORA_APP_ID is".into(),
            exit: 2,
        }),
    }
}

fn expiries(expire: u32) -> (u32, u32) {
    let now = now_secs();
    let privilege_expire = if expire == 0 { 0 } else { now.saturating_add(expire) };
    let ts = now.saturating_add(DEFAULT_TOKEN_LIFETIME_SECS).max(privilege_expire);
    (privilege_expire, ts)
}

fn emit(token: &str, output: &Output) -> Result<(), Failure> {
    println!("{token}");
    if output.inspect {
        print_inspection(token, output.json)?;
    }
    Ok(())
}

fn rtc(args: &RtcArgs) -> Result<(), Failure> {
    let (app_id, cert) = credentials(&args.credentials)?;
    let role = match args.role {
        RoleArg::Publisher => Role::Publisher,
        RoleArg::Subscriber => Role::Subscriber,
        RoleArg::Attendee => Role::Attendee,
        RoleArg::Admin => Role::Admin,
    };
    let (privilege_expire, ts) = expiries(args.output.expire);
    let mut builder = SimpleTokenBuilder::new(&app_id, &cert, &args.channel, args.user.user_id())?;
    for &privilege in role.privileges() {
        builder.set_privilege(privilege, privilege_expire);
    }
    builder.set_ts(ts);
    emit(&builder.build_token()?, &args.output)
}

fn rtm(args: &RtmArgs) -> Result<(), Failure> {
    let (app_id, cert) = credentials(&args.credentials)?;
    let (privilege_expire, _) = expiries(args.output.expire);
    let token = RtmTokenBuilder::build_token(&app_id, &cert, &args.account, RtmRole::RtmUser, privilege_expire)?;
    emit(&token, &args.output)
}

fn check(args: &VerifyArgs) -> Result<(), Failure> {
    let (app_id, cert) = credentials(&args.credentials)?;
    let expected = Expected { app_id: Some(&app_id), channel_name: &args.channel, user: args.user.user_id() };
    let result = verify(&args.token, &cert, &expected, args.now.unwrap_or_else(now_secs))?;
    if result.is_ok() {
        println!("ok");
        Ok(())
    } else {
        Err(Failure { message: format!("invalid: {result}"), exit: 1 })
    }
}

fn seconds_left(at: u32, now: u32) -> i64 {
    i64::from(at) - i64::from(now)
}

fn describe_left(left: i64) -> String {
    if left >= 0 {
        format!("{left} s left")
    } else {
        format!("expired {} s ago", -left)
    }
}

fn inspection_json(t: &ParsedToken, now: u32) -> serde_json::Value {
    let privileges: Vec<_> = t
        .privileges
        .iter()
        .map(|&(id, expire)| {
            json!({
                "id": id,
                "name": Privilege::name_of(id),
                "expire_ts": expire,
                "expire_utc": (expire != 0).then(|| time::iso8601(expire)),
                "seconds_left": (expire != 0).then(|| seconds_left(expire, now)),
            })
        })
        .collect();
    json!({
        "version": "006",
        "app_id": t.app_id,
        "signature_hex": t.signature_hex(),
        "crc_channel_name": t.crc_channel_name,
        "crc_uid": t.crc_uid,
        "salt": t.salt,
        "ts": t.ts,
        "ts_utc": time::iso8601(t.ts),
        "seconds_left": seconds_left(t.ts, now),
        "privileges": privileges,
    })
}

fn print_inspection(token: &str, as_json: bool) -> Result<(), Failure> {
    let t = parse(token)?;
    let now = now_secs();
    if as_json {
        println!("{}", inspection_json(&t, now));
        return Ok(());
    }
    println!("version           006");
    println!("app id            {}", t.app_id);
    println!("signature         {}", t.signature_hex());
    println!("crc channel name  {} (0x{:08x})", t.crc_channel_name, t.crc_channel_name);
    println!("crc uid           {} (0x{:08x})", t.crc_uid, t.crc_uid);
    println!("salt              {}", t.salt);
    println!("expires (ts)      {}  {}  ({})", t.ts, time::iso8601(t.ts), describe_left(seconds_left(t.ts, now)));
    println!("privileges        {}", t.privileges.len());
    for &(id, expire) in &t.privileges {
        let name = Privilege::name_of(id).unwrap_or("(unknown)");
        let when = if expire == 0 {
            "never expires".to_owned()
        } else {
            format!("{expire}  {}  ({})", time::iso8601(expire), describe_left(seconds_left(expire, now)))
        };
        println!("  {name:<28} {id:>5}  {when}");
    }
    Ok(())
}

fn main() -> ExitCode {
    // One line, no backtrace, whatever happens.
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| info.payload().downcast_ref::<String>().map(String::as_str))
            .unwrap_or("panic");
        eprintln!("agora-token: internal error: {what}");
    }));
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Rtc(args) => rtc(args),
        Command::Rtm(args) => rtm(args),
        Command::Inspect { token, json } => print_inspection(token.trim(), *json),
        Command::Verify(args) => check(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("agora-token: {}", f.message);
            ExitCode::from(f.exit)
        }
    }
}
