#!/usr/bin/env bash
# Installs every artefact of dist/ the way its users install it, each in a
# temporary folder outside the repository, and mints, parses and verifies a
# 007 and a 006 token with it. The repository's target/ is hidden (an empty
# tmpfs over it, in a private mount namespace), so nothing can come from a build
# tree: what works here works from the published files alone.
# Usage: scripts/test-dist.sh <repo root> <version> [part...]   (parts: python node go php java c cpp)
set -euo pipefail
root=$1
version=$2
shift 2
parts=${*:-python node go php java c cpp}
dist=$root/dist

if [ -z "${AGORATOKEN_TARGET_HIDDEN:-}" ]; then
  work=$(mktemp -d /tmp/agoratoken-test-dist.XXXXXX)
  trap 'rm -rf "$work"' EXIT
  # Maven's plugins stay reachable (a bind mount of target/m2, a file:// mirror) before target/ is hidden.
  mkdir -p "$work/central"
  # root: a mount namespace; a user: one with a user namespace mapping it to root.
  ns="unshare -m"; [ "$(id -u)" -eq 0 ] || ns="unshare -r -m"
  $ns --propagation private env AGORATOKEN_TARGET_HIDDEN="$work" HOME="$HOME" PATH="$PATH" \
    bash -c 'set -e; [ -d "$1/target/m2" ] && mount --bind "$1/target/m2" "$2/central"; mount -t tmpfs none "$1/target"; shift 2; exec "$@"' \
    _ "$root" "$work" "$0" "$root" "$version" $parts
  exit $?
fi
work=$AGORATOKEN_TARGET_HIDDEN
[ -z "$(ls -A "$root/target")" ] || { echo "test-dist: target/ is not hidden" >&2; exit 1; }
(cd "$dist" && sha256sum --quiet -c SHA256SUMS)
echo "test-dist: dist/SHA256SUMS matches; target/ hidden"

APP_ID=970CA35de60c44645bbae8a215061b33
CERT=5CFd2fd1755d40ecb72977518be15d3b
export APP_ID CERT
pass() { echo "test-dist[$1]: 007 and 006 minted, parsed and verified"; }

part_python() {
  local d=$work/python
  mkdir -p "$d" && cd "$d"
  python3 -m venv venv
  venv/bin/pip install -q --disable-pip-version-check --no-index "$dist"/python/agoratoken-"$version"-*.whl
  venv/bin/python - <<'PY'
import os, time, agoratoken
from agoratoken.v2 import RtcTokenBuilder, Role_Publisher, parse, verify
a, c = os.environ["APP_ID"], os.environ["CERT"]
assert agoratoken.__file__.startswith(os.getcwd()), agoratoken.__file__
t7 = RtcTokenBuilder.build_token_with_uid(a, c, "room-1", 42, Role_Publisher, 3600, 3600)
assert t7.startswith("007") and parse(t7).app_id == a
assert verify(t7, c, "room-1", 42) == "ok" and verify(t7, c, "room-2", 42) == "channel_mismatch"
t6 = agoratoken.RtcTokenBuilder.buildTokenWithUid(a, c, "room-1", 42, agoratoken.Role_Publisher, int(time.time()) + 3600)
assert t6.startswith("006") and agoratoken.parse(t6).app_id == a
assert agoratoken.verify(t6, c, "room-1", 42) == "ok" and agoratoken.verify(t6, c, "room-1", 43) == "uid_mismatch"
PY
  pass python
}

