//! `agora-token`: mint, inspect and verify Agora access tokens: AccessToken2
//! ("007", the default, every service) and AccessToken ("006", legacy).
//!
//! Credentials come from `--app-id`/`AGORA_APP_ID` and `AGORA_APP_CERTIFICATE`
//! (never a flag, so it stays out of shell history). With neither set, the
//! built-in demo credentials are used and stderr says so.

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use token_core::v007::builders::{self as b, RtcPrivilegeExpires, RtcRole, RtcRtm2};
use token_core::v007::{AccessToken2, Service};
use token_core::{
    check_now, check_uid, now_secs, timestamp_hint, Privilege, Role, RtmRole, RtmTokenBuilder, SimpleTokenBuilder, TokenError,
    UserId, DEFAULT_TOKEN_LIFETIME_SECS,
};

mod show;
mod time;
mod check;

/// Agora's public sample credentials, for trying the tool out.
const DEMO_APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const DEMO_APP_CERTIFICATE: &str = "5CFd2fd1755d40ecb72977518be15d3b";

const AFTER_HELP: &str = "\
Formats: 007 (AccessToken2) is the default, what Agora issues today; --format 006 mints
the legacy AccessToken. Lifetimes (--expire, --token-expire, --privilege-expire) are
SECONDS FROM NOW in both formats; --expire-at takes an absolute Unix time instead.
A 006 token lives 24 hours unless --token-expire says otherwise (the rule of Agora's
builders); a privilege that outlives its token is cut short by it, and the tool says so.";

#[derive(Parser)]
#[command(
    name = "agora-token",
    version,
    about = "Mint, inspect and verify Agora access tokens (AccessToken2 \"007\" and AccessToken \"006\")",
    after_help = AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Mint an RTC token for a channel and a uid or user account.
    Rtc(RtcArgs),
    /// Mint an RTM login token for a user.
    Rtm(RtmArgs),
    /// Mint a Chat token (007): `chat user --user-id U` or `chat app`.
    Chat {
        #[command(subcommand)]
        kind: ChatKind,
    },
    /// Mint an FPA token (007; lives 24 hours).
    Fpa(MintOnly),
    /// Mint an APaaS token (007): room-user, user or app.
    Apaas {
        #[command(subcommand)]
        kind: ApaasKind,
    },
    /// Mint an Education token (007; the same tokens as apaas).
    Education {
        #[command(subcommand)]
        kind: ApaasKind,
    },
    /// Mint a Conversational AI agent token (007): RTC + RTM + ConvoAI.
    Convoai(AgentArgs),
    /// Mint a Speech-to-text agent token (007): RTC + RTM + STT.
    Stt(AgentArgs),
    /// Print every field of a token of either format.
    Inspect {
        /// The token (surrounding whitespace is ignored).
        token: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Check a token of either format; exit 0 when valid, 1 with the reason otherwise.
    ///
    /// RTC: --channel and --uid/--account. RTM: --rtm with --account (or --user-id).
    /// A 007 token can also be checked without either: signature and expiry only.
    Verify(VerifyArgs),
}

#[derive(Args)]
struct Credentials {
    /// The app id (default: $AGORA_APP_ID; the certificate is read from $AGORA_APP_CERTIFICATE).
    #[arg(long, env = "AGORA_APP_ID", global = true)]
    app_id: Option<String>,
}

#[derive(Args)]
#[group(required = true, multiple = false)]
struct User {
    /// Numeric uid (0..=4294967295; 0 = any user).
    #[arg(long, allow_negative_numbers = true)]
    uid: Option<i64>,
    /// User account (string uid).
    #[arg(long)]
    account: Option<String>,
}

#[derive(Args)]
#[group(required = false, multiple = false)]
struct OptionalUser {
    /// Numeric uid (0..=4294967295).
    #[arg(long, allow_negative_numbers = true)]
    uid: Option<i64>,
    /// User account (string uid).
    #[arg(long)]
    account: Option<String>,
}

