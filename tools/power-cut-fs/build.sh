#!/usr/bin/env sh
# Builds power-cut-fs against Debian's libfuse3-dev (apt: fuse3 libfuse3-dev pkg-config gcc libc6-dev).
set -eu
cd "$(dirname "$0")"
mkdir -p build
# shellcheck disable=SC2046
gcc -O2 -Wall -Wextra -o build/power-cut-fs power-cut-fs.c $(pkg-config --cflags --libs fuse3)
echo "built $(pwd)/build/power-cut-fs"
