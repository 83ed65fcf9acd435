#!/usr/bin/env bash
# Renames the symbols of the zlib that libz-sys builds into libagoratoken.a
# (deflate, inflate, crc32, ...) to agoratoken_zlib_<name>, in every member
# of the archive, so that a program linking libagoratoken.a and a zlib of its
# own (or another static library carrying one) gets no duplicate symbol and
# never calls the other copy by accident. libagoratoken.so exports only its
# agora_* functions already (rustc's version script). Idempotent: an archive
# without a global `deflate` is left alone. Usage: hide-zlib-symbols.sh LIB.a
set -euo pipefail
lib=$1
# The members compiled from zlib's sources: <hash>-deflate.o, <hash>-inflate.o, ...
zlib_members='-(adler32|compress|crc32|deflate|gzclose|gzlib|gzread|gzwrite|infback|inffast|inflate|inftrees|trees|uncompr|zutil)\.o:'
symbols=$(nm -A --defined-only "$lib" 2>/dev/null)
if ! grep -qE -e "${zlib_members}[0-9a-f]+ T deflate$" <<< "$symbols"; then
  exit 0
fi
map=$(mktemp)
out=$(mktemp --suffix=.a)
trap 'rm -f "$map" "$out"' EXIT
grep -E -e "$zlib_members" <<< "$symbols" | awk '$2 ~ /^[TDBRVW]$/ { print $3 }' |
  sort -u | awk '{ print $1, "agoratoken_zlib_" $1 }' > "$map"
objcopy --redefine-syms="$map" "$lib" "$out"
# A new file replaces the old one (which cargo may keep hard-linked in deps/).
chmod --reference="$lib" "$out"
mv -f "$out" "$lib"
trap 'rm -f "$map"' EXIT
echo "hide-zlib-symbols: renamed $(wc -l < "$map") zlib symbols in $lib"
