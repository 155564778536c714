
// ---- Types of the results (wasm/src/types.d.ts) ------------------------------------------------
// Values are the JSON forms `gasdev --format json` prints (snake_case keys, as in spec/). These
// declarations are checked in CI against the runtime result of every shared vector
// (wasm/test/vectors.test.mjs writes them as typed literals; `tsc --noEmit` checks them), so they
// cannot drift from what the functions return. ErrorName is generated from spec/errors.json.
//
// GENERATED from the Rust types (wasm/src/generated.d.ts, written and checked by
// core/tests/ts_bindings.rs with feature `ts`): ApiError, InputError, Bilingual, Message, Text,
// the check reports (ProductReport, Finding, Counts, CatalogueReport, VendorSummary, TierOffer,
// KindOffer, PriceGroup, PricedProduct), the envelopes (Checked, CheckedReport, CheckedFile,
// CheckBatch, CheckSummary, Requirements, InspectBatch, InspectSummary, CommunitySummary),
// Requirement, the inspection report (InspectionReport, InspectionFinding, Obligation, Deadline,
// FindingCode), the identifier report (IdentReport, IdentParts, IdentErrorReport, IdentQualifier),
// the frames (FrameJson, FrameMessage, Snapshot, Tlv, Concentration, Reading: their JSON forms are
// written by hand in Rust, so core/src/ts.rs states them beside a `TS` impl; FrameEvent,
// FrameCommand, AlarmStatus, ValveStatus, FrameFinding, FrameSpan, EncodedFrame: derived), the
// GB/T 26875.3 packets (GbtPacket, GbtObject: stated in core/src/ts.rs), and the enumerations
// they use (DeviceKind, Tier, Status, VendorStatus, RemovalReason, InstalledKind, Level, Severity,
// Hazard, Scope, CheckKind, Gas, AlarmLevel, ValveState, TripReason, Capability, Carrier,
// CommandCode, NakReason, RaisedLevel, FaultKind). The aliases below keep the package's older
// names (CheckedDocument refines Checked).
//
// Still HAND-WRITTEN here (hand-written `Serialize` impls, or values the wasm binding assembles):
// the call options; ExportFile, WorkbookEntry; GbtMapped, DecodedFrame, DecodedStream, StreamItem, FrameCount (private or
// binding-assembled envelopes); IdentScheme (the core's Scheme has no serde form); CreditCodeParts,
// ReplayState, OpenedFrame (the wasm binding's own documents).

/** A result: a value, or a domain error. Only misuse of a call throws. */
export type Result<T> = { type: "ok"; value: T } | { type: "error"; error: GasdevError };

// ---- Arguments -------------------------------------------------------------------------------

/** Options of decodeFrame. */
export interface DecodeOptions {
  /** Which decoder; default "auto" (`@@`/`4040…` = GB/T 26875.3, else libgasdev). */
  protocol?: "auto" | "libgasdev" | "gbt26875";
  /** GB/T 26875.3: reject every deviation (conformance test) instead of tolerating it. */
  strict?: boolean;
  /** GB/T 26875.3: false decodes a packet with a wrong checksum (diagnosis only). */
  verifyChecksum?: boolean;
  /** libgasdev: check the frame against this product declaration (JSON text or object). */
  declaration?: string | object;
}

/** Options of parseIdent. */
export interface IdentOptions {
  /** Parse as this scheme instead of detecting it. */
  scheme?: IdentScheme;
  /** Reject a prefix without an item suffix (IDENT_PREFIX_ONLY). */
  requireItem?: boolean;
}

/** Options of the checks and of inspect. */
export interface CheckOptions {
  /** YYYY-MM-DD; default: today (UTC). */
  asOf?: string;
  /** inspect: the catalogue installed devices are checked against (JSON text or object). */
  catalogue?: string | object;
  /** inspect: vendors' declarations (a JSON array, text or value): unlisted models are checked
   *  against 附件3 on them, and an alarm's detected gases are read from them. */
  declarations?: string | object[];
}

/** Options of exportCheck. */
export interface ExportOptions {
  /** "json" (default): the text `gasdev check --format json` prints; "markdown": its report. */
  format?: "json" | "markdown";
  /** Language of the Markdown report (default "zh"). */
  lang?: "zh" | "en";
  /** Markdown: only failing findings and those needing evidence. */
  failuresOnly?: boolean;
  /** YYYY-MM-DD; default: today (UTC). */
  asOf?: string;
}

/** One file of exportCheck: a JSON document's text, or a catalogue workbook's bytes (`.xlsx`; read
 *  by the sheets module's exportCheck only, the platform module's gives INPUT_NOT_WORKBOOK). */
export type ExportFile = { path: string; text: string } | { path: string; bytes: Uint8Array };

/** A mapping request of mapToGbt (the `map_alarm` / `map_valve` / `map_frame` vector inputs). */
export interface GbtMapRequest {
  /** alarm: AlarmStatus; valve: ValveStatus. */
  status?: object;
  /** alarm: the combustible-gas and CO readings. */
  readings?: { combustible: Reading; co: Reading };
  /** frame: the libgasdev frame (hex). */
  frame?: string;
  point: { system_type: number; system_address: number; component_address: number; description: string };
  /** alarm, valve: the time label, "YYYY-MM-DDThh:mm:ss". */
  time?: string;
  /** frame: the time label used when the frame's time is unknown. */
  fallback_time?: string;
  /** spec/gbt26875.md mapping policy; {} = defaults. */
  policy?: object;
  /** Also build packets with this header. */
  header?: {
    serial: number;
    version: [number, number];
    time: string;
    source: number;
    destination: number;
    command: number;
  };
}

