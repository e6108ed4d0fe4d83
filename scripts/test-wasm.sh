#!/usr/bin/env bash
# Builds the npm package `clusterpolicy` (bindings-wasm/) for Node, browsers and bundlers, checks
# its TypeScript types against the Rust types and runs its Node tests.
#
#   scripts/test-wasm.sh               everything (run from anywhere; works in the repository root)
#   scripts/test-wasm.sh --build-only  install what is missing and build bindings-wasm/pkg/{node,web,bundler}
#
# On a fresh machine it needs cargo, rustup, Node >= 20 and npm, and installs the rest: the
# wasm32-unknown-unknown target, wasm-bindgen-cli at exactly the version in Cargo.lock (4-6 minutes,
# only when `wasm-bindgen --version` differs) and the npm devDependencies (`npm ci`, only when
# package-lock.json changed). Later runs skip what is installed and rebuild only what changed.
# Honours CARGO_TARGET_DIR. Runs wasm-opt (npm `binaryen`) on the module; WASM_OPT=0 skips it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
PKG=$ROOT/bindings-wasm
BUILD_ONLY=0
[[ "${1:-}" == "--build-only" ]] && BUILD_ONLY=1
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

START=$SECONDS
step() { printf '\n==> [%ss] %s\n' "$((SECONDS - START))" "$*"; }
hash_of() { sha256sum "$@" | sha256sum | cut -c1-16; }

step toolchain
node -e 'if (+process.versions.node.split(".")[0] < 20) { console.error("Node >= 20 is needed, found " + process.version); process.exit(1) }'
if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
# wasm-bindgen-cli must match the wasm-bindgen crate exactly; take the version from Cargo.lock.
WB_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [[ -z "$WB_VERSION" ]]; then
  echo "wasm-bindgen not found in Cargo.lock" >&2
  exit 1
fi
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]]; then
  echo "installing wasm-bindgen-cli $WB_VERSION (takes a few minutes)"
  # Without --locked: the CLI's own lockfile pins a crate version that the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi
wasm-bindgen --version

step "npm devDependencies"
LOCK_HASH=$(hash_of "$PKG/package-lock.json" "$PKG/package.json")
if [[ "$(cat "$PKG/node_modules/.clusterpolicy-stamp" 2>/dev/null || true)" != "$LOCK_HASH" ]]; then
  (cd "$PKG" && npm ci --no-audit --no-fund)
  echo "$LOCK_HASH" >"$PKG/node_modules/.clusterpolicy-stamp"
else
  echo "node_modules up to date"
fi

step "cargo build (wasm32-unknown-unknown, profile release-wasm)"
TARGET_DIR=$(cargo metadata --locked --format-version 1 --no-deps | node -e \
  'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')
cargo build --locked -p clusterpolicy-wasm --target wasm32-unknown-unknown --profile release-wasm
WASM=$TARGET_DIR/wasm32-unknown-unknown/release-wasm/clusterpolicy_wasm.wasm

step "wasm-bindgen --target nodejs|web|bundler -> bindings-wasm/pkg/"
# wasm-opt (npm `binaryen` 132; Debian's wasm-opt 108 produced modules that crash) runs -Oz
# without its inlining pass: inlining shrinks the raw module but grows the gzipped one by about
# 20 %, while the rest of -Oz shrinks both (bindings-wasm/README.md, "Size"). It takes 30-60 s;
# WASM_OPT=0 skips it (for a quick local rebuild).
WASM_OPT=${WASM_OPT:-1}
WASM_OPT_FLAGS=(-Oz --skip-pass=inlining-optimizing --enable-bulk-memory --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue)
BUILD_HASH=$(hash_of "$WASM" "$ROOT/scripts/test-wasm.sh")-$WB_VERSION-opt$WASM_OPT
if [[ "$(cat "$PKG/pkg/.stamp" 2>/dev/null || true)" == "$BUILD_HASH" ]]; then
  echo "pkg/ up to date"
