#!/usr/bin/env bash
# Fails when a C++ source is not formatted with the repository's .clang-format (CI runs it).
# Fix with: clang-format -i FILE...
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find sim tests bench -name '*.cpp' -o -name '*.hpp' | sort)
if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/unrest-format.$$; then
    cat /tmp/unrest-format.$$ >&2
    rm -f /tmp/unrest-format.$$
    echo "check_format: the files above are not formatted; run clang-format -i on them" >&2
    exit 1
fi
rm -f /tmp/unrest-format.$$
echo "check_format: ${#files[@]} files formatted" >&2
