//! One module per subcommand.

mod capture;
pub mod check;
mod check_xlsx;
pub mod decode;
pub mod decode_gbt;
pub mod encode;
pub mod ident;
pub mod inspect;
mod inspect_csv;
mod inspect_xlsx;
pub mod requirements;
