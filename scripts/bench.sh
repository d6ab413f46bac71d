#!/usr/bin/env bash
# Benchmarks (Google Benchmark): agent updates per second and fast vs reference neighbourhood
# counts. Extra arguments go to the benchmark program (e.g. --benchmark_filter=BM_Step).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
./build/unrest_bench --benchmark_counters_tabular=true "$@"
