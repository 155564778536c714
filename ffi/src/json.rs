//! Declaration, catalogue and inspection checks, and a frame against a declaration: JSON text in,
//! a report object out (*host builds only*, feature `json`). Documents are parsed by
//! `gasdev::api`, the entry point the CLI and the WebAssembly package share, so every front end
//! rejects the same input with the same error name and field path.
//!
//! A report carries its JSON text and the few summary values C callers need most (conformant,
//! achieved tier, the failing ids), so they need not parse JSON.

use alloc::boxed::Box;
use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::ffi::c_char;

use gasdev::api::{
    ApiError, Checked, CheckedReport, Document, Expect, Inspector, check_document, parse_document,
};
use gasdev::check::{Finding, Status};
use gasdev::install::RuleSet;
use gasdev::model::{Date, Tier};

use crate::boundary::{
    Res, Span, bytes, check_out, check_outputs, disjoint, guard, input, opt_text, text, write,
    write_opt,
};
use crate::requirements::gasdev_str;
use crate::result::gasdev_result;

/// The longest field path `gasdev_input_error.field` holds, NUL included.
pub const GASDEV_FIELD_PATH_MAX: usize = 256;

/// What a report is about.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_document {
    /// One product declaration (`gasdev_check_document`).
    Declaration = 1,
    /// A catalogue (`gasdev_check_document`).
    Catalogue = 2,
    /// One household's inspection record (`gasdev_inspect_record`).
    Inspection = 3,
    /// A frame against a declaration (`gasdev_frame_check_declaration`).
    FrameCheck = 4,
    /// A decoded frame as JSON (`gasdev_frame_decode_json`).
    Frame = 5,
    /// A decoded GB/T 26875.3 packet as JSON (`gasdev_gbt_decode_json`).
    GbtPacket = 6,
    /// An identifier's report as JSON (`gasdev_ident_report_json`).
    Identifier = 7,
    /// GB/T 26875.3 information objects as JSON (`gasdev_gbt_objects_json`).
    GbtObjects = 8,
}

/// Why a JSON document was rejected: the shared error, its position and the JSON path of the field.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_input_error {
    /// The `GASDEV_RESULT_INPUT_…` code (also the function's result).
    pub code: u32,
    /// 1-based line (0 when not applicable).
    pub line: usize,
    /// 1-based column (0 when not applicable).
    pub column: usize,
    /// The JSON path of the field (`vendors[0].products[1].kind`), NUL-terminated; empty for the
    /// whole document. Cut at a character boundary when longer than the array.
    pub field: [c_char; GASDEV_FIELD_PATH_MAX],
    /// The path's full length in bytes (more than `GASDEV_FIELD_PATH_MAX - 1` when cut).
    pub field_len: usize,
}

/// The summary of a report.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_report_summary {
    /// A `GASDEV_DOCUMENT_…` constant.
    pub document: u8,
    /// Declaration and catalogue: conformant; inspection: compliant; frame check: no finding.
    pub conformant: bool,
    /// Declaration: the achieved tier (`GASDEV_TIER_…`), 0 when not even low; otherwise 0.
    pub achieved_tier: u8,
    /// Catalogue: the products checked; declaration: 1; otherwise 0.
    pub products: usize,
    /// Catalogue: the products that are not conformant; declaration: 0 or 1; otherwise 0.
    pub nonconformant_products: usize,
    /// How many items `gasdev_report_item` returns.
    pub items: usize,
}

/// A report owned by the library; free it with `gasdev_report_free`.
pub struct gasdev_report {
    summary: gasdev_report_summary,
    /// Declaration and catalogue: the ids of the failing requirements (sorted); inspection: the
    /// finding codes (in report order); frame check: `clause/rule` of each finding.
    items: Vec<String>,
    /// The JSON report, NUL-terminated.
    json: Vec<u8>,
}

