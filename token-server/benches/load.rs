//! Load test on 127.0.0.1 with `wrk` (Debian): agora-token-server vs
//! AgoraIO-Community/agora-token-service, same client, same routes, one
//! after the other on the same cores. Bounded: `BENCH_SECONDS` (default 5)
//! per route and server after a 1-second warm-up, 32 connections, one wrk
//! thread; the servers listen on loopback only (the Go service in a
//! loopback-only network namespace when `unshare -n` is available).
//!
//! The Go service is not built here: `AGORA_GO_TOKEN_SERVICE` is the path
//! of its binary; without it only this server is measured, and the output
//! says so. Both log as they do by default, to a file.
//!
//! Writes `target/bench/server.tsv` (`group, implementation, ns per request`
//! at full load, i.e. 1e9 / requests per second) for `make bench`'s table.

#[path = "../tests/common/netns.rs"]
mod netns;

use std::fs::File;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const DEMO_APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const DEMO_APP_CERTIFICATE: &str = "5CFd2fd1755d40ecb72977518be15d3b";
const ROUTES: &[(&str, &str)] = &[("RTC token", "/rtc/room-1/publisher/uid/42/?expiry=3600"), ("ping", "/ping")];
const CONNECTIONS: &str = "32";

fn bench_dir() -> PathBuf {
    std::env::var_os("BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("target").join("bench"))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(mut c: Command, port: u16, log: &str) -> (Running, SocketAddr) {
    let log = File::create(bench_dir().join(log)).unwrap();
    let child = c.stdout(Stdio::from(log)).stderr(Stdio::null()).spawn().expect("the server starts");
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let t = Instant::now();
    while TcpStream::connect(addr).is_err() {
        assert!(t.elapsed() < Duration::from_secs(15), "no server on {addr}");
        std::thread::sleep(Duration::from_millis(50));
    }
    (Running(child), addr)
}

#[derive(Debug, Clone, Copy)]
struct Figures {
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: u64,
}

fn ms(text: &str) -> f64 {
    let (num, unit) = text.split_at(text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len()));
    let n: f64 = num.parse().unwrap_or(f64::NAN);
    match unit {
        "us" => n / 1000.0,
        "ms" => n,
        "s" => n * 1000.0,
        "m" => n * 60_000.0,
        _ => f64::NAN,
    }
}

