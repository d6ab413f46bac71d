#!/usr/bin/env bash
# Every test: installs what is missing, builds, runs all C++ tests (GoogleTest under ctest) and
# all Python tests (pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
jobs=$(nproc 2>/dev/null || echo 2)
# Tests run side by side: threads that wait sleep instead of spinning, so that parallel tests on
# a small machine do not starve each other (results never depend on it).
export OMP_WAIT_POLICY=passive
(cd build && ctest --output-on-failure -j "$jobs")
/usr/bin/python3 -m pytest -q tests/python