fn input_error(e: &ApiError) -> (gasdev_result, gasdev_input_error) {
    let code = gasdev_result::from_code(e.error_code());
    let path = e.field.as_deref().unwrap_or_default();
    let mut field = [0 as c_char; GASDEV_FIELD_PATH_MAX];
    let mut cut = path.len().min(GASDEV_FIELD_PATH_MAX - 1);
    while !path.is_char_boundary(cut) {
        cut = cut.saturating_sub(1);
    }
    for (dst, src) in field
        .iter_mut()
        .zip(path.as_bytes().get(..cut).unwrap_or_default())
    {
        *dst = c_char::from_ne_bytes([*src]);
    }
    (
        code,
        gasdev_input_error {
            code: code as u32,
            line: e.line.unwrap_or(0),
            column: e.column.unwrap_or(0),
            field,
            field_len: path.len(),
        },
    )
}

fn tier_code(t: Option<Tier>) -> u8 {
    use crate::frame::gasdev_tier as T;
    t.map_or(0, |t| {
        (match t {
            Tier::Low => T::Low,
            Tier::Mid => T::Mid,
            Tier::High => T::High,
        }) as u8
    })
}

fn failing(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.status == Status::Fail)
        .map(|f| f.id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(String::from)
        .collect()
}

/// The core's envelope of a checked document (`{document, as_of, ruleset, ruleset_version,
/// report}`, as `checkDocument` in JavaScript and a file of `gasdev check --format json`),
/// NUL-terminated.
fn envelope(checked: &Checked) -> Res<Vec<u8>> {
    let mut v = serde_json::to_vec(checked).map_err(|_| gasdev_result::Panic)?;
    v.push(0);
    Ok(v)
}

pub(crate) fn to_json<T: serde::Serialize>(kind: &str, report: &T) -> Res<Vec<u8>> {
    #[derive(serde::Serialize)]
    struct Wrapped<'a, T> {
        document: &'a str,
        report: &'a T,
    }
    let mut v = serde_json::to_vec(&Wrapped {
        document: kind,
        report,
    })
    .map_err(|_| gasdev_result::Panic)?;
    v.push(0);
    Ok(v)
}

/// The date `ptr[0..len]` (`YYYY-MM-DD`).
///
/// # Safety
/// `ptr` is valid for reads of `len` bytes.
unsafe fn date(ptr: *const c_char, len: usize) -> Res<Date> {
    // SAFETY: forwarded caller contract.
    let s = unsafe { text(ptr, len) }?;
    Date::parse(s).map_err(|_| gasdev_result::InvalidParameter)
}

/// Hand a new report to the caller.
///
/// # Safety
/// `out` was accepted by `check_out`.
pub(crate) unsafe fn deliver(out: *mut *mut gasdev_report, report: gasdev_report) -> Res {
    // SAFETY: accepted by check_out (caller contract of this function).
    unsafe { write(out, Box::into_raw(Box::new(report))) };
    Ok(())
}

/// Report a rejected document through the optional `error`.
///
/// # Safety
/// `error` is NULL or valid for a write.
unsafe fn reject(error: *mut gasdev_input_error, e: &ApiError) -> Res {
    let (code, detail) = input_error(e);
    // SAFETY: NULL or valid for a write (caller contract of this function).
    unsafe { write_opt(error, detail) };
    Err(code)
}

