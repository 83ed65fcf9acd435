//! Runs the current program again inside a new network namespace that has
//! only a loopback interface (`unshare -n`, as root), so that a server which
//! listens on every interface (the Go service binds `:PORT`) is reachable
//! from this machine's loopback only.

use std::process::Command;

const MARK: &str = "AGORA_TOKEN_SERVER_IN_NETNS";

/// `Some(exit code)` when the program was re-run in a namespace (the caller exits with it);
/// `None` when already inside one, or when no namespace can be made (a note is printed).
pub fn reexec_in_loopback_namespace(what: &str) -> Option<i32> {
    if std::env::var_os(MARK).is_some() {
        return None;
    }
    let probe = Command::new("unshare").args(["-n", "--", "ip", "link", "set", "lo", "up"]).output();
    if !matches!(probe, Ok(ref o) if o.status.success()) {
        println!("{what}: note: no private network namespace (unshare -n); the Go service listens on every interface, only loopback is used");
        return None;
    }
    let exe = std::env::current_exe().expect("the test binary's path");
    let status = Command::new("unshare")
        .args(["-n", "--", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\""])
        .arg(exe)
        .args(std::env::args().skip(1))
        .env(MARK, "1")
        .status()
        .expect("unshare runs");
    Some(status.code().unwrap_or(1))
}