// ---- libgasdev frames (spec/frame.md §8): all in generated.d.ts -----------------------------------

// ---- GB/T 26875.3 packets (spec/gbt26875.md): GbtPacket, GbtObject in generated.d.ts ------------

// ---- decodeFrame, decodeStream, encodeFrame, countFrames, gbtAnswer, mapToGbt --------------------

export type DecodedFrame =
  | {
      protocol: "libgasdev";
      /** How the input was given: "hex" text or raw "bytes". */
      source: "hex" | "bytes";
      length: number;
      /** The frame's bytes, lowercase hex. */
      hex: string;
      layout: FrameSpan[];
      frame: FrameJson;
      /** With `declaration`: what the frame says that the declared product cannot do. */
      findings?: FrameFinding[];
    }
  | {
      protocol: "gbt26875";
      source: "hex" | "bytes";
      length: number;
      hex: string;
      packet: GbtPacket;
    };

export type StreamItem =
  | { offset: number; length: number; frame: FrameJson }
  | { offset: number; length: number; skipped: number }
  | { offset: number; length: number; rejected: { error: ErrorName; offset: number } }
  | { offset: number; length: number; error: { error: ErrorName; offset: number } };

export interface DecodedStream {
  source: "hex" | "bytes";
  length: number;
  frames: number;
  skipped: number;
  rejected: number;
  items: StreamItem[];
}

export interface FrameCount {
  frames: number;
  skipped: number;
  rejected: number;
}

export interface GbtMapped {
  objects: GbtObject[];
  /** With a `header` in the request: the packets (hex), status then analog values. */
  packets?: string[];
}

// ---- Identifiers (spec/identifiers.md §10) -----------------------------------------------------

export type IdentScheme = "idis" | "handle" | "oid" | "gs1" | "gs1_digital_link" | "ma" | "ecode";

// ---- Declarations and catalogues (spec/report.md) ----------------------------------------------

/** Why a call failed: the shared error name and number, where, and a message in zh and en. */
export type GasdevError = ApiError;
/** The verdict of one requirement. */
export type FindingStatus = Status;
/** The command an acknowledgement refers to. */
export type CommandName = CommandCode;
/** One checked file of `gasdev check --format json` (without its path): the generated Checked,
 *  with `document` telling which report it carries (the Rust envelope keeps the two apart, so
 *  this correlation is stated here). */
export type CheckedDocument = Omit<Checked, "document" | "report"> &
  (
    | { document: "declaration"; report: ProductReport }
    | { document: "catalogue"; report: CatalogueReport }
  );
/** `gasdev requirements --format json`. */
export type RequirementTable = Requirements;
/** `labels()`: the words for enumerated values, `{table: {machine name: {zh, en}}}` (tables such as
 *  `tier`, `device_kind`, `alarm_level`, `message_type`, `gbt_command`, `severity`). */
export type Labels = Record<string, Record<string, Text>>;
/** One entry of checkWorkbook (`gasdev check catalogue.xlsx`'s batch): a rejected row or header
 *  (`path` "NAME[SHEET]", an input error: `line` the row, `column` the column number, `field` the
 *  header as written), or the catalogue of the rows read (`path` "NAME"). */
export interface WorkbookEntry {
  path: string;
  result: Result<CheckedDocument>;
}
/** A rejected record of inspectAll (its `line` is the 1-based record number). */
export type RejectedRecord = InputError;

/** `checkCreditCode`: a valid 统一社会信用代码 (GB 32100-2015) and its parts. */
export interface CreditCodeParts {
  code: string;
  region: string;
  organisation_code: string;
}

// ---- Inspections (spec/installation.md) ---------------------------------------------------------

/** `newReplayState` / `openFrame`: a receiver's replay window (spec/security.md [SEC-040]); persist it. */
export interface ReplayState {
  window_size: number;
  max_jump: number;
  highest: number | null;
  /** 16 lowercase hex digits: bit d set = counter highest - d accepted. */
  bitmap: string;
}

/** `openFrame`: how the frame was authenticated, and the window to keep. */
export interface OpenedFrame {
  authenticated: boolean;
  key_id?: number;
  counter?: number;
  msg_type: number;
  state: ReplayState;
}

// ---- InspectSession (a ledger inspected in steps) -------------------------------------------------

/** `InspectSession.step`: how far the session is (`read` of `total`: bytes of text, or a workbook's rows). */
export interface InspectProgress {
  done: boolean;
  households: number;
  rejected_rows: number;
  read: number;
  total: number;
}
/** `InspectSession.findings`: filters and the page of rows. */
export interface FindingsQuery {
  community?: string;
  severity?: "fail" | "warn" | "info";
  code?: string;
  offset?: number;
  limit?: number;
}
/** One row of `InspectSession.findings`: the household and one of its findings. */
export type InspectFindingRow = InspectionFinding & { household: string; community: string | null; compliant: boolean };
