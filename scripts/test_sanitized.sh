#!/usr/bin/env bash
# Builds unrest and its tests with AddressSanitizer and UndefinedBehaviorSanitizer into
# build-asan/ and runs every C++ test there (the corpus replays of the fuzz targets included).
# Any sanitizer report fails the test that triggered it. Called by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Release -DUNREST_SANITIZE=ON -DUNREST_BUILD_BENCH=OFF \
    >/dev/null
cmake --build build-asan -j "$jobs"
export OMP_WAIT_POLICY=passive
# OpenMPI allocates for the life of the process and never frees: its leaks are not ours.
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
(cd build-asan && ctest --output-on-failure -j "$jobs")