/// Check a declaration or a catalogue (detected by its keys) given as JSON text `json[0..len]`, on
/// the date `as_of[0..as_of_len]` (`YYYY-MM-DD`, for certificate validity). On success `*out`
/// receives a new report: summary, failing requirement ids and the JSON report in the core's
/// envelope (`{"document": "declaration"|"catalogue", "as_of", "ruleset", "ruleset_version",
/// "report": {…}}`, the report of `spec/report.md`; what `checkDocument` returns in JavaScript).
///
/// A document that is not valid JSON or does not fit the schema gives its `GASDEV_RESULT_INPUT_…`
/// code, and the optional `*error` receives the position and field path. An invalid `as_of` is
/// `GASDEV_RESULT_INVALID_PARAMETER`. *Host builds only.*
///
/// # Safety
/// `json` is valid for reads of `len` bytes and `as_of` of `as_of_len` bytes; `out` is valid for a
/// write; `error` is NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_check_document(
    json: *const c_char,
    len: usize,
    as_of: *const c_char,
    as_of_len: usize,
    out: *mut *mut gasdev_report,
    error: *mut gasdev_input_error,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        check_outputs(
            &[Span::raw(json, len), Span::raw(as_of, as_of_len)],
            out,
            error,
        )?;
        // SAFETY: valid for `len` bytes (caller contract).
        let doc = unsafe { text(json, len) }?;
        // SAFETY: valid for `as_of_len` bytes (caller contract).
        let as_of = unsafe { date(as_of, as_of_len) }?;
        let checked = match check_document(doc, Expect::Any, as_of) {
            Ok(c) => c,
            // SAFETY: NULL or valid for a write (caller contract).
            Err(e) => return unsafe { reject(error, &e) },
        };
        let json = envelope(&checked)?;
        let report = match &checked.report {
            CheckedReport::Declaration(r) => {
                let document = gasdev_document::Declaration;
                let mut report = report_of(document, r.conformant, failing(&r.findings), json);
                report.summary.achieved_tier = tier_code(r.achieved_tier);
                report.summary.products = 1;
                report.summary.nonconformant_products = usize::from(!r.conformant);
                report
            }
            CheckedReport::Catalogue(r) => {
                let document = gasdev_document::Catalogue;
                let mut report = report_of(document, r.conformant, failing(&r.findings), json);
                report.summary.products = r.products.len();
                report.summary.nonconformant_products =
                    r.products.iter().filter(|p| !p.conformant).count();
                report
            }
        };
        // SAFETY: checked by check_out above.
        unsafe { deliver(out, report) }
    })
}

/// Inspect one household: the inspection record `record[0..len]` (one JSON line of a
/// `gasdev inspect` batch) on the date `as_of`, against the Nanchuan 2022 rules and, if
/// `catalogue` is not NULL, the catalogue `catalogue[0..catalogue_len]` (JSON). On success `*out`
/// receives a report whose items are the finding codes, in order
/// (`{"document": "inspection", "report": {…}}`). Same as
/// `gasdev_inspect_with_declarations` with no declarations.
///
/// Errors as `gasdev_check_document`; the catalogue is parsed first, so an `*error` may be about
/// it, its field path under `catalogue` (`catalogue.vendors[0].name`; a catalogue that is a
/// declaration is `GASDEV_RESULT_INPUT_UNKNOWN_DOCUMENT` at `catalogue`). *Host builds only.*
///
/// # Safety
/// `record` is valid for reads of `len` bytes, `catalogue` is NULL (with length 0) or valid for
/// `catalogue_len` bytes, `as_of` for `as_of_len` bytes; `out` is valid for a write; `error` is
/// NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_inspect_record(
    record: *const c_char,
    len: usize,
    catalogue: *const c_char,
    catalogue_len: usize,
    as_of: *const c_char,
    as_of_len: usize,
    out: *mut *mut gasdev_report,
    error: *mut gasdev_input_error,
) -> gasdev_result {
    // SAFETY: the caller's contract is this function's, with no declarations (NULL, 0).
    unsafe {
        gasdev_inspect_with_declarations(
            record,
            len,
            catalogue,
            catalogue_len,
            core::ptr::null(),
            0,
            as_of,
            as_of_len,
            out,
            error,
        )
    }
}

