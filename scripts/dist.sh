#!/usr/bin/env bash
# Writes dist/: what a release publishes for linux x86_64, from the release
# builds `make dist` made first (see mk/90-dist.mk). Each part is laid out the
# way its ecosystem installs it; scripts/test-dist.sh installs each the same way.
# Usage: scripts/dist.sh <repo root> <version>
set -euo pipefail
root=$1
version=$2
rel=$root/target/release
dist=$root/dist
stage=$root/target/dist-stage
plat=linux-x86_64
rm -rf "$dist" "$stage"
mkdir -p "$dist" "$stage"

# C/C++: the install layout of `make install`, relocatable (pkg-config's
# ${pcfiledir}; the CMake package finds its prefix from its own path).
cdir=agoratoken-$version-$plat
make -s -C "$root" --no-print-directory install PREFIX="$stage/$cdir" >/dev/null 2>&1
sed -i 's|^prefix=.*|prefix=${pcfiledir}/../..|' "$stage/$cdir/lib/pkgconfig/agoratoken.pc"
strip --strip-unneeded "$stage/$cdir/lib/libagoratoken.so.$version"
readelf -d "$stage/$cdir/lib/libagoratoken.so.$version" | grep -q 'SONAME.*\[libagoratoken.so.0\]' ||
  { echo "dist: libagoratoken.so has no SONAME libagoratoken.so.0" >&2; exit 1; }
mkdir -p "$dist/c"
tar -C "$stage" --owner=0 --group=0 --numeric-owner --sort=name -czf "$dist/c/$cdir.tar.gz" "$cdir"

# The CLI and the token server, stripped.
mkdir -p "$dist/bin"
for b in agora-token agora-token-server; do
  strip -o "$dist/bin/$b-$version-$plat" "$rel/$b"
done

# Python: the abi3 wheel `make wheel-python` built, and an sdist.
mkdir -p "$dist/python"
cp "$root"/target/wheels-py/agoratoken-"$version"-*.whl "$dist/python/"
(cd "$root/token-py" && "$root/target/venv/bin/maturin" sdist --out "$dist/python" >/dev/null 2>&1) ||
  { echo "dist: maturin sdist failed" >&2; exit 1; }
# auditwheel: the wheel's manylinux tag is the one its symbols allow.
whl=$(ls "$dist"/python/agoratoken-"$version"-*.whl)
tag=$(basename "$whl" .whl | sed 's/.*-abi3-//')
"$root/target/venv/bin/auditwheel" show "$whl" 2>&1 | tr '\n' ' ' | grep -q "consistent with the following platform tag: \"$tag\"" ||
  { echo "dist: auditwheel does not accept $whl as $tag:" >&2; "$root/target/venv/bin/auditwheel" show "$whl" >&2; exit 1; }
# The extension links nothing beyond glibc: no system zlib, no libpython (abi3).
ext=$(mktemp -d)
python3 -m zipfile -e "$dist"/python/agoratoken-*.whl "$ext"
needed=$(readelf -d "$ext"/agoratoken/_agoratoken*.so | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p' | sort | tr '\n' ' ')
rm -rf "$ext"
for n in $needed; do
  case $n in libc.so.6|libm.so.6|libgcc_s.so.1|libpthread.so.0|libdl.so.2|ld-linux-x86-64.so.2) ;;
    *) echo "dist: the wheel's extension needs $n" >&2; exit 1;; esac
done

