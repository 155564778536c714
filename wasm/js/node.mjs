// Node entry of @libgasdev/gasdev: the browser module, initialised synchronously from the
// .wasm file next to it, so that `import { decodeFrame } from "@libgasdev/gasdev"` just works.
import { readFileSync } from "node:fs";
import { initSync } from "./gasdev_wasm.js";

initSync({ module: readFileSync(new URL("./gasdev_wasm_bg.wasm", import.meta.url)) });

export * from "./gasdev_wasm.js";
