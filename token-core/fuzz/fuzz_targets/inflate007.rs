//! The 007 content reader behind a valid zlib stream and base64: the fuzzer
//! drives the content bytes directly (past the compression layer), so the
//! field readers see every shape.
#![no_main]
use std::io::Write as _;

use libfuzzer_sys::fuzz_target;
use token_core::parse007;

fuzz_target!(|content: &[u8]| {
    use base64::Engine as _;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(content).unwrap();
    let token = format!("007{}", base64::engine::general_purpose::STANDARD.encode(e.finish().unwrap()));
    if let Ok(t) = parse007(&token) {
        assert_eq!(t.content, content);
    }
});
