//! The format detector on arbitrary text: never a panic, and it agrees with
//! the explicit parsers.
#![no_main]
use libfuzzer_sys::fuzz_target;
use token_core::{parse, parse007, parse_any, AnyToken};

fuzz_target!(|data: &[u8]| {
    match parse_any(data) {
        Ok(AnyToken::V006(t)) => assert_eq!(parse(data).unwrap(), t),
        Ok(AnyToken::V007(t)) => assert_eq!(parse007(data).unwrap(), t),
        Err(_) => {}
    }
});
