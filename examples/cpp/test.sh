#!/usr/bin/env bash
# Builds examples/cpp against an installed prefix (find_package and
# pkg-config), runs it, and checks that both tokens verify.
# Usage: examples/cpp/test.sh <install prefix> <build dir>
set -euo pipefail
prefix=$(realpath "$1")
build=$2
here=$(cd "$(dirname "$0")" && pwd)

cmake -S "$here" -B "$build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" >/dev/null
out=$("$build/mint_token")
echo "$out"
[ "$(grep -c '  verify: ok' <<<"$out")" -eq 2 ] || { echo "examples/cpp: expected two verified tokens" >&2; exit 1; }
# The installed library is found through its SONAME, not a build path.
readelf -d "$build/mint_token" | grep -q 'NEEDED.*\[libagoratoken.so.0\]'

# The same program through pkg-config, statically linked.
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --exists --print-errors 'agoratoken >= 0.1'
g++ -std=c++17 -Wall -Wextra -Werror "$here/main.cpp" -o "$build/mint_token_static" \
    $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags agoratoken) \
    "$prefix/lib/libagoratoken.a" $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --libs-only-other --static agoratoken) -lpthread -ldl -lm
[ "$(AGORA_APP_ID= "$build/mint_token_static" | grep -c '  verify: ok')" -eq 2 ]
echo "examples/cpp: ok"
