//! The 007 parser and verifier on "007" + arbitrary bytes: never a panic; a
//! token that parses verifies to a result.
#![no_main]
use libfuzzer_sys::fuzz_target;
use token_core::{parse007, verify007, Expected007, UserId};

fuzz_target!(|data: &[u8]| {
    let mut token = b"007".to_vec();
    token.extend_from_slice(data);
    if parse007(&token).is_ok() {
        let e = Expected007 { app_id: None, rtc: Some(("c", UserId::Uid(0))), rtm: None };
        verify007(&token, "5CFd2fd1755d40ecb72977518be15d3b", &e, 0).expect("a parsed token verifies to a result");
    }
});
