//! token-core's build_token timed exactly like token-cpp/bench/bench.cpp times
//! the C++ wrapper (same inputs, median of 5 rounds), so `make bench-cpp` can
//! show the cost of the FFI layer. Prints `group<TAB>implementation<TAB>ns`.

use std::hint::black_box;
use std::time::Instant;

use flate2::{Compress, Compression, FlushCompress};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use token_core::v007::builders::{rtc_token_builder, RtcRole};
use token_core::{parse007, Role, SimpleTokenBuilder};

fn ns_per_op(mut f: impl FnMut() -> String) -> f64 {
    let mut iters: u64 = 1000;
    loop {
        let t0 = Instant::now();
        for _ in 0..iters {
            black_box(f());
        }
        let ns = t0.elapsed().as_nanos() as f64;
        if ns > 5e7 {
            iters = (iters as f64 * 1e8 / ns) as u64 + 1;
            break;
        }
        iters *= 4;
    }
    let mut rounds: Vec<f64> = (0..5)
        .map(|_| {
            let t0 = Instant::now();
            for _ in 0..iters {
                black_box(f());
            }
            t0.elapsed().as_nanos() as f64 / iters as f64
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds[2]
}

fn main() {
    let mut drawn =
        SimpleTokenBuilder::with_uid("970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b", "7d72365eb983485397e3e3f9d460bdda", 2882341273)
            .expect("valid inputs");
    for &p in Role::Publisher.privileges() {
        drawn.set_privilege(p, 1_900_000_000);
    }
    let mut fixed = drawn.clone();
    fixed.set_salt(7);
    fixed.set_ts(1_900_000_000);
    let drawn_ns = ns_per_op(|| black_box(&drawn).build_token().expect("builds"));
    let fixed_ns = ns_per_op(|| black_box(&fixed).build_token().expect("builds"));
    println!("cpp_build_token_salt_drawn\ttoken-core (Rust, direct)\t{drawn_ns:.1}");
    println!("cpp_build_token_fixed_salt\ttoken-core (Rust, direct)\t{fixed_ns:.1}");

    // 007: the core's own cost, and its floor: the three HMACs of the
    // signature and the deflate of the same content (reset stream, level 6).
    let (app_id, cert, channel) =
        ("970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b", "7d72365eb983485397e3e3f9d460bdda");
    let build = || rtc_token_builder::build_token_with_uid(app_id, cert, channel, 2882341273, RtcRole::Publisher, 600, 600);
    let core_ns = ns_per_op(|| build().expect("builds"));
    let content = parse007(build().expect("builds")).expect("parses").content;
    let mut deflate = Compress::new(Compression::new(6), true);
    let mut compressed = Vec::with_capacity(content.len() + 64);
    let floor_ns = ns_per_op(|| {
        type H = Hmac<Sha256>;
        let mut k1 = <H as KeyInit>::new_from_slice(&1_111_111u32.to_le_bytes()).expect("any key");
        k1.update(cert.as_bytes());
        let mut k2 = <H as KeyInit>::new_from_slice(&7u32.to_le_bytes()).expect("any key");
        k2.update(&k1.finalize().into_bytes());
        let mut sig = <H as KeyInit>::new_from_slice(&k2.finalize().into_bytes()).expect("any key");
        sig.update(&content[34..]);
        black_box(sig.finalize().into_bytes());
        deflate.reset();
        compressed.clear();
        deflate.compress_vec(black_box(&content), &mut compressed, FlushCompress::Finish).expect("deflates");
        String::from_utf8_lossy(&compressed[..0]).into_owned()
    });
    println!("cpp_007_build_token_with_uid\ttoken-core (Rust, direct)\t{core_ns:.1}");
    println!("cpp_007_build_token_with_uid\tfloor: 3 HMAC-SHA256 + deflate (Rust)\t{floor_ns:.1}");
}
