// The page's Web Worker: every call into WebAssembly runs here, off the main thread, so a large
// or hostile input never freezes the page. Messages: {id, op, args} -> {id, result} | {id, thrown}.
import init, * as gasdev from "./gasdev/gasdev_wasm.js";

const ready = init();
/** The lazily fetched modules, by path: each loaded and initialised when first needed. */
const lazy = new Map();
function lazyModule(path) {
  if (!lazy.has(path))
    lazy.set(
      path,
      import(path).then(async (m) => {
        await m.default();
        return m;
      }),
    );
  return lazy.get(path);
}
/** The platform module (inspect, InspectSession, exportCheck: the batch summary and reports). */
const platformModule = () => lazyModule("./gasdev/gasdev_platform.js");
/** The sheets module (the platform module plus .xlsx ledgers and catalogues in, workbooks out): only
 *  for workbooks. */
const sheetsModule = () => lazyModule("./gasdev/gasdev_sheets.js");

/** Records inspected between two progress messages. */
const STEP_RECORDS = 2000;
/** The inspection of the inspection tab: its session, input and generation. */
const inspection = { session: null, input: null, generation: 0 };

/** A workbook (`.xlsx`): read by the sheets module. */
const isWorkbook = (name) => name.toLowerCase().endsWith(".xlsx");

/** The format of a ledger: by the file's extension; pasted text is JSON lines unless it does not
 *  start with `{` (then CSV). */
function ledgerFormat(source) {
  const name = source.file?.name.toLowerCase() ?? "";
  if (isWorkbook(name)) return "xlsx";
  if (name.endsWith(".csv")) return "csv";
  if (source.file) return "jsonl";
  return source.text.trimStart().startsWith("{") || !source.text.trim() ? "jsonl" : "csv";
}

/** Largest document the checker reads (a real catalogue is a few hundred KB). */
export const MAX_DOCUMENT = 10 * 1024 * 1024;
/** Largest capture decoded frame by frame; larger ones are only counted. */
export const MAX_CAPTURE = 4 * 1024 * 1024;

/** The bytes of a decoder input: a Uint8Array, or hex text (whitespace allowed); null if not hex. */
function inputBytes(input) {
  if (typeof input !== "string") return input;
  const h = input.replace(/\s+/g, "");
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(h)) return null;
  return Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
}

/** Open every frame with the page's key and replay state (spec/security.md [SEC-026]), in order:
 *  {frames: [{status, key_id?, counter?, error?, offset?}], state}. The state is the page session's
 *  replay window (a fresh one when null), returned for the next call. */
function authenticate(frames, auth) {
  let state = auth.state ?? gasdev.newReplayState(32, 1048576);
  const out = frames.map((f) => {
    const r = gasdev.openFrame(f, auth.key, auth.keyId, state, "required");
    if (r.type === "ok") {
      state = r.value.state;
      return { status: "authenticated", key_id: r.value.key_id, counter: r.value.counter };
    }
    const e = r.error.name;
    const status =
      e === "FRAME_BAD_TAG" ? "bad_tag" : e === "FRAME_REPLAY" ? "replay" : e === "FRAME_UNAUTHENTICATED" ? "unauthenticated" : "failed";
    return { status, error: e, offset: r.error.offset };
  });
  return { frames: out, state };
}

/** The decoder's result with, when the page holds a key, the authentication of each libgasdev frame. */
function withAuth(result, input, stream, auth) {
  if (!auth || result.type !== "ok") return result;
  let frames = [];
  if (!stream) {
    if (result.value.protocol === "libgasdev") frames = [result.value.hex];
  } else {
    const bytes = inputBytes(input);
    if (bytes) frames = result.value.items.filter((it) => "frame" in it).map((it) => bytes.subarray(it.offset, it.offset + it.length));
  }
  return { ...result, auth: authenticate(frames, auth) };
}

