// Frame-decode throughput in Node (the built package) against native Rust (the same functions,
// examples/bench_native.rs), in one run, and the gzipped size of the .wasm.
//   node wasm/bench/bench.mjs [seconds]      (after wasm/build.sh)
// Two loops, each the same on both sides:
//   api:    decodeFrame(40-byte frame as bytes) -> result (native: JSON text; Node: a JS object)
//   stream: countFrames(4 MB of frames)         -> frames/s (the decoding loop alone)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { countFrames, decodeFrame } from "../pkg/node.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const secs = Number(process.argv[2] ?? 2);
const FRAME = "4744012001000162be390001010205000202010003070101f40000015e040502000004b0ed856dc8";
const frame = Uint8Array.from(Buffer.from(FRAME, "hex"));

function rate(f) {
  const warm = performance.now();
  while (performance.now() - warm < 200) f();
  const start = performance.now();
  let units = 0;
  while (performance.now() - start < secs * 1000) units += f();
  return units / ((performance.now() - start) / 1000);
}

const apiNode = rate(() => (decodeFrame(frame).type === "ok" ? 1 : 0));
const stream = new Uint8Array(frame.length * 100000);
for (let i = 0; i < 100000; i++) stream.set(frame, i * frame.length);
const streamNode = rate(() => countFrames(stream).frames);

const native = JSON.parse(
  execFileSync("cargo", ["run", "-q", "--release", "-p", "gasdev-wasm", "--example", "bench_native", "--", String(secs)], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }),
);

const wasm = readFileSync(new URL("../pkg/gasdev_wasm_bg.wasm", import.meta.url));
const gz = gzipSync(wasm, { level: 9 }).length;
const fmt = (n) => Math.round(n).toLocaleString("en-US");
const ratio = (a, b) => (a / b).toFixed(2);
console.log(`decodeFrame (40-byte frame -> result):  native ${fmt(native.api_per_sec)}/s  node ${fmt(apiNode)}/s  native/node ${ratio(native.api_per_sec, apiNode)}x`);
console.log(`countFrames (4 MB stream, frames/s):    native ${fmt(native.stream_frames_per_sec)}/s  node ${fmt(streamNode)}/s  native/node ${ratio(native.stream_frames_per_sec, streamNode)}x`);
console.log(`.wasm: ${fmt(wasm.length)} bytes, gzipped ${fmt(gz)} bytes (${(gz / 1024).toFixed(1)} KiB; budget 200 KiB)`);
console.log(JSON.stringify({
  api: { native: native.api_per_sec, node: Math.round(apiNode), ratio: Number(ratio(native.api_per_sec, apiNode)) },
  stream: { native: native.stream_frames_per_sec, node: Math.round(streamNode), ratio: Number(ratio(native.stream_frames_per_sec, streamNode)) },
  wasm_bytes: wasm.length,
  wasm_gzip_bytes: gz,
}));
