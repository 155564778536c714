//! One module per subcommand.

pub mod check;
pub mod decode;
#[allow(dead_code, reason = "GB/T 26875.3 entry of `gasdev decode`, called from decode.rs (issue 4)")]
pub mod decode_gbt;
pub mod encode;
pub mod ident;
pub mod inspect;
mod inspect_csv;
pub mod requirements;
