// Authenticated frames through the package (spec/security.md): every seal and open case of
// spec/vectors/secure.json through sealFrame / openFrame / newReplayState, asserting the same
// results and error names and offsets as the Rust runner (core/tests/vectors_secure.rs).
// derive_key cases are the core's and C's (no JavaScript binding for key derivation: a web page
// never holds a master key).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as g from "../pkg/node.mjs";

// wasm/build.sh builds the checker module with the `secure` feature; a package built without it
// skips these tests (the shared vector lines, wasm/support/lines.mjs, would then fail instead).
const skip = typeof g.sealFrame !== "function" && "package built without the secure feature (wasm/Cargo.toml)";
const file = JSON.parse(readFileSync(new URL("../../spec/vectors/secure.json", import.meta.url), "utf8"));

/** The restored window of a case: the largest accepted counter is the highest, the rest are bits. */
function state(window, accepted) {
  const s = g.newReplayState(window.size, window.max_jump);
  if (accepted.length === 0) return s;
  const h = Math.max(...accepted);
  let bits = 0n;
  for (const c of accepted) if (h - c < 64) bits |= 1n << BigInt(h - c);
  return { ...s, highest: h, bitmap: bits.toString(16).padStart(16, "0") };
}

test("secure.json: every seal and open case", { skip }, () => {
  let n = 0;
  for (const c of file.tests) {
    const ctx = `secure#${c.tcId}`;
    const i = c.input;
    if (i.op === "seal") {
      const r = g.sealFrame(i.frame, i.key, i.key_id, i.counter);
      if (c.result === "valid") {
        assert.equal(r.type, "ok", ctx);
        assert.equal(r.value.hex, c.expected.frame, ctx);
        assert.equal(r.value.length, c.expected.frame.length / 2, ctx);
      } else {
        assert.equal(r.type, "error", ctx);
        assert.deepEqual([r.error.name, r.error.offset], [c.expected.error, c.expected.offset], ctx);
      }
      n++;
    } else if (i.op === "open") {
      // The frame's key id selects the key (a KeyStore of several keys in the core).
      const kid = Buffer.from(i.frame, "hex");
      let r;
      const policy = i.policy;
      const tried = i.keys.map((k) => ({ k, s: state(i.window, k.accepted) }));
      // Open with the key whose id the frame names, or the first key (which then reports the key id).
      const tlv = kid.length - 20;
      const named = tried.find(({ k }) => kid[tlv] === 0xff && kid[tlv + 3] === k.key_id) ?? tried[0];
      r = g.openFrame(i.frame, named.k.key, named.k.key_id, named.s, policy);
      if (c.result === "valid") {
        assert.equal(r.type, "ok", `${ctx}: ${JSON.stringify(r.error)}`);
        assert.equal(r.value.authenticated, c.expected.authenticated, ctx);
        assert.equal(r.value.msg_type, c.expected.msg_type, ctx);
        if (c.expected.authenticated) {
          assert.equal(r.value.key_id, c.expected.key_id, ctx);
          assert.equal(r.value.counter, c.expected.counter, ctx);
          // The new state refuses the same frame: a replay.
          const again = g.openFrame(i.frame, named.k.key, named.k.key_id, r.value.state, policy);
          assert.equal(again.type, "error", ctx);
          assert.equal(again.error.name, "FRAME_REPLAY", ctx);
        }
      } else {
        assert.equal(r.type, "error", ctx);
        assert.deepEqual([r.error.name, r.error.offset], [c.expected.error, c.expected.offset], ctx);
      }
      n++;
    }
  }
  assert.ok(n >= 60, `${n} cases`);
});

test("openFrame / newReplayState: misuse throws, keys are 16 bytes", { skip }, () => {
  assert.throws(() => g.newReplayState(0, 1));
  assert.throws(() => g.newReplayState(65, 1));
  const s = g.newReplayState(32, 1048576);
  assert.deepEqual(s, { window_size: 32, max_jump: 1048576, highest: null, bitmap: "0000000000000000" });
  const sealed = file.tests.find((c) => c.input.op === "seal" && c.result === "valid").expected.frame;
  assert.throws(() => g.openFrame(sealed, "00".repeat(16), 1, s, "lenient"));
  assert.throws(() => g.openFrame(sealed, "00".repeat(16), 1, { ...s, extra: 1 }));
  const r = g.openFrame(sealed, "00".repeat(15), 1, s);
  assert.equal(r.type, "error");
  assert.equal(r.error.name, "INVALID_PARAMETER");
});
