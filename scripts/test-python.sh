#!/usr/bin/env bash
# Builds the Python package (bindings-python/) into the repository's .venv and tests it:
# pytest over tests/ and the doctests of the package, mypy.stubtest over the package (the
# stubs of the native module must match it), and mypy --strict over the package and tests
# (the stubs as a user's type checker sees them).
#
# Works on a fresh machine with CPython >= 3.9 (with venv and pip) and cargo: creates .venv
# and installs maturin, pytest, numpy, pandas and mypy into it when they are missing.
# Idempotent and fast when all is installed: only `maturin develop` runs, and cargo
# rebuilds only what changed (so an edit of the Rust code is always picked up).
#
# Environment: PYTHON (interpreter for a new .venv, default python3), CARGO_TARGET_DIR
# (honoured by cargo and maturin alike).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv="$root/.venv"
py="$venv/bin/python"

started=$SECONDS
step() { printf '\n== python: %s (%ss)\n' "$*" "$((SECONDS - started))"; }

if [[ ! -x "$py" ]]; then
    step "create .venv"
    "${PYTHON:-python3}" -m venv "$venv"
fi

# The tools, when any is missing (a quick import check otherwise).
if [[ ! -x "$venv/bin/maturin" ]] || ! "$py" -c 'import pytest, numpy, pandas, mypy' 2>/dev/null; then
    step "install maturin, pytest, numpy, pandas, mypy into .venv"
    "$py" -m pip install --disable-pip-version-check --quiet \
        "maturin>=1.16,<2" "pytest>=7" "numpy>=1.22" "pandas>=1.5" "mypy>=1.10"
fi

# The peers that the strategy tests compare with to 1e-9 (pymcdm, statsmodels); the tests
# skip those comparisons without them, so a failed install here only narrows the run.
if ! "$py" -c 'import pymcdm, statsmodels' 2>/dev/null; then
    step "install the comparison peers pymcdm, statsmodels into .venv"
    "$py" -m pip install --disable-pip-version-check --quiet "pymcdm==1.4.0" "statsmodels>=0.14" || true
fi

# `maturin develop` always runs cargo (incremental), so Rust changes are rebuilt; it puts
# the extension module next to the Python sources (python/clusterpolicy/_native.abi3.so,
# git-ignored) and installs the package in editable mode. Once the editable install points
# here, `--skip-install` rebuilds the module in place and skips pip (about 2 s less).
step "build: maturin develop --release"
installed=$("$py" -c 'import importlib.util as u; s = u.find_spec("clusterpolicy"); print(s.origin if s else "")' 2>/dev/null || true)
develop=(maturin develop --release)
if [[ "$installed" == "$root/bindings-python/python/clusterpolicy/__init__.py" ]]; then
    develop+=(--skip-install)
fi
(cd bindings-python && VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH" "${develop[@]}")

step "pytest: tests and doctests"
(cd bindings-python && "$py" -m pytest -q)

step "mypy.stubtest: stubs match the native module"
(cd bindings-python && "$py" -m mypy.stubtest clusterpolicy --allowlist stubtest-allowlist.txt)

step "mypy --strict: package and tests"
(cd bindings-python && "$py" -m mypy python tests)

step "Python package OK"
