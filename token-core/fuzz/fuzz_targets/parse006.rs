//! The 006 parser and verifier on arbitrary bytes: never a panic; a token
//! that parses verifies without error under a well-formed certificate.
#![no_main]
use libfuzzer_sys::fuzz_target;
use token_core::{parse, verify, Expected, UserId};

fuzz_target!(|data: &[u8]| {
    if parse(data).is_ok() {
        let e = Expected { app_id: None, channel_name: "c", user: UserId::Uid(0) };
        verify(data, "5CFd2fd1755d40ecb72977518be15d3b", &e, 0).expect("a parsed token verifies to a result");
    }
});
