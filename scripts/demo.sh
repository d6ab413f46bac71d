#!/usr/bin/env bash
# The main job: installs what is missing, builds, runs the demo scenario (Epstein 2002 run 2,
# punctuated equilibrium) and writes a short report beside its outputs.
# Usage: scripts/demo.sh [scenario.yaml] [output-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-scenarios/epstein2002/run2.yaml}
out=${2:-out/$(basename "$scenario" .yaml)}

bash scripts/setup.sh
bash scripts/build.sh

./build/unrest run "$scenario" --out "$out" --force
PYTHONPATH=analysis /usr/bin/python3 -m unrest_analysis report "$out"
echo
echo "outputs: $out/ (timeseries.csv, events.csv, summary.json, dictionary.json, manifest.json)"
