#!/usr/bin/env bash
# Tests the example page examples/web/ in a real browser: headless Chromium (Debian's
# `chromium`) driven by playwright-core (an npm devDependency of bindings-wasm/) serves the page
# on 127.0.0.1, loads the embedded dataset, compares the numbers it renders with the Node build
# of the same package, prints the time the page takes to build the full report (budget 2 s)
# and saves a screenshot to target/web-screenshot.png (WEB_SCREENSHOT overrides).
#
#   scripts/test-web.sh
#
# On a fresh machine it installs Chromium with apt-get (sudo when not root; about 30 s) and,
# through scripts/test-wasm.sh --build-only, the wasm toolchain, the npm devDependencies and the
# browser build bindings-wasm/pkg/web/. Later runs skip what is installed and built.
# Honours CARGO_TARGET_DIR; CHROMIUM names another Chromium binary.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM

START=$SECONDS
step() { printf '\n==> [%ss] %s\n' "$((SECONDS - START))" "$*"; }

step "Chromium"
if [[ ! -x "$CHROMIUM" ]]; then
  if [[ "$CHROMIUM" != /usr/bin/chromium ]]; then
    echo "CHROMIUM=$CHROMIUM is not an executable" >&2
    exit 1
  fi
  SUDO=()
  [[ "$(id -u)" -ne 0 ]] && SUDO=(sudo)
  echo "installing Debian's chromium (apt-get)"
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
  # Under CI the downloaded packages are of no further use: give their disk back.
  if [[ "${CI:-}" == true ]]; then "${SUDO[@]}" apt-get clean; fi
fi
# Debian's wrapper script prints a harmless shell warning on stderr.
"$CHROMIUM" --version 2>/dev/null

step "npm package: browser build and devDependencies (scripts/test-wasm.sh --build-only)"
scripts/test-wasm.sh --build-only

step "browser test (bindings-wasm/tests/web-page.browser.mjs)"
(cd "$ROOT/bindings-wasm" && node --test --test-reporter=spec tests/web-page.browser.mjs)

printf '\nbrowser test passed in %ss\n' "$((SECONDS - START))"