part_node() {
  local d=$work/node
  mkdir -p "$d" && cd "$d"
  echo '{"name":"try-agoratoken","version":"1.0.0","private":true}' > package.json
  npm install --offline --no-audit --no-fund --loglevel=error \
    "$dist/npm/agoratoken-linux-x64-gnu-$version.tgz" "$dist/npm/agoratoken-$version.tgz"
  [ ! -e node_modules/agoratoken/agoratoken.node ] || { echo "test-dist[node]: the JS package carries the addon" >&2; return 1; }
  node - <<'JS'
const assert = require('node:assert');
const { RtcTokenBuilder, RtcRole, parse, verify } = require('agoratoken/v2');
const v1 = require('agoratoken');
const { APP_ID: a, CERT: c } = process.env;
const t7 = RtcTokenBuilder.buildTokenWithUid(a, c, 'room-1', 42, RtcRole.PUBLISHER, 3600, 3600);
assert.ok(t7.startsWith('007')); assert.equal(parse(t7).appId, a);
assert.equal(verify(t7, c, { channelName: 'room-1', uid: 42 }), 'ok');
assert.equal(verify(t7, c, { channelName: 'room-2', uid: 42 }), 'channel_mismatch');
const t6 = v1.RtcTokenBuilder.buildTokenWithUid(a, c, 'room-1', 42, v1.RtcRole.PUBLISHER, Math.floor(Date.now() / 1000) + 3600);
assert.ok(t6.startsWith('006')); assert.equal(v1.parse(t6).appId, a);
assert.equal(v1.verify(t6, c, 'room-1', 42), 'ok'); assert.equal(v1.verify(t6, c, 'room-1', 43), 'uid_mismatch');
assert.ok(require.resolve('agoratoken-linux-x64-gnu').includes('node_modules/agoratoken-linux-x64-gnu/'));
// The migration line of the README: npm's module names, CommonJS and ESM.
const { RtcTokenBuilder: Npm2, RtcRole: NpmRole } = require('agoratoken/agora-token');
const { AccessToken2 } = require('agoratoken/agora-token/src/AccessToken2');
const n7 = Npm2.buildTokenWithUid(a, c, 'room-1', '42', NpmRole.PUBLISHER, 3600, 3600);
const p = new AccessToken2('', '', 0, 0);
assert.ok(p.from_string(n7) && p.verifySignature(c), 'agoratoken/agora-token');
JS
  node --input-type=module - <<'JS'
import assert from 'node:assert';
import { RtcTokenBuilder, RtcRole } from 'agoratoken/agora-access-token';
const { APP_ID: a, CERT: c } = process.env;
const t = RtcTokenBuilder.buildTokenWithUid(a, c, 'room-1', 42, RtcRole.PUBLISHER, Math.floor(Date.now() / 1000) + 3600);
assert.ok(t.startsWith('006'), 'agoratoken/agora-access-token (ESM named import)');
JS
  pass node
}

part_go() {
  local d=$work/go
  mkdir -p "$d" && cd "$d"
  local mod
  mod=$(sed -n 's/^module //p' "$root/token-go/go.mod")
  export GOPROXY=file://$dist/goproxy GONOSUMDB=github.com/agoratoken GOFLAGS=-mod=mod GOMODCACHE=$d/modcache GOWORK=off
  go mod init example.com/try >/dev/null 2>&1
  go get "$mod@v$version"
  cat > main.go <<GO
package main

import (
	"fmt"
	"os"
	"time"

	agoratoken "$mod"
	"$mod/accesstoken2"
	"$mod/rtctokenbuilder2"
)

func must(ok bool, what string) {
	if !ok {
		fmt.Fprintln(os.Stderr, "test-dist[go]: failed:", what)
		os.Exit(1)
	}
}

func main() {
	a, c := os.Getenv("APP_ID"), os.Getenv("CERT")
	now := uint32(time.Now().Unix())
	t7, err := rtctokenbuilder2.BuildTokenWithUid(a, c, "room-1", 42, rtctokenbuilder2.RolePublisher, 3600, 3600)
	must(err == nil && t7[:3] == "007", "007 build")
	p := accesstoken2.CreateAccessToken()
	_, err = p.Parse(t7)
	must(err == nil && p.AppId == a, "007 parse")
	r, err := accesstoken2.VerifyWithUid(t7, c, "room-1", 42, now)
	must(err == nil && r == agoratoken.VerifyOK, "007 verify")
	r, _ = accesstoken2.VerifyWithUid(t7, c, "room-2", 42, now)
	must(r == agoratoken.VerifyChannelMismatch, "007 channel mismatch")
	t6, err := agoratoken.BuildTokenWithUID(a, c, "room-1", 42, agoratoken.RolePublisher, now+3600)
	must(err == nil && t6[:3] == "006", "006 build")
	info, err := agoratoken.Parse(t6)
	must(err == nil && info.AppID == a, "006 parse")
	r, err = agoratoken.VerifyWithUID(t6, a, c, "room-1", 42, now)
	must(err == nil && r == agoratoken.VerifyOK, "006 verify")
	fmt.Println("version", agoratoken.Version())
}
GO
  go build -o try . 2>&1
  ./try
  pass go
}

