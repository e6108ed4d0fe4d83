#!/usr/bin/env bash
# Runs the peer-comparison benchmarks (not part of `make test`). Usage:
#   benches/run.sh            # every benches/python/bench_*.py
#   benches/run.sh network    # only bench_network.py
# Peers run single-threaded BLAS (OMP_NUM_THREADS=1 ...): on a loaded 2-core machine a
# multi-threaded BLAS made NumPy-based peers 3-8x slower, which would flatter us.
set -euo pipefail
cd "$(dirname "$0")/.."
benches/setup-peers.sh
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
for f in benches/python/bench_${1:-*}.py; do
  [ -e "$f" ] || { echo "no benchmark matches $f"; exit 1; }
  echo "== $f"
  .venv-bench/bin/python "$f"
done