# Node: the JS package and the per-platform package holding the addon, wired
# through optionalDependencies the way napi-rs publishes.
mkdir -p "$dist/npm"
npkg=agoratoken-linux-x64-gnu
mkdir -p "$stage/npm/main" "$stage/npm/$npkg"
node - "$root/token-node" "$stage/npm" "$npkg" "$version" <<'JS'
const fs = require('node:fs'), path = require('node:path');
const [src, out, plat, version] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(src, 'package.json'), 'utf8'));
if (pkg.version !== version) throw new Error(`token-node/package.json is ${pkg.version}, not ${version}`);
for (const f of pkg.files) if (f !== 'agoratoken.node') fs.cpSync(path.join(src, f), path.join(out, 'main', f), { recursive: true });
fs.copyFileSync(path.join(src, 'README.md'), path.join(out, 'main', 'README.md'));
const main = { ...pkg, files: pkg.files.filter((f) => f !== 'agoratoken.node'), optionalDependencies: { [plat]: version } };
delete main.devDependencies; delete main.scripts; delete main.napi;
fs.writeFileSync(path.join(out, 'main', 'package.json'), JSON.stringify(main, null, 2) + '\n');
const node = `agoratoken.linux-x64-gnu.node`;
fs.copyFileSync(path.join(src, 'agoratoken.node'), path.join(out, plat, node));
fs.writeFileSync(path.join(out, plat, 'package.json'), JSON.stringify({
  name: plat, version, description: `The linux x64 (glibc) native addon of agoratoken ${version}`,
  license: pkg.license, main: node, files: [node], os: ['linux'], cpu: ['x64'], libc: ['glibc'],
  engines: pkg.engines,
}, null, 2) + '\n');
fs.writeFileSync(path.join(out, plat, 'README.md'), `The native addon of [agoratoken](https://www.npmjs.com/package/agoratoken) for linux x64 (glibc). Install \`agoratoken\`, not this.\n`);
JS
strip --strip-unneeded "$stage/npm/$npkg/agoratoken.linux-x64-gnu.node"
(cd "$stage/npm/main" && npm pack --silent --pack-destination "$dist/npm" >/dev/null)
(cd "$stage/npm/$npkg" && npm pack --silent --pack-destination "$dist/npm" >/dev/null)

# Java: jar (native library inside), sources and javadoc jars and the pom,
# in a Maven repository layout (dist/maven is usable as a file:// repository).
jdir=$root/token-java
jar=$jdir/target/agoratoken-$version.jar
jar tf "$jar" | grep -qx 'io/agora/media/native/linux-x86_64/libagoratoken_java.so' ||
  { echo "dist: $jar lacks the native library" >&2; exit 1; }
mkdir -p "$stage/java/doc"
(cd "$jdir/src/main/java" && jar --create --file "$stage/java/agoratoken-$version-sources.jar" .)
javadoc -quiet -Xdoclint:none -d "$stage/java/doc" -sourcepath "$jdir/src/main/java" -subpackages io.agora.media >/dev/null
jar --create --file "$stage/java/agoratoken-$version-javadoc.jar" -C "$stage/java/doc" .
m2=$dist/maven/io/agora/media/agoratoken
mkdir -p "$m2/$version"
sed -e '/<dependencies>/,/<\/dependencies>/d' -e '/<build>/,/<\/build>/d' "$jdir/pom.xml" > "$m2/$version/agoratoken-$version.pom"
cp "$jar" "$m2/$version/agoratoken-$version.jar"
cp "$stage/java/agoratoken-$version-sources.jar" "$stage/java/agoratoken-$version-javadoc.jar" "$m2/$version/"
cat > "$m2/maven-metadata.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<metadata>
  <groupId>io.agora.media</groupId>
  <artifactId>agoratoken</artifactId>
  <versioning>
    <latest>$version</latest>
    <release>$version</release>
    <versions>
      <version>$version</version>
    </versions>
    <lastUpdated>$(date -u +%Y%m%d%H%M%S)</lastUpdated>
  </versioning>
</metadata>
XML
for f in "$m2"/maven-metadata.xml "$m2/$version"/*; do
  sha1sum "$f" | cut -d' ' -f1 > "$f.sha1"
  md5sum "$f" | cut -d' ' -f1 > "$f.md5"
done

# PHP: a Composer package archive (for an "artifact" repository) with the
# library in lib/, where Library.php looks before any environment variable.
pdir=$stage/php/agoratoken
mkdir -p "$pdir/lib"
cp -r "$root/token-php/src" "$root/token-php/composer.json" "$root/token-php/agora_token.ffi.h" "$root/token-php/README.md" "$pdir/"
# autoload.php (no Composer), preload.php (PHP-FPM with ffi.enable=preload) and
# aliases.php (Agora's global class names) are documented entry points.
cp "$root/token-php/autoload.php" "$root/token-php/preload.php" "$root/token-php/aliases.php" "$pdir/"
cp "$stage/$cdir/lib/libagoratoken.so.$version" "$pdir/lib/libagoratoken.so"
mkdir -p "$dist/php"
(cd "$pdir" && zip -qr -X "$dist/php/agoratoken-agoratoken-$version-$plat.zip" .)

# Go: the module with the prebuilt static library under build/linux-amd64
# (cgo picks it by GOOS/GOARCH, as wasmtime-go ships build/<os>-<arch>/),
# served by a file-based module proxy: GOPROXY=file://$dist/goproxy.
gomod=$(sed -n 's/^module //p' "$root/token-go/go.mod")
gsrc=$stage/go/src
mkdir -p "$gsrc"
# The files git tracks, without the nested modules (bench, bench007) and the dynamic-link variant.
(cd "$root/token-go" && git ls-files | grep -vE '^(bench|bench007)/|^link_dynamic\.go$|\.test$' | tar -cf - -T -) | tar -C "$gsrc" -xf -
mkdir -p "$gsrc/build/linux-amd64" "$gsrc/build/include"
cp "$rel/libagoratoken.a" "$gsrc/build/linux-amd64/"
cp "$root/include/agora_token.h" "$gsrc/build/include/"
cat > "$gsrc/link_static.go" <<'GO'
//go:build linux && amd64

package agoratoken

// The published module links the prebuilt libagoratoken.a of its platform
// (build/<os>-<arch>/, written by `make dist`): no Rust, no `make lib`.

/*
#cgo linux,amd64 LDFLAGS: ${SRCDIR}/build/linux-amd64/libagoratoken.a -lm -ldl -lpthread
*/
import "C"
GO
sed -i 's|-I${SRCDIR}/../include |-I${SRCDIR}/build/include |' "$gsrc/cgo.go"
sed -i 's|-I${SRCDIR}/../../../include |-I${SRCDIR}/../../build/include |' "$gsrc/internal/token2/token2.go"
if grep -rn '#cgo.*\(target/release\|SRCDIR}/\.\./include\|SRCDIR}/\.\./\.\./\.\./include\)' "$gsrc" --include='*.go'; then
  echo "dist: the Go module still points into the repository (above)" >&2; exit 1
