//! Shared helpers for the libgasdev benchmarks (the benchmarks live in `benches/benches/`).