part_php() {
  local d=$work/php
  mkdir -p "$d" && cd "$d"
  cat > composer.json <<JSON
{
  "repositories": [{"type": "artifact", "url": "$dist/php"}, {"packagist.org": false}],
  "require": {"agoratoken/agoratoken": "$version"},
  "config": {"cache-dir": "$d/cache"}
}
JSON
  COMPOSER_HOME=$d/home composer install --no-interaction --quiet --no-dev
  unset AGORA_TOKEN_LIB
  php -d ffi.enable=1 -r '
require "vendor/autoload.php";
use AgoraToken\{RtcTokenBuilder, RtcTokenBuilder2, AccessToken2, Token, Library};
$a = getenv("APP_ID"); $c = getenv("CERT");
function must($ok, $what) { if (!$ok) { fwrite(STDERR, "test-dist[php]: failed: $what\n"); exit(1); } }
$t7 = RtcTokenBuilder2::buildTokenWithUid($a, $c, "room-1", 42, RtcTokenBuilder2::ROLE_PUBLISHER, 3600, 3600);
must(str_starts_with($t7, "007"), "007 build");
$t = new AccessToken2(); $t->parse($t7); must($t->appId === $a, "007 parse");
must(AccessToken2::verify($t7, $c, "room-1", 42) === "ok", "007 verify");
must(AccessToken2::verify($t7, $c, "room-2", 42) === "channel_mismatch", "007 mismatch");
$t6 = RtcTokenBuilder::buildTokenWithUid($a, $c, "room-1", 42, RtcTokenBuilder::RolePublisher, time() + 3600);
must(str_starts_with($t6, "006") && Token::parse($t6)->appID === $a, "006 build/parse");
must(Token::verify($t6, $c, "room-1", 42) === "ok", "006 verify");
must(str_starts_with(Library::loadedPath(), getcwd() . "/vendor/agoratoken/agoratoken/lib/"), "library from the package: " . Library::loadedPath());
'
  # The migration line of token-php/README.md: Agora's global names from the package.
  php -d ffi.enable=1 -r '
require "vendor/autoload.php";
require_once "vendor/agoratoken/agoratoken/aliases.php";
$a = getenv("APP_ID"); $c = getenv("CERT");
$t = \RtcTokenBuilder2::buildTokenWithUid($a, $c, "room-1", 42, \RtcTokenBuilder2::ROLE_PUBLISHER, 3600, 3600);
$p = new \AccessToken2();
if (!$p->parse($t) || !$p->verifySignature($c)) { fwrite(STDERR, "test-dist[php]: failed: aliases.php\n"); exit(1); }
'
  [ -f vendor/agoratoken/agoratoken/preload.php ] || { echo "test-dist[php]: failed: preload.php is not in the package" >&2; exit 1; }
  pass php
}

