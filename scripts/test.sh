#!/usr/bin/env bash
# The one test command: builds and tests the Rust crates, the Python package and the npm
# package, installing on a fresh machine whatever it needs (Python venv with maturin, the
# wasm32 target, wasm-bindgen-cli at the crate's exact version, Node packages).
# Developers and CI (.ci/run) run exactly this, through `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - started))"; }
# Free space where target/ lives, printed at the start and the end: a full disk is the one
# failure of this command that says nothing about the code.
target_dir=${CARGO_TARGET_DIR:-target}
disk() { mkdir -p "$target_dir" && df -h "$target_dir" | awk 'NR == 2 { print "disk: " $4 " free of " $2 }'; }
disk

# Under CI (a fresh machine, nothing to keep), `ci_clean PROFILE DIR` gives back the disk of a
# profile's builds once no later step needs them, so that the peak stays near 1 GB.
ci_clean() {
    if [[ "${CI:-}" == true && -d "$target_dir/$2" ]]; then
        step "CI: cargo clean --profile $1 (frees $(du -sh "$target_dir/$2" | cut -f1))"
        cargo clean --profile "$1" --quiet
        disk
    fi
}

if [[ "${CI:-}" == true ]]; then
    # One cold build on a fresh machine: incremental caches would only cost disk (4 GB here).
    export CARGO_INCREMENTAL=0
    # Nor would pip's cache of downloaded wheels (the venvs are built once).
    export PIP_NO_CACHE_DIR=1
fi

step "rustfmt"
cargo fmt --all -- --check

step "clippy (host)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test (unit, integration, property, reference tests)"
cargo test --workspace --all-targets --locked
# clusterpolicy-wasm is a workspace member: its host tests just ran, scripts/test-wasm.sh skips them.
export WASM_HOST_TESTS_RAN=1

step "doc tests"
cargo test --workspace --doc --locked

step "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

# The debug builds are done with; the release builds below start from their own dependencies.
ci_clean dev debug

step "peer benchmark scripts compile (they run with make bench, not here)"
python3 -m py_compile benches/python/*.py
bash -n benches/setup-peers.sh benches/run.sh

step "main job: report of the embedded dataset"
scripts/main-job-smoke.sh

step "Python package"
scripts/test-python.sh
# The main job and the Python extension were the release builds; the npm package has its own profile.
ci_clean release release

step "npm package (WebAssembly)"
scripts/test-wasm.sh

step "example web page in headless Chromium (examples/web/)"
scripts/test-web.sh

disk
step "all tests passed"
