#!/usr/bin/env bash
# Runs README command 1 (the main job) and checks what it wrote.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/main-job-smoke
rm -rf "$out"
cargo run --locked --release -p clusterpolicy --features cli -- report --out "$out"
test -s "$out/report.json"
test -s "$out/report.html"
grep -q '"synthetic": true' "$out/report.json"
grep -q '<section id="validation">' "$out/report.html"
grep -q 'No problems found.' "$out/report.html"
# A bad input is an error with a clear message and exit status 2, not a panic.
echo '{"name": 1}' > "$out/bad.json"
set +e
cargo run --locked --release -q -p clusterpolicy --features cli -- report "$out/bad.json" --out "$out/bad" 2> "$out/bad.err"
status=$?
set -e
test "$status" -eq 2
grep -q 'JsonError' "$out/bad.err"
echo "main job OK: $(wc -c < "$out/report.html") bytes of HTML, $(wc -c < "$out/report.json") bytes of JSON"
