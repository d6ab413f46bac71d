#!/usr/bin/env bash
# The main job: installs what is missing, builds, runs the demo scenario (Almaty, 2-12 January
# 2022, with hourly snapshots for the maps and the animation) and writes its HTML report.
# Usage: scripts/demo.sh [scenario.yaml] [output-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-scenarios/kazakhstan2022/almaty.yaml}
out=${2:-out/$(basename "$scenario" .yaml)}

bash scripts/setup.sh
bash scripts/build.sh

# Snapshots every hour when the scenario has a calendar, every 10 ticks otherwise.
every=1h
if ! grep -q '^calendar:' "$scenario"; then every=10; fi
./build/unrest run "$scenario" --out "$out" --force --snapshot-every "$every"
./build/unrest report "$out"
echo
echo "outputs: $out/ (timeseries.csv, daily.csv, events.csv, sites.csv, comparison.csv,"
echo "         snapshots.npz, summary.json, dictionary.json, manifest.json)"
echo "report:  $out/report.html (open it in a browser; works offline)"
