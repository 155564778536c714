#!/usr/bin/env bash
# Build the npm package into wasm/pkg/ (ignored) and the static web tool into out/wasm/site/.
#   wasm/pkg/: package.json, gasdev_wasm.js (ES module for browsers: `await init()` first),
#              node.mjs (Node entry: initialised on import), gasdev_wasm_bg.wasm, .d.ts files.
#   out/wasm/site/: wasm/web/* plus the module under gasdev/; serve it from any static server.
# Needs: the pinned nightly of wasm/toolchain with rust-src, and wasm-bindgen-cli of the crate's exact
# version (scripts/setup installs both). No wasm-opt (binaryen 108's -Oz makes the gzipped module
# larger); the size comes from the `wasm-release` profile and a standard library rebuilt for size with
# panics as immediate aborts (-Z build-std; the core never panics, and the profile already aborts).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"

toolchain="$(wasm/toolchain)"
rm -rf wasm/pkg
# Three modules from one crate: the decoder and checker (features `checker` and `secure`: sealFrame,
# openFrame; the 200 KiB budget), the platform module (feature `platform`: inspect, inspectAll,
# InspectSession, mapToGbt, exportCheck, labels) and the sheets module (feature `sheets`: the
# platform module plus .xlsx ledgers in and inspection workbooks out, fetched only for workbooks),
# each with its own JavaScript glue.
for module in checker,secure:gasdev_wasm platform:gasdev_platform sheets:gasdev_sheets; do
  feature="${module%%:*}"
  name="${module##*:}"
  # Its own target directory: the nightly's artifacts never mix with the stable ones.
  CARGO_TARGET_DIR="$root/target/wasm-nightly" \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
    cargo "+$toolchain" build -q -p gasdev-wasm --lib --target wasm32-unknown-unknown --profile wasm-release \
    --no-default-features --features "$feature" \
    -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size
  wasm-bindgen --target web --out-dir wasm/pkg --out-name "$name" \
    --remove-name-section --remove-producers-section \
    target/wasm-nightly/wasm32-unknown-unknown/wasm-release/gasdev_wasm.wasm
done
cp wasm/js/package.json wasm/js/node.mjs wasm/js/node.d.mts wasm/js/README.md wasm/pkg/
# The package's version is the crate's.
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
sed -i "s/\"version\": \"0.0.0-set-by-build\"/\"version\": \"$version\"/" wasm/pkg/package.json

rm -rf out/wasm/site
mkdir -p out/wasm/site/gasdev out/wasm/site/examples
cp -r wasm/web/. out/wasm/site/
cp wasm/pkg/gasdev_wasm.js wasm/pkg/gasdev_wasm_bg.wasm wasm/pkg/gasdev_platform.js wasm/pkg/gasdev_platform_bg.wasm \
  wasm/pkg/gasdev_sheets.js wasm/pkg/gasdev_sheets_bg.wasm out/wasm/site/gasdev/
# The words for enumerated values (the core's tables, `labels()`), loaded by the page at start.
node -e 'import("./wasm/pkg/node.mjs").then((g) => require("fs").writeFileSync("out/wasm/site/gasdev/labels.json", JSON.stringify(g.labels())))'
# The clause -> test vectors index of the requirements page, from spec/vectors/*.json.
node wasm/support/clause-index.mjs out/wasm/site/clause-vectors.json
cp spec/examples/*.json spec/examples/inspections.jsonl spec/examples/inspections.csv spec/examples/inspections.xlsx spec/examples/catalogue.xlsx \
  out/wasm/site/examples/
mkdir -p out/wasm/site/examples/declarations
cp spec/examples/declarations/*.json out/wasm/site/examples/declarations/
echo "built wasm/pkg ($(wc -c < wasm/pkg/gasdev_wasm_bg.wasm) bytes gasdev_wasm_bg.wasm, $(wc -c < wasm/pkg/gasdev_platform_bg.wasm) bytes gasdev_platform_bg.wasm, $(wc -c < wasm/pkg/gasdev_sheets_bg.wasm) bytes gasdev_sheets_bg.wasm) and out/wasm/site"