const ops = {
  version: () => gasdev.version(),
  // files: [{name, file}] -> [{path, source, size, result}] ; a file too large is not read at all.
  // A catalogue workbook (.xlsx) gives the entries `gasdev check` gives it (sheets module): one per
  // rejected row (path "NAME[SHEET]", an input error), then the catalogue of the other rows (NAME).
  async checkFiles(files, asOf) {
    const out = [];
    for (const { name, file } of files) {
      const entry = { source: name, size: file.size };
      if (file.size > MAX_DOCUMENT) out.push({ ...entry, path: name, tooLarge: MAX_DOCUMENT });
      else if (!isWorkbook(name)) out.push({ ...entry, path: name, result: gasdev.checkDocument(await file.text(), { asOf }) });
      else {
        const { checkWorkbook } = await sheetsModule();
        const r = checkWorkbook(new Uint8Array(await file.arrayBuffer()), name, { asOf });
        if (r.type === "error") out.push({ ...entry, path: name, result: r });
        else for (const { path, result } of r.value) out.push({ ...entry, path, result });
      }
    }
    return out;
  },
  // The batch as `gasdev check` renders it (options: format json|markdown, lang, failuresOnly,
  // asOf): checked, summarised and rendered by the core; workbooks by the sheets module.
  async exportCheck(files, options) {
    const entries = [];
    for (const { name, file } of files)
      entries.push(isWorkbook(name) ? { path: name, bytes: new Uint8Array(await file.arrayBuffer()) } : { path: name, text: await file.text() });
    const { exportCheck } = await (entries.some((e) => e.bytes) ? sheetsModule() : platformModule());
    return exportCheck(entries, options);
  },
  checkText: (text, asOf) => gasdev.checkDocument(text, { asOf }),
  // `auth`: null, or the page's {key, keyId, state} (the key never leaves the page: this worker is local).
  decode: (input, options, auth) => withAuth(gasdev.decodeFrame(input, options), input, false, auth),
  decodeStream: (input, auth) => withAuth(gasdev.decodeStream(input), input, true, auth),
  async decodeFile(file, options, stream, auth) {
    if (file.size > MAX_CAPTURE) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return { tooLarge: MAX_CAPTURE, size: file.size, count: gasdev.countFrames(bytes) };
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = stream ? gasdev.decodeStream(bytes) : gasdev.decodeFrame(bytes, options);
    return { size: file.size, result: withAuth(result, bytes, stream, auth) };
  },
  ident: (text, options) => gasdev.parseIdent(text, options),
  requirements: (kind, tier) => gasdev.requirements(kind, tier),
  // A ledger inspected in steps (InspectSession), posting its progress between steps; the session
  // stays here for the summary, findings, charts and exports. `source`: {file} or {text}.
  async inspectStart(source, catalogue, declarations, asOf) {
    const generation = ++inspection.generation;
    const options = { asOf };
    if (catalogue) options.catalogue = catalogue;
    if (declarations.length) options.declarations = `[${declarations.join(",")}]`;
    const format = ledgerFormat(source);
    const input = source.file ? new Uint8Array(await source.file.arrayBuffer()) : source.text;
    const m = format === "xlsx" ? await sheetsModule() : await platformModule();
    // A newer inspection (another file dropped meanwhile) takes over; this one stops.
    const cancelled = { type: "error", error: { name: "CANCELLED", message: { zh: "已取消", en: "cancelled" } } };
    if (generation !== inspection.generation) return cancelled;
    const session = new m.InspectSession(format, input, options);
    inspection.session?.free();
    inspection.session = session;
    inspection.input = { format, input, options };
    for (;;) {
      const r = session.step(STEP_RECORDS);
      if (r.type === "error" || r.value.done) return r;
      this.progress(r.value);
      await new Promise((ok) => setTimeout(ok, 0));
      if (generation !== inspection.generation) return cancelled;
    }
  },
  inspectSummary: () => inspection.session.summary(),
  inspectFindings: (query) => inspection.session.findings(query),
  inspectRejects: (offset, limit) => inspection.session.rejects(offset, limit),
  inspectCharts: (lang) => inspection.session.charts(lang),
  // The CLI's exports: CSV and Markdown from the session; a workbook from the sheets module (the session
  // again, there, when the ledger was not a workbook).
  async inspectExport(format, lang) {
    if (format === "csv") return { type: "ok", value: inspection.session.exportCsv(lang) };
    if (format === "md") return inspection.session.exportMarkdown(lang);
    let s = inspection.session;
    if (!s.exportXlsx) {
      const m = await sheetsModule();
      const { format: f, input, options } = inspection.input;
      s = new m.InspectSession(f, input, options);
      for (let r = s.step(1 << 30); r.type === "ok" && !r.value.done; r = s.step(1 << 30));
    }
    const r = s.exportXlsx(lang);
    if (s !== inspection.session) s.free();
    return r;
  },
};

self.onmessage = async ({ data: { id, op, args } }) => {
  try {
    await ready;
    const progress = (p) => self.postMessage({ id, progress: p });
    const result = await ops[op].apply({ progress }, args);
    self.postMessage({ id, result });
  } catch (e) {
    self.postMessage({ id, thrown: String(e && e.message ? e.message : e) });
  }
};
