#!/usr/bin/env bash
# Builds the Python package (bindings-python/) into the repository's .venv and tests it:
#   1. pytest over tests/ and the doctests of the package: a module per core module (results
#      against the Rust results and the peers on the shared data), the fuzz test of every
#      public function, the plotting helpers headless (Agg), the README's ```python blocks
#      and examples/python/mission.py;
#   2. examples/python/dask_panel.py: a per-year panel analysis on the worker processes of a
#      local Dask cluster, checked against the serial result;
#   3. mypy.stubtest (the stubs of the native module match it) and mypy --strict over the
#      package and the tests (the stubs as a user's type checker sees them);
#   4. the wheel in a fresh venv: `maturin build --release` as the README says, a throwaway
#      venv, `pip install` of the wheel, then `import clusterpolicy` and the README's Python
#      quickstart there. Skipped when the wheel, the README and this script are unchanged
#      since the last passing check (a stamp in .venv), so warm runs stay fast.
#
# Works on a fresh machine with CPython >= 3.9 (with venv and pip) and cargo: creates .venv
# and installs maturin, pytest, numpy, pandas, mypy and the optional extras (tqdm,
# matplotlib, polars, dask[distributed]) into it when they are missing. Idempotent and fast
# when all is installed: `maturin develop` runs, and cargo rebuilds only what changed (so an
# edit of the Rust code is always picked up).
#
# Environment: PYTHON (interpreter for a new .venv, default python3), CARGO_TARGET_DIR
# (honoured by cargo and maturin alike), SKIP_FRESH_VENV=1 (skip step 4).
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

# The optional extras the tests exercise: progress bars, plots, polars input, the Dask example.
if ! "$py" -c 'import tqdm, matplotlib, polars, dask.distributed' 2>/dev/null; then
    step "install the extras tqdm, matplotlib, polars, dask[distributed] into .venv"
    "$py" -m pip install --disable-pip-version-check --quiet \
        "tqdm>=4.60" "matplotlib>=3.5" "polars>=0.20" "dask[distributed]>=2023.1"
fi

# The peers that the tests compare with to 1e-9 (pymcdm and statsmodels for strategy,
# NetworkX for network); the tests skip those comparisons without them, so a failed install
# here only narrows the run.
if ! "$py" -c 'import pymcdm, statsmodels, networkx' 2>/dev/null; then
    step "install the comparison peers pymcdm, statsmodels, networkx into .venv"
    "$py" -m pip install --disable-pip-version-check --quiet "pymcdm==1.4.0" "statsmodels>=0.14" "networkx==3.6.1" || true
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

export MPLBACKEND=Agg
step "pytest: tests, doctests, README quickstart, mission example"
(cd bindings-python && "$py" -m pytest -q)

step "example: per-year panel analysis on a local Dask cluster (examples/python/dask_panel.py)"
"$py" examples/python/dask_panel.py --workers 2

step "mypy.stubtest: stubs match the native module"
(cd bindings-python && "$py" -m mypy.stubtest clusterpolicy --allowlist stubtest-allowlist.txt)

step "mypy --strict: package and tests"
(cd bindings-python && "$py" -m mypy python tests)

if [[ "${SKIP_FRESH_VENV:-}" == 1 ]]; then
    step "wheel in a fresh venv: skipped (SKIP_FRESH_VENV=1)"
else
    # As the README says: maturin build --release ... --out dist, then pip install the wheel.
    # The build reuses the cargo artefacts of `maturin develop` above (same profile and
    # features), so it only packs the wheel.
    step "wheel: maturin build --release"
    wheels=$(mktemp -d)
    trap 'rm -rf "$wheels"' EXIT
    VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH" maturin build --release --quiet \
        --manifest-path bindings-python/Cargo.toml --out "$wheels" >/dev/null
    wheel=$(ls "$wheels"/clusterpolicy-*.whl)
    stamp="$venv/.fresh-wheel-check"
    digest=$("$py" - "$wheel" README.md scripts/test-python.sh <<'EOF'
import hashlib, sys, zipfile
h = hashlib.sha256()
with zipfile.ZipFile(sys.argv[1]) as z:  # the wheel's contents (not its zip timestamps)
    for name in sorted(z.namelist()):
        h.update(name.encode()); h.update(z.read(name))
for path in sys.argv[2:]:
    h.update(open(path, "rb").read())
print(h.hexdigest())
EOF
)
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$digest" ]]; then
        step "wheel in a fresh venv: unchanged since the last passing check ($(basename "$wheel")), skipped"
    else
        step "wheel in a fresh venv: pip install $(basename "$wheel"), import, README quickstart"
        fresh="$wheels/venv"
        "${PYTHON:-python3}" -m venv "$fresh"
        "$fresh/bin/python" -m pip install --disable-pip-version-check --quiet "$wheel"
        # Outside the repository, so that only the installed package can be imported.
        (cd "$wheels" && "$fresh/bin/python" -c 'import clusterpolicy, sys; print("clusterpolicy", clusterpolicy.__version__, "from", clusterpolicy.__file__); assert "site-packages" in clusterpolicy.__file__' \
            && "$py" "$root/bindings-python/tools/readme_python.py" > quickstart.py \
            && "$fresh/bin/python" quickstart.py)
        echo "$digest" > "$stamp"
    fi
fi

step "Python package OK"
