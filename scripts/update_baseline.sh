#!/usr/bin/env bash
# Rewrites the golden baseline (tests/golden/<case>/timeseries.csv and summary.json) from the
# cases in tests/golden/cases.tsv, with the unrest binary in build/ (or $UNREST).
#
# Run it only when a change of Model I's results is deliberate, and commit the new baseline on
# its own with a message that says why the numbers moved. tests/golden/test_golden.cpp compares
# every run against these files byte for byte.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
unrest="${UNREST:-$root/build/unrest}"
[[ -x "$unrest" ]] || { echo "update_baseline.sh: no unrest binary at $unrest (build first)" >&2; exit 2; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
while IFS=$'\t' read -r name scenario args; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    # shellcheck disable=SC2086 # the extra arguments are words
    "$unrest" run "$root/scenarios/$scenario" --out "$scratch/$name" --quiet $args
    mkdir -p "$root/tests/golden/$name"
    cp "$scratch/$name/timeseries.csv" "$scratch/$name/summary.json" "$root/tests/golden/$name/"
    echo "baseline: $name"
done <"$root/tests/golden/cases.tsv"