fn user_id(uid: Option<i64>, account: Option<&str>) -> Result<Option<UserId<'_>>, Failure> {
    match (uid, account) {
        (Some(uid), _) => Ok(Some(UserId::Uid(check_uid(i128::from(uid)).map_err(|e| flag_error("--uid", e))?))),
        (None, Some(account)) => Ok(Some(UserId::Account(account))),
        (None, None) => Ok(None),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RoleArg {
    Publisher,
    Subscriber,
    /// 006 only.
    Attendee,
    /// 006 only.
    Admin,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    #[value(name = "007")]
    V007,
    #[value(name = "006")]
    V006,
}

#[derive(Args)]
struct Lifetime {
    /// Seconds from now until the token and its privileges expire (006: the
    /// privileges; the token lives 24 hours unless --token-expire says otherwise).
    #[arg(long, default_value_t = 3600, allow_negative_numbers = true)]
    expire: i64,
    /// The same as an absolute Unix time (seconds), instead of --expire.
    #[arg(long, conflicts_with = "expire", allow_negative_numbers = true)]
    expire_at: Option<i64>,
    /// Seconds from now until the token expires (default: --expire for 007, 24 hours for 006).
    #[arg(long, allow_negative_numbers = true)]
    token_expire: Option<i64>,
    /// Seconds from now until the privileges expire (default: --expire; 0 = no limit of their own).
    #[arg(long, allow_negative_numbers = true)]
    privilege_expire: Option<i64>,
}

#[derive(Args)]
struct Output {
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
    /// Role (007: publisher or subscriber; 006 also attendee and admin).
    #[arg(long, value_enum, default_value = "publisher")]
    role: RoleArg,
    /// 007: add RTM login for the same user (RtcTokenBuilder2.buildTokenWithRtm).
    #[arg(long)]
    with_rtm: bool,
    /// Token format.
    #[arg(long, value_enum, default_value = "007")]
    format: FormatArg,
    #[command(flatten)]
    lifetime: Lifetime,
    #[command(flatten)]
    output: Output,
    #[command(flatten)]
    credentials: Credentials,
}

#[derive(Args)]
struct RtmArgs {
    /// The RTM user id (user account).
    #[arg(long, alias = "user-id")]
    account: String,
    /// Token format.
    #[arg(long, value_enum, default_value = "007")]
    format: FormatArg,
    #[command(flatten)]
    lifetime: Lifetime,
    #[command(flatten)]
    output: Output,
    #[command(flatten)]
    credentials: Credentials,
}

#[derive(Args)]
struct MintOnly {
    #[command(flatten)]
    output: Output,
    #[command(flatten)]
    credentials: Credentials,
}

#[derive(Args)]
struct Minting {
    #[command(flatten)]
    lifetime: Lifetime,
    #[command(flatten)]
    output: Output,
    #[command(flatten)]
    credentials: Credentials,
}

#[derive(Subcommand)]
enum ChatKind {
    /// A chat user token (ChatTokenBuilder2.buildUserToken).
    User {
        /// The chat user id.
        #[arg(long)]
        user_id: String,
        #[command(flatten)]
        minting: Minting,
    },
    /// A chat app token (ChatTokenBuilder2.buildAppToken).
    App {
        #[command(flatten)]
        minting: Minting,
    },
}

#[derive(Subcommand)]
enum ApaasKind {
    /// A room user token: APaaS room user + RTM + Chat.
    RoomUser {
        /// The room uuid.
        #[arg(long)]
        room_uuid: String,
        /// The user uuid.
        #[arg(long)]
        user_uuid: String,
        /// The APaaS role (-32768..=32767).
        #[arg(long, allow_negative_numbers = true)]
        role: i64,
        #[command(flatten)]
        minting: Minting,
    },
    /// A user token.
    User {
        /// The user uuid.
        #[arg(long)]
        user_uuid: String,
        #[command(flatten)]
        minting: Minting,
    },
    /// An app token.
    App {
        #[command(flatten)]
        minting: Minting,
    },
}

#[derive(Args)]
struct AgentArgs {
    /// Channel name.
    #[arg(long)]
    channel: String,
    /// The agent's RTC user account.
    #[arg(long)]
    account: String,
    /// RTC role.
    #[arg(long, value_enum, default_value = "publisher")]
    role: RoleArg,
    /// The RTM user id (default: the account).
    #[arg(long)]
    rtm_user_id: Option<String>,
    #[command(flatten)]
    minting: Minting,
}

#[derive(Args)]
struct VerifyArgs {
    /// The token (surrounding whitespace is ignored).
    token: String,
    /// RTC check: the channel name.
    #[arg(long, conflicts_with = "rtm")]
    channel: Option<String>,
    #[command(flatten)]
    user: OptionalUser,
    /// RTM check: the token must be an RTM login token for --account (or --user-id).
    #[arg(long)]
    rtm: bool,
    /// With --rtm: the RTM user id (same as --account).
    #[arg(long, requires = "rtm", conflicts_with = "account")]
    user_id: Option<String>,
    /// Check time in Unix seconds (default: now).
    #[arg(long, allow_negative_numbers = true)]
    now: Option<i64>,
    #[command(flatten)]
    credentials: Credentials,
}

/// A failure to report on one line, with its exit code.
pub(crate) struct Failure {
    message: String,
    exit: u8,
}

impl From<TokenError> for Failure {
    fn from(e: TokenError) -> Self {
        Failure { message: e.to_string(), exit: 2 }
    }
}

fn usage(message: String) -> Failure {
    Failure { message, exit: 2 }
}

/// The core's message names its field (`uid: …`); on the command line the
/// flag is the name the user knows.
fn flag_error(flag: &str, e: TokenError) -> Failure {
    let field = e.kind().as_str();
    let message = e.message().strip_prefix(&format!("{field}: ")).unwrap_or(e.message());
    usage(format!("{flag}: {message}"))
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
        (Some(_), None) => Err(usage("app_certificate: AGORA_APP_CERTIFICATE is not set (the certificate is never a flag)".into())),
        (None, Some(_)) => Err(usage("app_id: AGORA_APP_CERTIFICATE is set but neither --app-id nor AGORA_APP_ID is".into())),
    }
}

