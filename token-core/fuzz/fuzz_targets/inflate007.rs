//! The 007 content reader behind a valid zlib stream and base64: the fuzzer
//! drives the content bytes directly (past the compression layer), so the
//! field readers see every shape. The lenient reader (Agora's reading of an
//! unknown service type) must agree with the strict one everywhere else.
#![no_main]
use std::io::Write as _;

use libfuzzer_sys::fuzz_target;
use token_core::{parse007, parse007_lenient};

fuzz_target!(|content: &[u8]| {
    use base64::Engine as _;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(content).unwrap();
    let token = format!("007{}", base64::engine::general_purpose::STANDARD.encode(e.finish().unwrap()));
    let lenient = parse007_lenient(&token);
    match parse007(&token) {
        Ok(t) => {
            assert_eq!(t.content, content);
            assert_eq!(lenient.ok(), Some(t), "the lenient reader reads a strict token the same");
        }
        Err(_) => {
            if let Ok(l) = lenient {
                assert!(l.unread_service_type.is_some(), "the lenient reader differs only at an unknown service type");
            }
        }
    }
});