else
  rm -rf "$PKG/pkg"
  for pair in node:nodejs web:web bundler:bundler; do
    dir=${pair%%:*}
    target=${pair#*:}
    # The name section (function names for stack traces) is a third of the module; panics still
    # print their message and location through console_error_panic_hook.
    wasm-bindgen --target "$target" --remove-name-section --out-dir "$PKG/pkg/$dir" --out-name clusterpolicy "$WASM"
  done
  # --target nodejs writes CommonJS, but the package is "type": "module".
  echo '{ "type": "commonjs" }' >"$PKG/pkg/node/package.json"
  if [[ "$WASM_OPT" == 1 ]]; then
    # The three targets get the same module from wasm-bindgen 0.2.130; optimise it once.
    opt_in=$PKG/pkg/node/clusterpolicy_bg.wasm
    cp "$opt_in" "$PKG/pkg/unoptimised.wasm"
    "$PKG/node_modules/.bin/wasm-opt" "${WASM_OPT_FLAGS[@]}" "$PKG/pkg/unoptimised.wasm" -o "$opt_in"
    for dir in web bundler; do
      f=$PKG/pkg/$dir/clusterpolicy_bg.wasm
      if cmp -s "$f" "$PKG/pkg/unoptimised.wasm"; then
        cp "$opt_in" "$f"
      else
        "$PKG/node_modules/.bin/wasm-opt" "${WASM_OPT_FLAGS[@]}" "$f" -o "$f"
      fi
    done
    rm "$PKG/pkg/unoptimised.wasm"
  fi
  echo "$BUILD_HASH" >"$PKG/pkg/.stamp"
fi

# Prints the size of each module raw and gzipped (level 9) against the size goal of issue 9:
# at most 1.5 MB raw and 500 KB gzipped (decimal units). Informative: a module over the goal is
# reported, not failed (bindings-wasm/README.md, "Size", says where the bytes go).
report_size() {
  node -e '
    const fs = require("fs"), zlib = require("zlib");
    const goal = { raw: 1500000, gz: 500000 };
    const kb = (n) => (n / 1000).toFixed(1) + " kB";
    const vs = (n, g) => (n <= g ? `within the ${kb(g)} goal` : `${kb(n - g)} over the ${kb(g)} goal`);
    for (const f of process.argv.slice(1)) {
      const raw = fs.readFileSync(f);
      const gz = zlib.gzipSync(raw, { level: 9 });
      console.log(`${f.replace(/.*bindings-wasm\//, "")}: ${raw.length} bytes raw (${vs(raw.length, goal.raw)}), ${gz.length} bytes gzipped (${vs(gz.length, goal.gz)})`);
    }' "$@"
}

if [[ "$BUILD_ONLY" == 1 ]]; then
  step "wasm size"
  report_size "$PKG"/pkg/{node,web,bundler}/clusterpolicy_bg.wasm
  printf 'built in %ss\n' "$((SECONDS - START))"
  exit 0
fi

if [[ "${WASM_HOST_TESTS_RAN:-}" == 1 ]]; then
  step "Rust tests of the bindings (host): already run by cargo test --workspace (scripts/test.sh)"
else
  step "Rust tests of the bindings (host): conversion, error interfaces, bindings.schema.json drift"
  cargo test --locked -p clusterpolicy-wasm --quiet
fi

step "TypeScript types: types/model.d.ts drift, tsc --noEmit over tests/usage.ts"
(cd "$PKG" && node scripts/gen-types.mjs --check && node_modules/.bin/tsc -p tsconfig.json && echo "tsc: ok")

step "Node tests (node --test)"
(cd "$PKG" && node --test --test-reporter=spec tests/*.test.mjs)

step "npm pack --dry-run: the package ships the three builds"
(cd "$PKG" && npm pack --dry-run --json 2>/dev/null | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const files = JSON.parse(s)[0].files.map((f) => f.path);
    const need = ["package.json", "README.md"];
    for (const d of ["node", "web", "bundler"]) need.push(`pkg/${d}/clusterpolicy.js`, `pkg/${d}/clusterpolicy.d.ts`, `pkg/${d}/clusterpolicy_bg.wasm`);
    need.push("pkg/node/package.json");
    const missing = need.filter((f) => !files.includes(f));
    if (missing.length) { console.error("missing from the npm package:", missing.join(", ")); process.exit(1); }
    console.log(`${files.length} files, all three builds included`);
  })')

step "wasm size (what the package ships; the three targets share one module)"
report_size "$PKG"/pkg/{node,web,bundler}/clusterpolicy_bg.wasm
printf '\nall WASM checks passed in %ss\n' "$((SECONDS - START))"
