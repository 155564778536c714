//! # libgasdev core
//!
//! One implementation of the rules and data formats for gas leak alarms (燃气类可燃气体泄漏报警装置)
//! and pipeline self-closing valves (安全自闭阀), linked by firmware, the catalogue committee's
//! tools, web pages and monitoring platforms so that every party validates identically.
//!
//! Layers (each module names the clause ids it implements; `grep -rn ALM-3b` finds a rule):
//!
//! | module | needs | what |
//! |---|---|---|
//! | [`error`] | — | the shared error table: stable names and numbers, generated from `spec/errors.json` by `build.rs` |
//! | [`text`] | — | bilingual (zh/en) messages |
//! | [`model`] | — (declarations: `alloc`) | device data model: kinds, tiers, concentrations, alarm and valve state |
//! | [`requirements`] | — | the requirement table, a `static` generated from `spec/requirements.json` by `build.rs` |
//! | [`check`] | `alloc` | declaration and catalogue conformance checks |
//! | [`install`] | `alloc` | who must install what (INS-*), the inspection check |
//! | [`ident`] | — | industrial-internet identifiers: general rules and detection, URL forms, one module per scheme |
//! | [`hex`] | — (`decode`: `alloc`) | hex text of frames as people type it (`FRAME_BAD_HEX` with its offset) |
//! | [`wire`] | — | the libgasdev frame (open access standard, `spec/frame.md`) |
//! | [`gbt26875`] | — | GB/T 26875.3-2011 fire-alarm transmission packets |
//! | `secure` | `secure` | authenticated frames: SM4-CMAC seal/open, replay window, key derivation (`spec/security.md`) |
//! | `api` | `json` | the one call surface of every binding: check documents (single and batch, with the summary), decode and encode frames and packets (bytes or hex, detected), identifiers, requirements with their filter, inspections (with the summary), one error type `ApiError` and its tagged JSON |
//! | `api::ledger`, `api::cells`, `api::catalogue_sheet` | `ledger` | household ledgers (CSV text, workbook cells) as inspection records and catalogue workbooks as catalogues, with the CLI's errors: shared by the CLI and WebAssembly (no spreadsheet crate) |
//! | `api::render` | `render` | reports for people: text tables (unicode-width), Markdown and CSV (`csv::Writer`) of checks, frames, packets, identifiers, requirements and inspections; the CLI prints them, WebAssembly returns them |
//!
//! ## Panic-freedom contract
//!
//! No function in this crate panics, on any input. The crate forbids `unsafe`, and clippy denies
//! `unwrap`, `expect`, `panic!` and slice indexing in library code; the parsers are fuzzed. Codecs
//! write into caller buffers and never allocate. Parsers return typed errors carrying a byte offset
//! and an [`error::ErrorCode`] whose name is shared with the C and JavaScript bindings.
// The `ts_rs::TS` derives (feature `ts`: host tests only, never a firmware or WebAssembly build)
// name `String`, `Vec` and `format!` as the standard prelude does.
#![cfg_attr(not(feature = "ts"), no_std)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_auto_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(all(feature = "std", not(feature = "ts")))]
extern crate std;

mod coded;
pub mod error;
pub mod gbt26875;
pub mod hex;
pub mod ident;
pub mod model;
pub mod requirements;
pub mod serde_names;
pub mod text;
#[cfg(feature = "ts")]
mod ts;
pub mod wire;

#[cfg(feature = "secure")]
pub mod secure;

#[cfg(feature = "json")]
pub mod api;
#[cfg(feature = "alloc")]
pub mod check;
#[cfg(feature = "alloc")]
pub mod install;

pub use error::ErrorCode;
pub use text::{Lang, Text};

/// The library version, from `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
