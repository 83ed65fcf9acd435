//! build_token (salt drawn, as in production), the one-shot RTC helper, parse,
//! verify, and in the same group the floor: the bare one-shot HMAC-SHA256 of
//! the same signed data.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use token_core::{parse, verify, Expected, Privilege, Role, RtcTokenBuilder, SimpleTokenBuilder, UserId};

const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";
const CHANNEL: &str = "7d72365eb983485397e3e3f9d460bdda";
const UID: u32 = 2882341273;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("token006");
    let mut builder = SimpleTokenBuilder::with_uid(APP_ID, CERT, CHANNEL, UID).unwrap();
    for &p in Role::Publisher.privileges() {
        builder.set_privilege(p, 1_900_000_000);
    }
    let token = builder.build_token().unwrap();
    let parsed = parse(&token).unwrap();
    // The bytes the signature covers: app id | channel | uid | message.
    let mut signed = Vec::new();
    signed.extend_from_slice(APP_ID.as_bytes());
    signed.extend_from_slice(CHANNEL.as_bytes());
    signed.extend_from_slice(UID.to_string().as_bytes());
    signed.extend_from_slice(&parsed.salt.to_le_bytes());
    signed.extend_from_slice(&parsed.ts.to_le_bytes());
    signed.extend_from_slice(&(parsed.privileges.len() as u16).to_le_bytes());
    for &(id, e) in &parsed.privileges {
        signed.extend_from_slice(&id.to_le_bytes());
        signed.extend_from_slice(&e.to_le_bytes());
    }

    g.bench_function("build_token", |b| b.iter(|| black_box(&builder).build_token().unwrap()));
    g.bench_function("build_token_into_reused_buffer", |b| {
        let mut buf = Vec::with_capacity(256);
        b.iter(|| {
            buf.clear();
            black_box(&builder).build_token_into(&mut buf).unwrap();
            black_box(&buf);
        })
    });
    g.bench_function("hmac_sha256_floor", |b| {
        b.iter(|| {
            let mut mac = Hmac::<Sha256>::new_from_slice(black_box(CERT).as_bytes()).unwrap();
            mac.update(black_box(&signed));
            mac.finalize().into_bytes()
        })
    });
    g.bench_function("rtc_build_token_with_uid", |b| {
        b.iter(|| {
            RtcTokenBuilder::build_token_with_uid(APP_ID, CERT, black_box(CHANNEL), UID, Role::Publisher, 1_900_000_000)
                .unwrap()
        })
    });
    g.bench_function("build_token_fixed_salt", |b| {
        let mut fixed = builder.clone();
        fixed.set_salt(7);
        fixed.set_ts(1_900_000_000);
        b.iter(|| black_box(&fixed).build_token().unwrap())
    });
    g.bench_function("random_salt", |b| b.iter(|| token_core::random_salt().unwrap()));
    g.bench_function("random_salt_007", |b| b.iter(|| token_core::random_salt_007().unwrap()));
    g.bench_function("parse", |b| b.iter(|| parse(black_box(&token)).unwrap()));
    let expected = Expected { app_id: Some(APP_ID), channel_name: CHANNEL, user: UserId::Uid(UID) };
    g.bench_function("verify", |b| b.iter(|| verify(black_box(&token), CERT, &expected, 1_800_000_000).unwrap()));
    g.finish();
    let _ = Privilege::JoinChannel;
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
