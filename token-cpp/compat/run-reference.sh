#!/usr/bin/env bash
# Runs Agora's own C++ GoogleTest files (AgoraIO/Tools,
# DynamicKey/AgoraDynamicKey/cpp/test) against this project's C++ headers,
# with only their #include lines changed.
#
#   AGORA_TOOLS_DIR=/path/to/a/fetched/AgoraIO-Tools token-cpp/compat/run-reference.sh
#
# The in-scope test files are copied to a temporary folder outside the
# repository; there each `#include "../src/X.h"` becomes
# `#include <agoratoken/X.h>` (the reference's md5 helper, used by one test
# to compute an expected value, is included and compiled from the fetched
# copy, as Agora's own CMakeLists does). Nothing else in a file changes: the
# script checks that every changed line is an #include line. Each file is
# compiled (C++17, against include/ and target/release/libagoratoken.a, with
# GoogleTest; -lz because the tests call zlib's crc32 themselves) and run on
# its own.
#
# Out of scope (not run): DynamicKey_test, DynamicKey2..5_test (other token
# formats) and the md5 helper's own code.
#
# Known differences (tests expected to fail, each with its reason in
# KNOWN below and in token-cpp/README.md) are counted apart; one that passes
# is a failure, so that the list stays true.
#
# Last line: compat[cpp, reference]: N passed, M failed, D known differences, K skipped
# Exit status non-zero when M > 0 or N = 0. Without AGORA_TOOLS_DIR it says
# so and exits 0.
set -euo pipefail

if [ -z "${AGORA_TOOLS_DIR:-}" ]; then
    echo "skipped: AGORA_TOOLS_DIR not set"
    echo "compat[cpp, reference]: 0 passed, 0 failed, 0 known differences, 0 skipped"
    exit 0
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REF="$AGORA_TOOLS_DIR/DynamicKey/AgoraDynamicKey/cpp"
if [ ! -d "$REF/test" ] || [ ! -d "$REF/src" ]; then
    echo "run-reference: no $REF/test or $REF/src (AGORA_TOOLS_DIR is a fetched AgoraIO/Tools copy)" >&2
    exit 2
fi
LIB="$ROOT/target/release/libagoratoken.a"
if [ ! -f "$LIB" ]; then
    echo "run-reference: $LIB is missing (make lib)" >&2
    exit 2
fi
CXX="${CXX:-c++}"

IN_SCOPE="AccessToken_test AccessToken2_test RtcTokenBuilder_test RtcTokenBuilder2_test RtmTokenBuilder_test
RtmTokenBuilder2_test ChatTokenBuilder2_test FpaTokenBuilder_test ApaasTokenBuilder_test EducationTokenBuilder2_test"

# Known differences: "Suite.Test<TAB>reason", one per line (none today).
KNOWN=""

WORK="$(mktemp -d "${TMPDIR:-/tmp}/agoratoken-cpp-reference.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
case "$WORK" in "$ROOT"/*) echo "run-reference: $WORK is inside the repository" >&2; exit 2 ;; esac
printf '%s\n' "$KNOWN" > "$WORK/known.tsv"

total_pass=0 total_fail=0 total_known=0 total_skip=0
# The other test files are out of scope (DynamicKey 1-5: other formats): each
# counts as one skipped file, as the other languages' runners count them.
for src in "$REF"/test/*_test.cpp; do
    name=$(basename "$src" .cpp)
    case " $(echo $IN_SCOPE) " in *" $name "*) continue ;; esac
    echo "skip $name: out of scope (another token format)"
    total_skip=$((total_skip + 1))
done
for name in $IN_SCOPE; do
    src="$REF/test/$name.cpp"
    if [ ! -f "$src" ]; then
        echo "$name: not in this copy of the reference (nothing to run)"
        continue
    fi
    copy="$WORK/$name.cpp"
    sed -E \
        -e "s|^([[:space:]]*#[[:space:]]*include[[:space:]]*)\"(\.\./src/)?md5/md5\.h\"|\1\"$REF/src/md5/md5.h\"|" \
        -e 's|^([[:space:]]*#[[:space:]]*include[[:space:]]*)"(\.\./src/)?([A-Za-z0-9]+)\.h"|\1<agoratoken/\3.h>|' \
        "$src" > "$copy"
    # Only #include lines may differ.
    changed=$(diff "$src" "$copy" | grep -E '^[<>]' | grep -vE '^[<>][[:space:]]*#[[:space:]]*include' || true)
    if [ -n "$changed" ]; then
        echo "$name: the rewrite changed a line that is not an #include:" >&2
        echo "$changed" >&2
        exit 2
    fi
    extra=()
    if grep -q 'md5/md5\.h' "$copy"; then extra+=("$REF/src/md5/md5.cpp"); fi
    if ! "$CXX" -std=c++17 -O1 -w -I"$ROOT/include" "$copy" "${extra[@]}" "$LIB" -lgtest -lgtest_main -lz \
        -lpthread -ldl -lm -o "$WORK/$name" 2> "$WORK/$name.compile.log"; then
        echo "$name: FAILED TO COMPILE"
        sed -n '1,40p' "$WORK/$name.compile.log"
        total_fail=$((total_fail + 1))
        continue
    fi
    "$WORK/$name" --gtest_output="json:$WORK/$name.json" > "$WORK/$name.log" 2>&1 || true
    if [ ! -f "$WORK/$name.json" ]; then
        echo "$name: CRASHED (no result file)"
        tail -n 20 "$WORK/$name.log"
        total_fail=$((total_fail + 1))
        continue
    fi
    read -r p f k s < <(python3 - "$WORK/$name.json" "$WORK/known.tsv" "$name" "$WORK/$name.log" <<'PY'
import json, sys
report, known_file, name, log = sys.argv[1:5]
known = {}
for line in open(known_file):
    line = line.rstrip("\n")
    if line:
        test, _, reason = line.partition("\t")
        known[test] = reason
p = f = k = s = 0
for suite in json.load(open(report)).get("testsuites", []):
    for case in suite.get("testsuite", []):
        full = "%s.%s" % (suite["name"], case["name"])
        if case.get("result") == "SKIPPED" or case.get("status") == "NOTRUN":
            s += 1
            print("  skipped  %s" % full, file=sys.stderr)
            continue
        failed = bool(case.get("failures"))
        if full in known:
            if failed:
                k += 1
                print("  known    %s: %s" % (full, known[full]), file=sys.stderr)
            else:
                f += 1
                print("  FAILED   %s: listed as a known difference but passes (update the list)" % full,
                      file=sys.stderr)
        elif failed:
            f += 1
            print("  FAILED   %s" % full, file=sys.stderr)
            for x in case["failures"]:
                print("    " + x.get("failure", "").replace("\n", "\n    "), file=sys.stderr)
        else:
            p += 1
print(p, f, k, s)
PY
)
    echo "$name: $p passed, $f failed, $k known differences, $s skipped"
    total_pass=$((total_pass + p)) total_fail=$((total_fail + f))
    total_known=$((total_known + k)) total_skip=$((total_skip + s))
done

echo "compat[cpp, reference]: $total_pass passed, $total_fail failed, $total_known known differences, $total_skip skipped"
[ "$total_fail" -eq 0 ] && [ "$total_pass" -gt 0 ]