/// A lifetime in seconds from now, from a flag: not negative, not a Unix
/// time by mistake, within u32.
fn seconds(flag: &str, value: i64) -> Result<u32, Failure> {
    if value < 0 {
        return Err(usage(format!("{flag}: {value} is negative; it takes seconds from now (e.g. 3600)")));
    }
    if let Some(hint) = timestamp_hint(i128::from(value)) {
        return Err(usage(format!("{flag}: {hint}; for an absolute time use --expire-at")));
    }
    u32::try_from(value).map_err(|_| usage(format!("{flag}: {value} is outside 0..=4294967295")))
}

/// Token and privilege lifetimes, seconds from now.
struct Lifetimes {
    token: u32,
    privilege: u32,
}

impl Lifetime {
    /// The token's lifetime: --token-expire, else --expire (007) or 24 hours
    /// (006, the references' rule); the privileges': --privilege-expire, else --expire.
    fn resolve(&self, now: u32, format: FormatArg) -> Result<Lifetimes, Failure> {
        let expire = match self.expire_at {
            Some(at) => {
                let at = u32::try_from(at).map_err(|_| usage(format!("--expire-at: {at} is outside 0..=4294967295 (Unix seconds)")))?;
                if at <= now {
                    return Err(usage(format!("--expire-at: {at} ({}) is not in the future", time::iso8601(at))));
                }
                at - now
            }
            None => seconds("--expire", self.expire)?,
        };
        let privilege = match self.privilege_expire {
            Some(v) => seconds("--privilege-expire", v)?,
            None => expire,
        };
        let token = match (self.token_expire, format) {
            (Some(v), _) => seconds("--token-expire", v)?,
            (None, FormatArg::V007) => expire,
            (None, FormatArg::V006) => DEFAULT_TOKEN_LIFETIME_SECS,
        };
        if token == 0 {
            return Err(usage("--token-expire: 0 would make a token that is already expired".into()));
        }
        if privilege > token {
            let rule = if format == FormatArg::V006 && self.token_expire.is_none() {
                " (a 006 token lives 24 hours, the rule of Agora's builders; --token-expire changes it)"
            } else {
                ""
            };
            eprintln!(
                "agora-token: warning: the privileges would last {privilege} s, but the token expires after {token} s{rule}; \
                 the token's expiry applies"
            );
        }
        Ok(Lifetimes { token, privilege })
    }
}

