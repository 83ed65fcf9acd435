//! `agora-token verify`: either format, RTC or RTM checks, the reason on failure.

use token_core::{verify as verify006, verify007, verify_rtm, Expected, Expected007, Format};

use crate::cli::{check_now, credentials, flag_error, usage, user_id, Failure, VerifyArgs};

pub fn verify(args: &VerifyArgs) -> Result<(), Failure> {
    let (app_id, cert) = credentials(&args.credentials)?;
    let now = match args.now {
        Some(n) => check_now(i128::from(n)).map_err(|e| flag_error("--now", e))?,
        None => token_core::now_secs(),
    };
    let token = args.token.trim();
    // Parse first: a malformed token gets the parser's diagnosis, whichever format it claims.
    let format = token_core::parse_any(token)?.format();
    let user = user_id(args.user.uid, args.user.account.as_deref())?;
    let rtm_user = args.user_id.as_deref().or(args.user.account.as_deref());
    let (result, checked) = if args.rtm {
        let Some(rtm_user) = rtm_user else {
            return Err(usage("--rtm: name the RTM user with --account (or --user-id)".into()));
        };
        let result = match format {
            Format::V006 => verify_rtm(token, &cert, rtm_user, now)?,
            Format::V007 => {
                let e = Expected007 { app_id: Some(&app_id), rtc: None, rtm: Some(rtm_user) };
                verify007(token, &cert, &e, now)?
            }
        };
        (result, "signature, expiry, RTM user and login expiry")
    } else {
        match (format, args.channel.as_deref(), user) {
            (Format::V006, Some(channel), Some(user)) => {
                let e = Expected { app_id: Some(&app_id), channel_name: channel, user };
                (verify006(token, &cert, &e, now)?, "channel, uid, signature, expiry, join-channel expiry")
            }
            (Format::V006, ..) => {
                return Err(usage(
                    "verify: a 006 token is checked against --channel and --uid/--account (or --rtm --account for an RTM token)"
                        .into(),
                ))
            }
            (Format::V007, Some(channel), Some(user)) => {
                let e = Expected007 { app_id: Some(&app_id), rtc: Some((channel, user)), rtm: None };
                (verify007(token, &cert, &e, now)?, "signature, expiry, RTC channel, uid and join-channel expiry")
            }
            (Format::V007, None, None) => {
                let e = Expected007 { app_id: Some(&app_id), rtc: None, rtm: None };
                (verify007(token, &cert, &e, now)?, "signature and expiry (no service checked)")
            }
            (Format::V007, ..) => {
                return Err(usage("verify: an RTC check needs both --channel and --uid/--account".into()));
            }
        }
    };
    println!("format: {} ({})", format.version(), format.name());
    println!("checked: {checked}");
    if result.is_ok() {
        println!("ok");
        Ok(())
    } else {
        Err(Failure { message: format!("invalid: {result}: {}", result.explain(args.rtm)), exit: 1 })
    }
}
