// Node entry of @libgasdev/gasdev: the browser modules, initialised synchronously from the .wasm
// files next to them, so that `import { decodeFrame, inspect } from "@libgasdev/gasdev"` just works.
// Two modules: the decoder and checker (gasdev_wasm) and the platform module (gasdev_platform:
// inspect, inspectAll, mapToGbt, exportCheck); in a browser the second is loaded only when needed (`@libgasdev/gasdev/platform`).
import { readFileSync } from "node:fs";
import { initSync } from "./gasdev_wasm.js";
import { initSync as initPlatform } from "./gasdev_platform.js";

initSync({ module: readFileSync(new URL("./gasdev_wasm_bg.wasm", import.meta.url)) });
initPlatform({ module: readFileSync(new URL("./gasdev_platform_bg.wasm", import.meta.url)) });

export * from "./gasdev_wasm.js";
export { exportCheck, InspectSession, inspect, inspectAll, labels, mapToGbt } from "./gasdev_platform.js";
