
export type Result<T> = { type: "ok"; value: T } | { type: "error"; error: GasdevError };