/// Inspect one household as `gasdev_inspect_record`, with vendors' declarations
/// `declarations[0..declarations_len]`: a JSON array of product declarations (NULL: none). An
/// unlisted model is then checked against 附件3 on its declaration (`off_catalogue_*` findings)
/// and an alarm's detected gases are read from it (`gasdev inspect --declarations`).
///
/// Errors as `gasdev_inspect_record`; the catalogue is parsed first, then the declarations (an
/// `*error` field is then `declarations[i]…`), then the record. *Host builds only.*
///
/// # Safety
/// As `gasdev_inspect_record`; `declarations` is NULL (with length 0) or valid for
/// `declarations_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_inspect_with_declarations(
    record: *const c_char,
    len: usize,
    catalogue: *const c_char,
    catalogue_len: usize,
    declarations: *const c_char,
    declarations_len: usize,
    as_of: *const c_char,
    as_of_len: usize,
    out: *mut *mut gasdev_report,
    error: *mut gasdev_input_error,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        let inputs = [
            Span::raw(record, len),
            Span::raw(catalogue, catalogue_len),
            Span::raw(declarations, declarations_len),
            Span::raw(as_of, as_of_len),
        ];
        check_outputs(&inputs, out, error)?;
        // SAFETY: valid for `len` bytes (caller contract).
        let rec = unsafe { text(record, len) }?;
        // SAFETY: NULL with length 0, or valid for `catalogue_len` bytes (caller contract).
        let cat = unsafe { opt_text(catalogue, catalogue_len) }?;
        // SAFETY: NULL with length 0, or valid for `declarations_len` bytes (caller contract).
        let decls = unsafe { opt_text(declarations, declarations_len) }?;
        // SAFETY: valid for `as_of_len` bytes (caller contract).
        let as_of = unsafe { date(as_of, as_of_len) }?;
        // The core's inspection context: an error in the catalogue or the declarations names
        // its field under `catalogue` / `declarations`, as in every binding.
        let mut inspector = Inspector::new(RuleSet::nanchuan_2022(), as_of);
        if !catalogue.is_null() {
            inspector = match inspector.with_catalogue_text(cat) {
                Ok(i) => i,
                // SAFETY: NULL or valid for a write (caller contract).
                Err(e) => return unsafe { reject(error, &e) },
            };
        }
        if !declarations.is_null() {
            inspector = match inspector.with_declarations_text(decls) {
                Ok(i) => i,
                // SAFETY: NULL or valid for a write (caller contract).
                Err(e) => return unsafe { reject(error, &e) },
            };
        }
        let r = match inspector.inspect_text(rec) {
            Ok(r) => r,
            // SAFETY: NULL or valid for a write (caller contract).
            Err(e) => return unsafe { reject(error, &ApiError::from(e)) },
        };
        let items = r.findings.iter().map(|f| String::from(f.code.name()));
        let json = to_json("inspection", &r)?;
        let report = report_of(
            gasdev_document::Inspection,
            r.compliant,
            items.collect(),
            json,
        );
        // SAFETY: checked by check_out above.
        unsafe { deliver(out, report) }
    })
}

/// Check a decoded frame `frame[0..len]` against the product's declaration `declaration[0..
/// declaration_len]` (JSON): what the frame reports that the declared product cannot do
/// (`spec/frame.md` §9). On success `*out` receives a report whose items are `clause/rule` per
/// finding (`ALM-4/FRAME-108`) and whose JSON is
/// `{"document": "frame_check", "report": {"findings": [{"clause", "rule", "text"}]}}`.
///
/// Errors: the frame decoder's `GASDEV_RESULT_FRAME_…`; for the declaration as
/// `gasdev_check_document` (a catalogue is `GASDEV_RESULT_INPUT_UNKNOWN_DOCUMENT`). *Host builds
/// only.*
///
/// # Safety
/// `frame` is valid for reads of `len` bytes and `declaration` of `declaration_len` bytes; `out` is
/// valid for a write; `error` is NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_frame_check_declaration(
    frame: *const u8,
    len: usize,
    declaration: *const c_char,
    declaration_len: usize,
    out: *mut *mut gasdev_report,
    error: *mut gasdev_input_error,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        let inputs = [
            Span::raw(frame, len),
            Span::raw(declaration, declaration_len),
        ];
        check_outputs(&inputs, out, error)?;
        // SAFETY: valid for `len` bytes (caller contract).
        let data = unsafe { bytes(frame, len) }?;
        // SAFETY: valid for `declaration_len` bytes (caller contract).
        let decl = unsafe { text(declaration, declaration_len) }?;
        let repr = crate::frame::decode(data).map_err(|e| gasdev_result::from_code(e.code()))?;
        let d = match parse_document(decl) {
            Ok(Document::Declaration(d)) => d,
            Ok(Document::Catalogue(_)) => return Err(gasdev_result::InputUnknownDocument),
            // SAFETY: NULL or valid for a write (caller contract).
            Err(e) => return unsafe { reject(error, &ApiError::from(e)) },
        };
        let findings = gasdev::wire::validate(&repr, &d);
        #[derive(serde::Serialize)]
        struct FrameCheck<'a> {
            findings: &'a [gasdev::wire::FrameFinding],
        }
        let items = findings.iter().map(|f| format!("{}/{}", f.clause, f.rule));
        let json = to_json(
            "frame_check",
            &FrameCheck {
                findings: &findings,
            },
        )?;
        let document = gasdev_document::FrameCheck;
        let report = report_of(document, findings.is_empty(), items.collect(), json);
        // SAFETY: checked by check_out above.
        unsafe { deliver(out, report) }
    })
}

