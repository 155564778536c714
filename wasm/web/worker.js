// The page's Web Worker: every call into WebAssembly runs here, off the main thread, so a large
// or hostile input never freezes the page. Messages: {id, op, args} -> {id, result} | {id, thrown}.
import init, * as gasdev from "./gasdev/gasdev_wasm.js";

const ready = init();
/** The platform module (inspect, exportCheck: the batch summary and reports), fetched when first
 *  needed. */
let platform = null;
async function platformModule() {
  if (!platform) {
    platform = import("./gasdev/gasdev_platform.js").then(async (m) => {
      await m.default();
      return m;
    });
  }
  return platform;
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
  // files: [{name, file}] -> [{path, size, result}] ; a file too large is not read at all.
  async checkFiles(files, asOf) {
    const out = [];
    for (const { name, file } of files) {
      if (file.size > MAX_DOCUMENT) {
        out.push({ path: name, size: file.size, tooLarge: MAX_DOCUMENT });
        continue;
      }
      const text = await file.text();
      out.push({ path: name, size: file.size, result: gasdev.checkDocument(text, { asOf }) });
    }
    return out;
  },
  // The batch as `gasdev check` renders it (options: format json|markdown, lang, failuresOnly,
  // asOf): checked, summarised and rendered by the core.
  async exportCheck(files, options) {
    const texts = [];
    for (const { name, file } of files) texts.push({ path: name, text: await file.text() });
    const { exportCheck } = await platformModule();
    return exportCheck(texts, options);
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
  // Inspection records, one JSON object per line (blank lines skipped), at most `max` records,
  // inspected and summarised by the core (inspectAll): {type: "ok", value: {households, rejects,
  // summary}} with each reject's `line` the 1-based line of the text, or the error of an option
  // (a broken catalogue or declaration).
  async inspectLines(lines, catalogue, declarations, asOf, max) {
    const { inspectAll } = await platformModule();
    const options = { asOf };
    if (catalogue) options.catalogue = catalogue;
    if (declarations.length) options.declarations = `[${declarations.join(",")}]`;
    const texts = [];
    const lineOf = [];
    for (let i = 0; i < lines.length && texts.length < max; i++) {
      if (!lines[i].trim()) continue;
      texts.push(lines[i]);
      lineOf.push(i + 1);
    }
    const r = inspectAll(texts, options);
    if (r.type === "ok") for (const e of r.value.rejects) e.line = lineOf[e.line - 1];
    return r;
  },
};

self.onmessage = async ({ data: { id, op, args } }) => {
  try {
    await ready;
    const result = await ops[op](...args);
    self.postMessage({ id, result });
  } catch (e) {
    self.postMessage({ id, thrown: String(e && e.message ? e.message : e) });
  }
};
