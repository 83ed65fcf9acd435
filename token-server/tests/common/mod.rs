//! Starts the real `agora-token-server` binary on 127.0.0.1 (a free port,
//! `--port 0`, read back from its `listening` log line) and speaks HTTP to it.
#![allow(dead_code)]

pub mod netns;

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

pub const DEMO_APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
pub const DEMO_APP_CERTIFICATE: &str = "5CFd2fd1755d40ecb72977518be15d3b";
pub const BIN: &str = env!("CARGO_BIN_EXE_agora-token-server");

/// A temporary directory, removed on drop (the server runs in one, so no `.env` is picked up by chance).
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let p = std::env::temp_dir().join(format!("agora-token-server-test-{}-{tag}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }

    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, contents).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The environment a server starts with: nothing from the test's own environment but PATH.
pub fn command(args: &[&str], env: &[(&str, &str)], dir: &TempDir) -> Command {
    let mut c = Command::new(BIN);
    c.args(args).env_clear().current_dir(&dir.0);
    if let Ok(path) = std::env::var("PATH") {
        c.env("PATH", path);
    }
    for (k, v) in env {
        c.env(k, v);
    }
    c
}

pub struct Server {
    child: Child,
    stdout_closed: Arc<std::sync::atomic::AtomicBool>,
    pub addr: SocketAddr,
    pub stdout: Arc<Mutex<Vec<String>>>,
    pub stderr: Arc<Mutex<String>>,
    pub dir: TempDir,
}

impl Server {
    /// Local mode (demo credentials, no auth, loopback), no rate limit, plus `args`.
    pub fn local(args: &[&str]) -> Server {
        let mut all = vec!["--host", "127.0.0.1", "--port", "0", "--rate-limit-per-second", "0"];
        all.extend_from_slice(args);
        Server::start(&all, &[])
    }

    /// Any flags and environment (add `--port 0 --host 127.0.0.1` yourself).
    pub fn start(args: &[&str], env: &[(&str, &str)]) -> Server {
        Server::start_in(TempDir::new("srv"), args, env)
    }

    pub fn start_in(dir: TempDir, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = command(args, env, &dir).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("the server starts");
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let stderr = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        let lines = stdout.clone();
        let stdout_closed = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let closed = stdout_closed.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                if line.contains("\"message\":\"listening\"") {
                    let v: Value = serde_json::from_str(&line).unwrap();
                    let _ = tx.send(v["addr"].as_str().unwrap().parse::<SocketAddr>().unwrap());
                }
                lines.lock().unwrap().push(line);
            }
            closed.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        let mut err = child.stderr.take().unwrap();
        let errs = stderr.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err.read(&mut buf) {
                if n == 0 {
                    break;
                }
                errs.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let addr = match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(a) => a,
            Err(_) => {
                let _ = child.kill();
                panic!("the server did not start: stderr {:?}, stdout {:?}", stderr.lock().unwrap(), stdout.lock().unwrap());
            }
        };
        assert!(addr.ip().is_loopback(), "tests listen on loopback only, not {addr}");
        Server { child, stdout_closed, addr, stdout, stderr, dir }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGTERM (through kill(1), for this child only).
    pub fn sigterm(&self) {
        let ok = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap().success();
        assert!(ok, "kill -TERM failed");
    }

    pub fn wait(&mut self, limit: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            assert!(start.elapsed() < limit, "the server did not exit within {limit:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Stderr, once it holds `text` (its reader runs apart from stdout's), or after 10 s.
    pub fn stderr_containing(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let err = self.stderr.lock().unwrap().clone();
            if err.contains(text) || start.elapsed() > Duration::from_secs(10) {
                return err;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Stdout, once a line holds `text`, or after 10 s.
    pub fn logs_containing(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let logs = self.logs();
            if logs.contains(text) || start.elapsed() > Duration::from_secs(10) {
                return logs;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Every line the (exited) server wrote.
    pub fn all_logs_after_exit(&self) -> String {
        let start = Instant::now();
        while !self.stdout_closed.load(std::sync::atomic::Ordering::SeqCst) && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(10));
        }
        self.logs()
    }

    pub fn logs(&self) -> String {
        self.stdout.lock().unwrap().join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// An HTTP client that returns every status as a response and follows no redirect.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: ureq::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {:?} (status {})", self.body, self.status))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// A 4xx/5xx in the server's error shape, checked: returns the body.
    pub fn error(&self, status: u16, code: &str) -> Value {
        assert_eq!(self.status, status, "{}", self.body);
        let v = self.json();
        assert_eq!(v["status"], status, "{v}");
        assert_eq!(v["code"], code, "{v}");
        assert_eq!(v["error"], v["message"], "{v}");
        assert_eq!(self.header("content-type"), Some("application/json"), "{v}");
        v
    }

    /// An error naming `field` (the message starts with it).
    pub fn field_error(&self, code: &str, field: &str) -> Value {
        let v = self.error(400, code);
        assert_eq!(v["field"], field, "{v}");
        assert!(v["error"].as_str().unwrap().starts_with(&format!("{field}: ")), "{v}");
        v
    }
}

fn read(resp: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut resp = resp.expect("the request reaches the server");
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let body = resp.body_mut().with_config().limit(10 << 20).read_to_string().unwrap_or_default();
    Reply { status, headers, body }
}

pub fn get(url: &str) -> Reply {
    read(agent().get(url).call())
}

pub fn get_with(url: &str, headers: &[(&str, &str)]) -> Reply {
    let mut r = agent().get(url);
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    read(r.call())
}

pub fn post(url: &str, body: &str) -> Reply {
    post_with(url, body, &[])
}

pub fn post_with(url: &str, body: &str, headers: &[(&str, &str)]) -> Reply {
    let mut r = agent().post(url).header("content-type", "application/json");
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    read(r.send(body))
}

pub fn options(url: &str, headers: &[(&str, &str)]) -> Reply {
    let mut r = agent().options(url);
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    read(r.call())
}

pub fn now() -> u32 {
    token_core::now_secs()
}