fn wrk(url: &str, seconds: u32) -> Figures {
    let out = Command::new("wrk")
        .args(["-t1", "-c", CONNECTIONS, "-d", &format!("{seconds}s"), "--timeout", "5s", "--latency", url])
        .output()
        .expect("wrk runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "wrk failed: {text} {}", String::from_utf8_lossy(&out.stderr));
    let field = |prefix: &str| text.lines().map(str::trim).find_map(|l| l.strip_prefix(prefix).map(|r| r.trim().to_owned()));
    let rps = field("Requests/sec:").and_then(|v| v.parse().ok()).unwrap_or(f64::NAN);
    let p50 = field("50%").map(|v| ms(&v)).unwrap_or(f64::NAN);
    let p99 = field("99%").map(|v| ms(&v)).unwrap_or(f64::NAN);
    let non2xx: u64 = field("Non-2xx or 3xx responses:").and_then(|v| v.parse().ok()).unwrap_or(0);
    let socket: u64 = field("Socket errors:")
        .map(|v| v.split(',').filter_map(|p| p.split_whitespace().last()?.parse::<u64>().ok()).sum())
        .unwrap_or(0);
    Figures { rps, p50_ms: p50, p99_ms: p99, errors: non2xx + socket }
}

fn measure(addr: SocketAddr, path: &str, seconds: u32) -> Figures {
    let url = format!("http://{addr}{path}");
    let _ = wrk(&url, 1); // warm-up
    wrk(&url, seconds)
}

fn main() {
    if Command::new("wrk").arg("--version").output().is_err() {
        println!("bench-server: skipped: wrk is not installed (apt-get install wrk); nothing was measured");
        return;
    }
    let go_bin = std::env::var("AGORA_GO_TOKEN_SERVICE").ok().filter(|p| std::path::Path::new(p).is_file());
    if go_bin.is_some() {
        if let Some(code) = netns::reexec_in_loopback_namespace("bench-server") {
            std::process::exit(code);
        }
    }
    std::fs::create_dir_all(bench_dir()).unwrap();
    let seconds: u32 = std::env::var("BENCH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(5).clamp(1, 30);
    let tmp = std::env::temp_dir().join(format!("agora-token-server-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();

    let port = free_port();
    let mut ours = Command::new(env!("CARGO_BIN_EXE_agora-token-server"));
    ours.env_clear()
        .current_dir(&tmp)
        .args(["--host", "127.0.0.1", "--port", &port.to_string(), "--rate-limit-per-second", "0"]);
    let mut results: Vec<(&str, Figures, Option<Figures>)> = Vec::new();
    {
        let (_server, addr) = start(ours, port, "server-ours.log");
        for (name, path) in ROUTES {
            results.push((name, measure(addr, path, seconds), None));
        }
    }
    match &go_bin {
        Some(bin) => {
            let port = free_port();
            let mut go = Command::new(bin);
            go.env_clear()
                .current_dir(&tmp)
                .env("APP_ID", DEMO_APP_ID)
                .env("APP_CERTIFICATE", DEMO_APP_CERTIFICATE)
                .env("SERVER_PORT", port.to_string());
            let (_server, addr) = start(go, port, "server-go.log");
            for r in results.iter_mut() {
                let path = ROUTES.iter().find(|(n, _)| *n == r.0).unwrap().1;
                r.2 = Some(measure(addr, path, seconds));
            }
        }
        None => println!(
            "bench-server: AGORA_GO_TOKEN_SERVICE is not set: the Go service was not measured (point it at a binary built from AgoraIO-Community/agora-token-service)"
        ),
    }
    let _ = std::fs::remove_dir_all(&tmp);

    println!("bench-server: wrk -t1 -c{CONNECTIONS} -d{seconds}s on 127.0.0.1, {} cores shared by client and server", std::thread::available_parallelism().map_or(0, |n| n.get()));
    println!("  {:<10} {:<28} {:>12} {:>9} {:>9} {:>7}", "route", "server", "requests/s", "p50 ms", "p99 ms", "errors");
    let mut tsv = String::new();
    for (name, us, go) in &results {
        println!("  {:<10} {:<28} {:>12.0} {:>9.3} {:>9.3} {:>7}", name, "agora-token-server", us.rps, us.p50_ms, us.p99_ms, us.errors);
        tsv += &format!("server: {name} route under load (ns per request)\tagora-token-server\t{:.1}\n", 1e9 / us.rps);
        if let Some(go) = go {
            println!("  {:<10} {:<28} {:>12.0} {:>9.3} {:>9.3} {:>7}", name, "agora-token-service (Go)", go.rps, go.p50_ms, go.p99_ms, go.errors);
            println!(
                "  {:<10} ratio: {:.2}x the Go service's requests/s; p99 {:.3} ms vs {:.3} ms ({})",
                name,
                us.rps / go.rps,
                us.p99_ms,
                go.p99_ms,
                if us.p99_ms < go.p99_ms { "lower" } else { "NOT lower" }
            );
            tsv += &format!("server: {name} route under load (ns per request)\tagora-token-service (Go, gin)\t{:.1}\n", 1e9 / go.rps);
        }
        assert_eq!(us.errors, 0, "{name}: this server answered errors under load");
    }
    if let Some((_, us, Some(go))) = results.first() {
        let met = us.rps >= 5.0 * go.rps && us.p99_ms < go.p99_ms;
        println!("bench-server: RTC route goal (>= 5x the Go service's requests/s with a lower p99): {}", if met { "met" } else { "NOT met" });
    }
    std::fs::write(bench_dir().join("server.tsv"), tsv).unwrap();
}
