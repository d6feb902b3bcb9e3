#!/usr/bin/env bash
# `make bench`: release build, then loopback benchmarks of the running server (see scripts/bench.py).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product capstan 2>&1 | grep -E "error|warning: unre|Compiling capstan|Build complete" || true
swift build -c release --product CapstanReferencePlugin 2>&1 | grep -E "error|Build complete" || true
mkdir -p .build/bench/plugins.d
cp -f .build/release/libCapstanReferencePlugin.so .build/bench/plugins.d/libreference.so
make --no-print-directory -C Plugins/minimal-c OUT="$PWD/.build/bench/plugins.d" >/dev/null
python3 scripts/bench.py --bin .build/release/capstan --plugins .build/bench/plugins.d "$@"
python3 scripts/bench_sep10.py --bin .build/release/capstan
python3 scripts/bench_sep24.py --bin .build/release/capstan
python3 scripts/bench_sep6_12.py --bin .build/release/capstan --plugins "$PWD/.build/bench/plugins.d"
python3 scripts/bench_money.py --bin .build/release/capstan --plugin .build/bench/plugins.d/libreference.so