/// A report on `document` with its `items` and `json`; the summary counts the items, and its
/// tier and product counts are 0 (a declaration or catalogue check sets them).
pub(crate) fn report_of(
    document: gasdev_document,
    conformant: bool,
    items: Vec<String>,
    json: Vec<u8>,
) -> gasdev_report {
    gasdev_report {
        summary: gasdev_report_summary {
            document: document as u8,
            conformant,
            achieved_tier: 0,
            products: 0,
            nonconformant_products: 0,
            items: items.len(),
        },
        items,
        json,
    }
}

/// The summary of `report` into `*out`.
///
/// # Safety
/// `report` is a live report from this library; `out` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_report_get_summary(
    report: *const gasdev_report,
    out: *mut gasdev_report_summary,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        disjoint(&[Span::ptr(report)], &[Span::ptr(out)])?;
        check_out(out)?;
        // SAFETY: a live report (caller contract).
        let r = unsafe { input(report) }?;
        // SAFETY: checked by check_out above.
        unsafe { write(out, r.summary) };
        Ok(())
    })
}

/// Item `index` of `report` (see `gasdev_report_summary.items`) into `*out`: a string owned by the
/// report, valid until `gasdev_report_free`. `GASDEV_RESULT_INVALID_PARAMETER` past the end.
///
/// # Safety
/// `report` is a live report from this library; `out` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_report_item(
    report: *const gasdev_report,
    index: usize,
    out: *mut gasdev_str,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        disjoint(&[Span::ptr(report)], &[Span::ptr(out)])?;
        check_out(out)?;
        // SAFETY: a live report (caller contract).
        let r = unsafe { input(report) }?;
        let item = r.items.get(index).ok_or(gasdev_result::InvalidParameter)?;
        // SAFETY: checked by check_out above.
        unsafe { write(out, gasdev_str::of(item)) };
        Ok(())
    })
}

/// The JSON text of `report`: `*json` receives a NUL-terminated UTF-8 string owned by the report
/// (valid until `gasdev_report_free`), `*len` its length without the NUL.
///
/// # Safety
/// `report` is a live report from this library; `json` and `len` are valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_report_json(
    report: *const gasdev_report,
    json: *mut *const c_char,
    len: *mut usize,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        disjoint(&[Span::ptr(report)], &[Span::ptr(json), Span::ptr(len)])?;
        check_out(json)?;
        check_out(len)?;
        // SAFETY: a live report (caller contract).
        let r = unsafe { input(report) }?;
        // SAFETY: both checked by check_out above.
        unsafe {
            write(json, r.json.as_ptr().cast::<c_char>());
            write(len, r.json.len().saturating_sub(1));
        }
        Ok(())
    })
}

/// Free a report. NULL is ignored; a report must not be freed twice or used after.
///
/// # Safety
/// `report` is NULL or a live report from this library.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_report_free(report: *mut gasdev_report) {
    let _ = guard(|| {
        if !report.is_null() {
            // SAFETY: a live report made by Box::into_raw in `deliver` (caller contract), freed
            // once.
            drop(unsafe { Box::from_raw(report) });
        }
        Ok(())
    });
}
