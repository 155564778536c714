// Types of the Node entry: the same functions and result types as the browser modules, already
// initialised (no `init()` to call).
export * from "./gasdev_wasm.js";
export { exportCheck, InspectSession, inspect, inspectAll, labels, mapToGbt } from "./gasdev_platform.js";
