//! The one call surface of every binding (feature `json`): typed calls for checking documents
//! (single and batch, with the summary), the requirement table with its filter, inspections
//! (with the summary), hex text, and the one error type [`ApiError`] with its tagged JSON form
//! ([`to_json`]). The CLI, the C library and the WebAssembly package convert arguments and
//! results around these calls and hold no rule, filter or summary of their own (cedar's "thin
//! binding, typed API in the core" pattern). Reports for people are in [`render`] (feature
//! `render`); household ledgers (CSV rows, workbook cells) become records in [`ledger`] and
//! [`cells`] (feature `ledger`).

// `allow`, not `expect`: the lint fires on 64-bit targets only (usize makes the error larger).
#![allow(
    clippy::result_large_err,
    reason = "one error per call, converted at once by the binding: boxing buys nothing"
)]

#[cfg(feature = "ledger")]
pub mod catalogue_sheet;
#[cfg(feature = "ledger")]
pub mod cells;
mod check;
mod decode;
mod document;
mod error;
mod frame_doc;
mod hex;
mod ident;
mod inspect;
mod json_path;
mod labels;
#[cfg(feature = "ledger")]
pub mod ledger;
#[cfg(feature = "render")]
pub mod render;
mod requirements;
#[cfg(feature = "calamine")]
pub mod workbook;

pub use check::{
    CheckBatch, CheckSummary, Checked, CheckedFile, CheckedReport, Expect, check_document,
    check_parsed,
};
pub use decode::{
    DecodeOptions, Encoded, Input, Protocol, Span, count_frames, decode_frame_json,
    decode_stream_json, encode_frame, frame_bytes,
};
pub use document::{
    Bilingual, Document, InputError, parse_declarations, parse_document, parse_record,
};
pub use error::{ApiError, MAX_ECHO_BYTES, to_json};
pub use frame_doc::{FrameDocError, parse_frame_doc};
pub use hex::{parse_hex, to_hex};
pub use ident::{ident_report, parse_ident};
pub use inspect::{
    CommunityRank, CommunitySummary, InspectBatch, InspectSummary, Inspector, community_ranking,
};
pub use labels::{Labels, labels, labels_json};
pub use requirements::{Requirements, parse_kind, parse_tier, requirements};
