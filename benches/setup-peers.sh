#!/usr/bin/env bash
# Creates .venv-bench with the peers of benches/requirements-peers.txt and a release build of
# the clusterpolicy Python package. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-bench
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --upgrade pip
"$venv/bin/pip" install -q maturin -r benches/requirements-peers.txt
(cd bindings-python && VIRTUAL_ENV="$PWD/../$venv" ../$venv/bin/maturin develop --release -q)
"$venv/bin/python" -c "import clusterpolicy; print('clusterpolicy', clusterpolicy.__version__ if hasattr(clusterpolicy, '__version__') else '')"