fn emit(token: &str, output: &Output) -> Result<(), Failure> {
    println!("{token}");
    if output.inspect {
        show::print_inspection(token, output.json)?;
    }
    Ok(())
}

fn rtc_role(role: RoleArg) -> Result<RtcRole, Failure> {
    match role {
        RoleArg::Publisher => Ok(RtcRole::Publisher),
        RoleArg::Subscriber => Ok(RtcRole::Subscriber),
        RoleArg::Attendee | RoleArg::Admin => {
            Err(usage("--role: attendee and admin are 006 roles; 007 has publisher and subscriber".into()))
        }
    }
}

fn build007(t: Result<AccessToken2, TokenError>, output: &Output) -> Result<(), Failure> {
    emit(&t?.build()?, output)
}

fn rtc(args: &RtcArgs) -> Result<(), Failure> {
    let (app_id, cert) = credentials(&args.credentials)?;
    let now = now_secs();
    let life = args.lifetime.resolve(now, args.format)?;
    let user = user_id(args.user.uid, args.user.account.as_deref())?.expect("clap requires --uid or --account");
    if args.format == FormatArg::V006 {
        if args.with_rtm {
            return Err(usage("--with-rtm: 006 has no combined RTC + RTM token; mint an rtm token beside it".into()));
        }
        let role = match args.role {
            RoleArg::Publisher => Role::Publisher,
            RoleArg::Subscriber => Role::Subscriber,
            RoleArg::Attendee => Role::Attendee,
            RoleArg::Admin => Role::Admin,
        };
        let mut builder = SimpleTokenBuilder::new(&app_id, &cert, &args.channel, user)?;
        let privilege_ts = if life.privilege == 0 { 0 } else { now.saturating_add(life.privilege) };
        for &privilege in role.privileges() {
            builder.set_privilege(privilege, privilege_ts);
        }
        builder.set_ts(now.saturating_add(life.token));
        return emit(&builder.build_token()?, &args.output);
    }
    let role = rtc_role(args.role)?;
    if args.with_rtm {
        let account = match user {
            UserId::Account(a) => a.to_owned(),
            UserId::Uid(0) => return Err(usage("--with-rtm: RTM needs a user; uid 0 (any user) has none".into())),
            UserId::Uid(n) => n.to_string(),
        };
        return build007(b::rtc_with_rtm(&app_id, &cert, &args.channel, &account, role, life.token, life.privilege), &args.output);
    }
    build007(b::rtc(&app_id, &cert, &args.channel, user, role, life.token, life.privilege), &args.output)
}

