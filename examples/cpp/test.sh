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

# Code written for Agora's C++ headers, with only its include lines changed,
# builds against the installed <agoratoken/...> headers.
cat > "$build/agora_style.cpp" <<'CPP'
#include <agoratoken/AccessToken2.h>
#include <agoratoken/RtcTokenBuilder2.h>
#include <iostream>
using namespace agora::tools;
int main() {
    const std::string appId = "970CA35de60c44645bbae8a215061b33", cert = "5CFd2fd1755d40ecb72977518be15d3b";
    std::string token = RtcTokenBuilder2::BuildTokenWithUid(appId, cert, "room-1", 42, UserRole::kRolePublisher, 600, 600);
    AccessToken2 parser;
    if (!parser.FromString(token) || parser.VerifySignature(cert) != kTokenVerifySuccess) return 1;
    std::cout << "agora-style: " << parser.services_.size() << " service, signature verified\n";
    return dynamic_cast<ServiceRtc*>(parser.services_.begin()->second.get())->account_ == "42" ? 0 : 1;
}
CPP
g++ -std=c++17 -Wall -Wextra -Werror "$build/agora_style.cpp" -o "$build/agora_style" \
    $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags agoratoken) \
    "$prefix/lib/libagoratoken.a" -lpthread -ldl -lm
"$build/agora_style"
echo "examples/cpp: ok"
