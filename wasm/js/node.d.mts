// Types of the Node entry: the same functions and result types as the browser module, already
// initialised (no `init()` to call).
export * from "./gasdev_wasm.js";