fn rtm(args: &RtmArgs) -> Result<(), Failure> {
    let (app_id, cert) = credentials(&args.credentials)?;
    let now = now_secs();
    let life = args.lifetime.resolve(now, args.format)?;
    if args.format == FormatArg::V006 {
        let privilege_ts = if life.privilege == 0 { 0 } else { now.saturating_add(life.privilege) };
        let token = if args.lifetime.token_expire.is_some() {
            let mut builder = SimpleTokenBuilder::for_rtm(&app_id, &cert, &args.account)?;
            builder.set_privilege(Privilege::RtmLogin, privilege_ts);
            builder.set_ts(now.saturating_add(life.token));
            builder.build_token()?
        } else {
            RtmTokenBuilder::build_token(&app_id, &cert, &args.account, RtmRole::RtmUser, privilege_ts)?
        };
        return emit(&token, &args.output);
    }
    // 007 RTM: Login lives as long as the token (RtmTokenBuilder2.buildToken).
    let mut t = b::rtm(&app_id, &cert, &args.account, life.token)?;
    if args.lifetime.privilege_expire.is_some() {
        let mut rtm = Service::rtm(&args.account)?;
        rtm.add_privilege(token_core::v007::privilege::LOGIN, life.privilege)?;
        t = AccessToken2::new(&app_id, &cert, life.token)?;
        t.add_service(rtm);
    }
    build007(Ok(t), &args.output)
}

/// Mints a 007-only token: credentials, lifetimes, then `f(app_id, certificate, lifetimes)`.
fn mint007(m: &Minting, f: impl FnOnce(&str, &str, &Lifetimes) -> Result<AccessToken2, TokenError>) -> Result<(), Failure> {
    let (app_id, cert) = credentials(&m.credentials)?;
    let life = m.lifetime.resolve(now_secs(), FormatArg::V007)?;
    build007(f(&app_id, &cert, &life), &m.output)
}

fn chat(kind: &ChatKind) -> Result<(), Failure> {
    match kind {
        ChatKind::User { user_id, minting } => mint007(minting, |id, cert, l| b::chat_user(id, cert, user_id, l.token)),
        ChatKind::App { minting } => mint007(minting, |id, cert, l| b::chat_app(id, cert, l.token)),
    }
}

fn apaas(kind: &ApaasKind) -> Result<(), Failure> {
    match kind {
        ApaasKind::RoomUser { room_uuid, user_uuid, role, minting } => {
            let role = i16::try_from(*role).map_err(|_| usage(format!("--role: {role} is outside -32768..=32767")))?;
            mint007(minting, |id, cert, l| b::apaas_room_user(id, cert, room_uuid, user_uuid, role, l.token))
        }
        ApaasKind::User { user_uuid, minting } => mint007(minting, |id, cert, l| b::apaas_user(id, cert, user_uuid, l.token)),
        ApaasKind::App { minting } => mint007(minting, |id, cert, l| b::apaas_app(id, cert, l.token)),
    }
}

fn agent(args: &AgentArgs, service: Service) -> Result<(), Failure> {
    let role = rtc_role(args.role)?;
    mint007(&args.minting, |id, cert, l| {
        let p = l.privilege;
        let a = RtcRtm2 {
            channel_name: &args.channel,
            rtc_account: &args.account,
            rtc_role: role,
            rtc_token_expire: l.token,
            expires: RtcPrivilegeExpires { join_channel: p, pub_audio: p, pub_video: p, pub_data_stream: p },
            rtm_user_id: args.rtm_user_id.as_deref().unwrap_or(&args.account),
            rtm_token_expire: l.token,
        };
        b::rtc_with_rtm2(id, cert, &a, Some(service))
    })
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
        Command::Chat { kind } => chat(kind),
        Command::Fpa(args) => credentials(&args.credentials).and_then(|(id, cert)| build007(b::fpa(&id, &cert), &args.output)),
        Command::Apaas { kind } | Command::Education { kind } => apaas(kind),
        Command::Convoai(args) => agent(args, Service::convoai()),
        Command::Stt(args) => agent(args, Service::stt()),
        Command::Inspect { token, json } => show::print_inspection(token.trim(), *json),
        Command::Verify(args) => check::verify(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("agora-token: {}", f.message);
            ExitCode::from(f.exit)
        }
    }
}

/// For `check` and `show`: the pieces of `main` they need.
mod cli {
    pub(crate) use super::{check_now, credentials, flag_error, user_id, usage, Failure, VerifyArgs};
}