fi
gov=v$version
gp=$dist/goproxy/$gomod/@v
mkdir -p "$gp"
python3 - "$gsrc" "$gp/$gov.zip" "$gomod@$gov" <<'PY'
import os, sys, zipfile
src, out, prefix = sys.argv[1:]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for d, dirs, files in os.walk(src):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            info = zipfile.ZipInfo(prefix + '/' + os.path.relpath(p, src), (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(p, 'rb') as fh:
                z.writestr(info, fh.read())
PY
cp "$gsrc/go.mod" "$gp/$gov.mod"
printf '{"Version":"%s","Time":"%s"}\n' "$gov" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$gp/$gov.info"
echo "$gov" > "$gp/list"

# The checksums of every published file (the Maven and Go proxy metadata aside).
(cd "$dist" && find . -type f ! -name SHA256SUMS ! -name README ! -name '*.sha1' ! -name '*.md5' \
  ! -name maven-metadata.xml ! -name list ! -name '*.info' ! -name '*.mod' | sort | sed 's|^\./||' |
  xargs sha256sum > SHA256SUMS)


{
  cat <<TXT
agoratoken $version release artefacts for $plat (written by \`make dist\`;
\`make test-dist\` installs each one as below and checks 007 and 006 tokens).
Checksums: SHA256SUMS (\`sha256sum -c SHA256SUMS\`).

python/   pip install agoratoken-$version-*.whl     (abi3: CPython 3.9+; no system zlib)
          agoratoken-$version.tar.gz                 sdist (builds with Rust + maturin)
npm/      npm install agoratoken-linux-x64-gnu-$version.tgz agoratoken-$version.tgz
          (agoratoken names agoratoken-linux-x64-gnu in optionalDependencies, as napi-rs publishes)
goproxy/  GOPROXY=file://<this dir>/goproxy GONOSUMDB=github.com/agoratoken go get $gomod@v$version
          (the module zip carries build/linux-amd64/libagoratoken.a; cgo, no Rust)
php/      composer: {"repositories": [{"type": "artifact", "url": "<this dir>/php"}]},
          composer require agoratoken/agoratoken:$version   (libagoratoken.so is in the package's lib/)
maven/    a Maven repository (file://<this dir>/maven): io.agora.media:agoratoken:$version
          (jar with the JNI library inside, -sources.jar, -javadoc.jar, pom)
c/        $cdir.tar.gz: lib/libagoratoken.so.$version (SONAME libagoratoken.so.0), libagoratoken.a,
          include/agora_token.h + agora_token.hpp, include/agoratoken/*.h (Agora's C++ header
          names: #include <agoratoken/AccessToken2.h>), lib/pkgconfig/agoratoken.pc (relocatable),
          lib/cmake/agoratoken (find_package(agoratoken)); tar -xzf it into a prefix with --strip-components=1
bin/      agora-token-$version-$plat (CLI), agora-token-server-$version-$plat (token server), stripped

Files:
TXT
  sed 's/^[0-9a-f]*  /  /' "$dist/SHA256SUMS"
} > "$dist/README"
rm -rf "$stage"
