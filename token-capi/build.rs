//! Gives libagoratoken.so a SONAME, so that programs linked against an
//! installed copy record `libagoratoken.so` (not a build path) as NEEDED.
//! Writes nothing into the source tree.

fn main() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libagoratoken.so");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
