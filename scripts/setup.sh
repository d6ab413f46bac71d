#!/usr/bin/env bash
# Installs what unrest needs to build and test, from Debian 12 packages. Idempotent: packages
# already present are skipped, and apt-get runs only when something is missing. clang, its
# runtime libraries (libFuzzer, the sanitizers) and its OpenMP build the fuzz targets (scripts/fuzz);
# clang-format checks the formatting (scripts/check_format.sh). The report (analysis/, `unrest report`)
# draws with matplotlib and Pillow, writes the animation as MP4 with ffmpeg, and its tests open the
# page in Debian's headless Chromium driven through python3-websocket.
set -euo pipefail

packages=(
    build-essential cmake git pkg-config
    libeigen3-dev libyaml-cpp-dev libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev
    librandom123-dev nlohmann-json3-dev libfmt-dev libopenmpi-dev openmpi-bin zlib1g-dev
    python3 python3-numpy python3-pandas python3-matplotlib python3-pytest
    clang-format clang libclang-rt-14-dev libomp-dev
    python3-pil python3-websocket ffmpeg chromium fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all packages present" >&2
    exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
