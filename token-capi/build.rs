//! Gives libagoratoken.so the versioned SONAME `libagoratoken.so.0`, so that
//! programs linked against an installed copy record it (not a build path) as
//! NEEDED, and a future ABI break can ship as `.so.1` beside it. `make lib`
//! links `libagoratoken.so.0` to the built file for programs run in the tree.
//! Writes nothing into the source tree.

fn main() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libagoratoken.so.0");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
