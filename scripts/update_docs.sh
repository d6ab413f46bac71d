#!/usr/bin/env bash
# Pastes the generated parameter table (`unrest params`) between the parameter-table markers of
# README.md and docs/parameters.md. A test fails while they differ, so that a change to the
# schema is a visible decision. Run after building.
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(mktemp)
./build/unrest params > "$table"
for f in README.md docs/parameters.md; do
    /usr/bin/python3 - "$f" "$table" <<'PY'
import sys
path, table = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
text = open(path, encoding="utf-8").read()
begin, end = "<!-- parameter-table:begin -->\n", "<!-- parameter-table:end -->"
b, e = text.index(begin) + len(begin), text.index(end)
open(path, "w", encoding="utf-8").write(text[:b] + table + text[e:])
PY
done
rm -f "$table"
echo "updated README.md and docs/parameters.md"
