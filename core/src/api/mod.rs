//! JSON in, JSON out: the entry points shared by the CLI, the C library and the WebAssembly
//! package (feature `json`). Keeping them here means every front end accepts, rejects and reports
//! exactly the same way (cedar's "thin binding, typed API in the core" pattern).

mod document;
mod frame_doc;
mod json_path;

pub use document::{
    Bilingual, Document, InputError, parse_declarations, parse_document, parse_record,
};
pub use frame_doc::{FrameDocError, parse_frame_doc};