part_java() {
  local d=$work/java
  mkdir -p "$d/src" && cd "$d"
  cat > settings.xml <<XML
<settings>
  <localRepository>$d/m2</localRepository>
  <mirrors><mirror><id>plugins</id><mirrorOf>*,!agoratoken-dist</mirrorOf><url>file://$work/central</url></mirror></mirrors>
</settings>
XML
  cat > pom.xml <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId><artifactId>try</artifactId><version>1</version>
  <repositories><repository><id>agoratoken-dist</id><url>file://$dist/maven</url></repository></repositories>
  <dependencies>
    <dependency><groupId>io.agora.media</groupId><artifactId>agoratoken</artifactId><version>$version</version></dependency>
  </dependencies>
</project>
XML
  mvn -B -q -ntp -Dstyle.color=never -s settings.xml org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=cp.txt >/dev/null
  grep -q "$d/m2/io/agora/media/agoratoken/$version/agoratoken-$version.jar" cp.txt
  for classifier in sources javadoc; do
    mvn -B -q -ntp -Dstyle.color=never -s settings.xml org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
      -Dartifact="io.agora.media:agoratoken:$version:jar:$classifier" \
      -DremoteRepositories="agoratoken-dist::default::file://$dist/maven" >/dev/null
    [ -s "$d/m2/io/agora/media/agoratoken/$version/agoratoken-$version-$classifier.jar" ]
  done
  cat > src/Try.java <<'JAVA'
import io.agora.media.*;

public class Try {
    static void must(boolean ok, String what) {
        if (!ok) { System.err.println("test-dist[java]: failed: " + what); System.exit(1); }
    }
    public static void main(String[] args) {
        String a = System.getenv("APP_ID"), c = System.getenv("CERT");
        long now = System.currentTimeMillis() / 1000;
        String t7 = new RtcTokenBuilder2().buildTokenWithUid(a, c, "room-1", 42, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600);
        must(t7.startsWith("007") && AccessToken2.parseToken(t7).getAppId().equals(a), "007 build/parse");
        must(AccessToken2.verify(t7, c, "room-1", 42, now) == VerifyResult.OK, "007 verify");
        must(AccessToken2.verify(t7, c, "room-2", 42, now) == VerifyResult.CHANNEL_MISMATCH, "007 mismatch");
        String t6 = new RtcTokenBuilder().buildTokenWithUid(a, c, "room-1", 42, RtcTokenBuilder.Role.Role_Publisher, (int) (now + 3600));
        must(t6.startsWith("006") && AccessToken.parse(t6).getAppId().equals(a), "006 build/parse");
        must(AccessToken.verify(t6, c, "room-1", 42L, now) == VerifyResult.OK, "006 verify");
    }
}
JAVA
  javac -d classes -cp "$(cat cp.txt)" src/Try.java
  java -cp "classes:$(cat cp.txt)" Try
  pass java
}

# C and C++: the tarball unpacked into a prefix, as the README says.
c_prefix() {
  local p=$work/prefix
  if [ ! -d "$p" ]; then
    mkdir -p "$p"
    tar -xzf "$dist/c/agoratoken-$version-linux-x86_64.tar.gz" -C "$p" --strip-components=1
  fi
  echo "$p"
}

