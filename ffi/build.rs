//! Gives the shared library the SONAME of the name it is installed under (`libgasdev.so.<major>`),
//! not the crate's `libgasdev_ffi.so`, so that programs linked with `-lgasdev` find it at run time.

fn main() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_default();
    if target_os == "linux" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libgasdev.so.{major}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
