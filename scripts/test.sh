#!/usr/bin/env bash
# Every test: installs what is missing, builds, runs all C++ tests (GoogleTest under ctest) and
# all Python tests (pytest), checks the formatting, then builds again with AddressSanitizer and
# UndefinedBehaviorSanitizer and runs the C++ tests there (scripts/test_sanitized.sh).
# Usage: scripts/test.sh [--quick]   (--quick: skip the sanitizer build, for local iteration)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
if [ "${1:-}" = "--quick" ]; then quick=1; fi
bash scripts/setup.sh
bash scripts/build.sh
jobs=$(nproc 2>/dev/null || echo 2)
# Tests run side by side: threads that wait sleep instead of spinning, so that parallel tests on
# a small machine do not starve each other (results never depend on it).
export OMP_WAIT_POLICY=passive
(cd build && ctest --output-on-failure -j "$jobs")
/usr/bin/python3 -m pytest -q tests/python
bash scripts/check_format.sh
if [ "$quick" -eq 0 ]; then
    bash scripts/test_sanitized.sh
fi
