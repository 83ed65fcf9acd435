//! Generates both headers from src/lib.rs with cbindgen. Shared by the
//! `gen-header` example (`make header`) and the drift test (`cargo test`).

use std::path::{Path, PathBuf};

/// The crate directory (token-capi).
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The repository root.
pub fn repo_root() -> PathBuf {
    crate_dir().parent().expect("token-capi lives in the repository root").to_path_buf()
}

/// The committed header paths: (C header, preprocessor-free PHP FFI header).
pub fn header_paths() -> (PathBuf, PathBuf) {
    let root = repo_root();
    (root.join("include/agora_token.h"), root.join("token-php/agora_token.ffi.h"))
}

fn config(dir: &Path) -> cbindgen::Config {
    cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("token-capi/cbindgen.toml is readable")
}

fn render(config: cbindgen::Config, dir: &Path) -> String {
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        .with_src(dir.join("src/lib.rs"))
        .generate()
        .expect("cbindgen generates the header");
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).expect("the header is UTF-8")
}

/// `include/agora_token.h`.
pub fn c_header() -> String {
    let dir = crate_dir();
    render(config(&dir), &dir)
}

/// `token-php/agora_token.ffi.h`: the same declarations with no preprocessor
/// line (PHP's FFI::cdef has no preprocessor) and no comments.
pub fn ffi_header() -> String {
    let dir = crate_dir();
    let mut c = config(&dir);
    c.header = Some("/* libagoratoken declarations for PHP FFI::cdef (no preprocessor lines). */".to_owned());
    c.include_guard = None;
    c.pragma_once = false;
    c.no_includes = true;
    c.sys_includes = Vec::new();
    c.includes = Vec::new();
    c.cpp_compat = false;
    c.documentation = false;
    // Constants become #define lines, which FFI::cdef cannot read.
    c.export.exclude.extend(["AGORA_TOKEN_ROLE_JOIN_ONLY".to_owned(), "AGORA_TOKEN2_ROLE_JOIN_ONLY".to_owned()]);
    render(c, &dir)
}