part_c() {
  local d=$work/c p
  p=$(c_prefix)
  mkdir -p "$d" && cd "$d"
  cat > try.c <<'C'
#include <agora_token.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#define MUST(x) do { if (!(x)) { fprintf(stderr, "test-dist[c]: failed: %s\n", #x); return 1; } } while (0)
int main(void) {
    const char *a = getenv("APP_ID"), *c = getenv("CERT");
    int64_t now = (int64_t)time(NULL);
    char out[1024]; size_t n = 0; agora_token_error e; int r = -1;
    agora_token_str chan = {"room-1", 6};
    int64_t ints[] = {42, AGORA_TOKEN2_ROLE_PUBLISHER, 3600, 3600};
    agora_token2_args args = {0};
    args.strs = &chan; args.str_count = 1; args.ints = ints; args.int_count = 4;
    MUST(agora_token2_build(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, a, 32, c, 32, &args, out, sizeof out, &n, &e) == AGORA_TOKEN_OK);
    MUST(n > 3 && memcmp(out, "007", 3) == 0);
    agora_token2_info *info = NULL;
    MUST(agora_token2_parse(out, n, &info, &e) == AGORA_TOKEN_OK && info->service_count == 1);
    agora_token2_info_free(info);
    agora_token2_expected x = {0};
    x.channel_name = chan; x.has_uid = 1; x.uid = 42;
    MUST(agora_token2_verify(out, n, c, 32, &x, now, &r, &e) == AGORA_TOKEN_OK && r == AGORA_TOKEN_VERIFY_OK);
    x.uid = 43;
    MUST(agora_token2_verify(out, n, c, 32, &x, now, &r, &e) == AGORA_TOKEN_OK && r == AGORA_TOKEN_VERIFY_UID_MISMATCH);
    char *t6 = NULL;
    MUST(agora_rtc_token_builder_build_token_with_uid(a, c, "room-1", 42, AGORA_TOKEN_ROLE_PUBLISHER, (uint32_t)now + 3600, &t6) == AGORA_TOKEN_OK);
    MUST(strncmp(t6, "006", 3) == 0);
    struct agora_token_info *i6 = NULL;
    MUST(agora_token_parse(t6, &i6) == AGORA_TOKEN_OK);
    agora_token_info_free(i6);
    MUST(agora_token_verify(t6, a, c, "room-1", 42, (uint32_t)now, &r) == AGORA_TOKEN_OK && r == AGORA_TOKEN_VERIFY_OK);
    agora_token_string_free(t6);
    printf("libagoratoken %s\n", agora_token_version());
    return 0;
}
C
  export PKG_CONFIG_PATH=$p/lib/pkgconfig
  # shellcheck disable=SC2046
  cc -std=c99 -Wall -Wextra -Werror try.c -o try $(pkg-config --cflags --libs agoratoken) \
    -Wl,-rpath,"$(pkg-config --variable=libdir agoratoken)"
  readelf -d try | grep -q 'NEEDED.*\[libagoratoken.so.0\]'
  env -u LD_LIBRARY_PATH ./try
  # shellcheck disable=SC2046
  cc -std=c99 -Wall -Wextra -Werror try.c -o try_static $(pkg-config --cflags agoratoken) "$p/lib/libagoratoken.a" \
    $(pkg-config --libs-only-other --static agoratoken) -lpthread -ldl -lm
  ./try_static >/dev/null
  pass c
}

part_cpp() {
  local d=$work/cpp p
  p=$(c_prefix)
  mkdir -p "$d" && cd "$d"
  cat > CMakeLists.txt <<'CMAKE'
cmake_minimum_required(VERSION 3.16)
project(try CXX)
set(CMAKE_CXX_STANDARD 17)
find_package(agoratoken 0.1 REQUIRED)
add_executable(try try.cpp)
target_link_libraries(try PRIVATE agoratoken::agoratoken)
CMAKE
  cat > try.cpp <<'CPP'
#include <agora_token.hpp>
#include <agoratoken/AccessToken2.h>
#include <cstdlib>
#include <ctime>
#include <iostream>
using namespace agora::tools;
#define MUST(x) do { if (!(x)) { std::cerr << "test-dist[cpp]: failed: " #x ": " << lastError() << "\n"; return 1; } } while (0)
int main() {
    const std::string a = std::getenv("APP_ID"), c = std::getenv("CERT");
    const int64_t now = std::time(nullptr);
    const std::string t7 = RtcTokenBuilder2::BuildTokenWithUid(a, c, "room-1", 42, UserRole::kRolePublisher, 3600, 3600);
    MUST(t7.rfind("007", 0) == 0);
    AccessToken2 t;
    MUST(t.FromString(t7) && t.VerifySignature(c) == kTokenVerifySuccess);  // Agora's AccessToken2 API
    MUST(verify2(t7, c, "room-1", 42u, now) == VerifyResult::Ok);
    MUST(verify2(t7, c, "room-2", 42u, now) == VerifyResult::ChannelMismatch);
    const std::string t6 = RtcTokenBuilder::buildTokenWithUid(a, c, "room-1", 42, Role_Publisher, static_cast<uint32_t>(now + 3600));
    MUST(t6.rfind("006", 0) == 0 && parse(t6) && parse(t6)->appId == a);
    MUST(verify(t6, c, "room-1", 42u, static_cast<uint32_t>(now)) == VerifyResult::Ok);
    std::cout << "libagoratoken " << version() << "\n";
}
CPP
  cmake -S . -B build -DCMAKE_PREFIX_PATH="$p" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build >/dev/null
  env -u LD_LIBRARY_PATH build/try
  pass cpp
}

for part in $parts; do "part_$part"; done
echo "test-dist: every artefact installed and checked ($parts)"
