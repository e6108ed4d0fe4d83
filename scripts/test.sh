#!/usr/bin/env bash
# The one test command: builds and tests the Rust crates, the Python package and the npm
# package, installing on a fresh machine whatever it needs (Python venv with maturin, the
# wasm32 target, wasm-bindgen-cli at the crate's exact version, Node packages).
# Developers and CI (.ci/run) run exactly this, through `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - started))"; }

step "rustfmt"
cargo fmt --all -- --check

step "clippy (host)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test (unit, integration, property, reference tests)"
cargo test --workspace --all-targets --locked

step "doc tests"
cargo test --workspace --doc --locked

step "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

step "peer benchmark scripts compile (they run with make bench, not here)"
python3 -m py_compile benches/python/*.py
bash -n benches/setup-peers.sh benches/run.sh

step "main job: report of the embedded dataset"
scripts/main-job-smoke.sh

step "Python package"
scripts/test-python.sh

step "npm package (WebAssembly)"
scripts/test-wasm.sh

step "example web page in headless Chromium (examples/web/)"
scripts/test-web.sh

step "all tests passed"
