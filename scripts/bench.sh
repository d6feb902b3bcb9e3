#!/usr/bin/env bash
# `make bench`: loopback benchmarks of the release build `make release` made (see scripts/bench.py).
set -euo pipefail
cd "$(dirname "$0")/.."
test -x .build/release/capstan || { echo "no release build: run make bench (or make release first)"; exit 1; }
python3 scripts/bench.py --bin .build/release/capstan --plugins .build/bench/plugins.d "$@"
python3 scripts/bench_sep10.py --bin .build/release/capstan
python3 scripts/bench_sep24.py --bin .build/release/capstan
python3 scripts/bench_sep6_12.py --bin .build/release/capstan --plugins "$PWD/.build/bench/plugins.d"
python3 scripts/bench_money.py --bin .build/release/capstan --plugin .build/bench/plugins.d/libreference.so
