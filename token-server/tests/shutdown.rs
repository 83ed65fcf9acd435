//! Graceful shutdown: SIGTERM under load loses no request the server
//! accepted, a request whose body is still arriving is finished, /readyz
//! turns 503 during the shutdown delay, and the process exits 0.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

/// A POST whose headers and first half of the body are sent now, the rest later.
struct SlowPost {
    stream: TcpStream,
    rest: Vec<u8>,
}

impl SlowPost {
    fn begin(s: &Server, body: &str) -> SlowPost {
        let mut stream = TcpStream::connect(s.addr).unwrap();
        let head = format!("POST /getToken HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n", body.len());
        stream.write_all(head.as_bytes()).unwrap();
        let (first, rest) = body.as_bytes().split_at(body.len() / 2);
        stream.write_all(first).unwrap();
        stream.flush().unwrap();
        SlowPost { stream, rest: rest.to_vec() }
    }

    fn finish(mut self) -> String {
        self.stream.write_all(&self.rest).unwrap();
        self.stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut out = Vec::new();
        let mut buf = [0u8; 4096];
        // Read until the JSON body is complete (the server closes after shutdown).
        loop {
            match self.stream.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }
}

#[test]
fn sigterm_finishes_a_request_in_flight() {
    let mut s = Server::local(&[]);
    let body = r#"{"tokenType": "rtc", "channel": "room-1", "uid": "42", "role": "publisher"}"#;
    let slow = SlowPost::begin(&s, body);
    std::thread::sleep(Duration::from_millis(200));
    s.sigterm();
    std::thread::sleep(Duration::from_millis(300));
    // New connections are no longer accepted...
    assert!(TcpStream::connect(s.addr).is_err(), "the listener is closed after SIGTERM");
    // ...but the request whose body was still arriving is answered.
    let reply = slow.finish();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    let json: Value = serde_json::from_str(reply.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert!(json["token"].as_str().unwrap().starts_with("007"));
    assert!(s.wait(Duration::from_secs(10)).success());
    let logs = s.all_logs_after_exit();
    assert!(logs.contains("shutdown: done"), "{logs}");
}

#[test]
fn sigterm_under_load_loses_no_accepted_request() {
    let mut s = Server::local(&[]);
    let url = s.url("/rtc/room-1/publisher/uid/42/");
    let stop = Arc::new(AtomicBool::new(false));
    let ok = Arc::new(AtomicUsize::new(0));
    let refused = Arc::new(AtomicUsize::new(0));
    let broken = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let slow = SlowPost::begin(&s, r#"{"tokenType": "rtm", "uid": "alice"}"#);
    let workers: Vec<_> = (0..8)
        .map(|_| {
            let (url, stop, ok, refused, broken) = (url.clone(), stop.clone(), ok.clone(), refused.clone(), broken.clone());
            std::thread::spawn(move || {
                // One connection per request, so a refused connection is unambiguous.
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .max_idle_connections(0)
                    .timeout_global(Some(Duration::from_secs(10)))
                    .build()
                    .into();
                let start = Instant::now();
                while !stop.load(Ordering::Relaxed) && start.elapsed() < Duration::from_secs(20) {
                    match agent.get(&url).call() {
                        Ok(mut r) => {
                            let status = r.status().as_u16();
                            let body = r.body_mut().read_to_string().unwrap_or_default();
                            let good = status == 200
                                && serde_json::from_str::<Value>(&body).ok().and_then(|v| v["rtcToken"].as_str().map(|t| t.starts_with("007"))) == Some(true);
                            if good {
                                ok.fetch_add(1, Ordering::Relaxed);
                            } else {
                                broken.lock().unwrap().push(format!("{status} {body}"));
                            }
                        }
                        Err(ureq::Error::Io(e))
                            if matches!(e.kind(), std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::ConnectionReset) =>
                        {
                            // Refused, or reset while still in the kernel's backlog: never accepted.
                            refused.fetch_add(1, Ordering::Relaxed);
                            if e.kind() == std::io::ErrorKind::ConnectionRefused {
                                break;
                            }
                        }
                        Err(ureq::Error::ConnectionFailed) => {
                            refused.fetch_add(1, Ordering::Relaxed);
                            break;
                        }
                        Err(e) => broken.lock().unwrap().push(format!("error: {e}")),
                    }
                }
            })
        })
        .collect();
    // Let the load run, then SIGTERM in the middle of it.
    let start = Instant::now();
    while ok.load(Ordering::Relaxed) < 200 && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(10));
    }
    let before = ok.load(Ordering::Relaxed);
    s.sigterm();
    let in_flight = slow.finish();
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        w.join().unwrap();
    }
    assert!(s.wait(Duration::from_secs(10)).success());
    let broken = broken.lock().unwrap();
    assert!(broken.is_empty(), "requests lost or cut short: {broken:?}");
    assert!(before >= 50, "the load ran ({before} requests before SIGTERM)");
    assert!(in_flight.starts_with("HTTP/1.1 200"), "{in_flight}");
    // Every 200 the server logged reached a client, and none more.
    let served = s.all_logs_after_exit().lines().filter(|l| l.contains("\"status\":200") && l.contains("/rtc/room-1/publisher/uid/42/")).count();
    assert_eq!(served, ok.load(Ordering::Relaxed), "server-side 200s vs client-side 200s");
    eprintln!("shutdown under load: {} ok ({before} before SIGTERM), {} refused after it", ok.load(Ordering::Relaxed), refused.load(Ordering::Relaxed));
}

#[test]
fn readyz_turns_503_during_the_shutdown_delay() {
    let mut s = Server::local(&["--shutdown-delay-secs", "2"]);
    assert_eq!(get(&s.url("/readyz")).status, 200);
    s.sigterm();
    std::thread::sleep(Duration::from_millis(300));
    let r = get(&s.url("/readyz"));
    assert_eq!(r.status, 503);
    assert_eq!(r.json()["status"], "draining");
    // Still serving tokens while the load balancer catches up.
    assert_eq!(get(&s.url("/rtc/room-1/publisher/uid/42/")).status, 200);
    assert!(s.wait(Duration::from_secs(10)).success());
}
