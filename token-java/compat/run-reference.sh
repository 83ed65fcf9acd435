#!/usr/bin/env bash
# Runs Agora's own Java JUnit tests (AgoraIO/Tools, DynamicKey/AgoraDynamicKey/java/src/test) against
# this project's jar, from a copy in a temporary folder outside the repository (the vendor's files
# are never copied into the repository).
#
#   AGORA_TOOLS_DIR=/path/to/AgoraIO-Tools token-java/compat/run-reference.sh
#
# AGORA_TOOLS_DIR is a fetched AgoraIO/Tools tree (it holds DynamicKey/AgoraDynamicKey/java/...).
# Unset: says so and exits 0. AGORATOKEN_JAR: the jar to test (default token-java/target/agoratoken-*.jar,
# which `make compat-reference-java` builds). MAVEN_REPO: Maven's repository (default target/m2); JUnit
# at the version the reference's pom.xml names is resolved there by Maven (offline once present).
#
# What it does: copies the in-scope test files, rewrites their import/package lines (for Java there is
# nothing to rewrite: the reference's packages, io.agora.media, .rtm, .chat, .apaas, .education, are
# this library's; the script checks the copies are byte-identical), compiles them with compat/support
# (compile-only stand-ins for the reference's packing helpers Utils and ByteBuf, which the test files
# name; every method throws), runs each test method with compat/src/io/agora/compat/ReferenceRunner.java
# and classifies it against compat/known-differences.txt. Last line:
#   compat[java, reference]: N passed, M failed, D known differences, K skipped
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ -z "${AGORA_TOOLS_DIR:-}" ]; then
  echo "compat[java, reference]: skipped: AGORA_TOOLS_DIR not set"
  exit 0
fi
ref="$AGORA_TOOLS_DIR/DynamicKey/AgoraDynamicKey/java"
tests="$ref/src/test/java"
if [ ! -d "$tests/io/agora" ]; then
  echo "run-reference: $tests/io/agora not found (AGORA_TOOLS_DIR must hold DynamicKey/AgoraDynamicKey/java)" >&2
  exit 2
fi

jar=${AGORATOKEN_JAR:-$(ls "$root"/token-java/target/agoratoken-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -n 1 || true)}
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "run-reference: no agoratoken jar (run \`make compat-reference-java\`, or set AGORATOKEN_JAR)" >&2
  exit 2
fi
m2=${MAVEN_REPO:-$root/target/m2}

# In scope: the 006 and 007 API of AccessToken, AccessToken2 and the builders.
in_scope=(
  io/agora/media/AccessToken2Test.java
  io/agora/media/RtcTokenBuilder2Test.java
  io/agora/media/FpaTokenBuilderTest.java
  io/agora/rtm/RtmTokenBuilder2Test.java
  io/agora/chat/ChatTokenBuilder2Test.java
  io/agora/education/EducationTokenBuilder2Test.java
  io/agora/apaas/ApaasTokenBuilderTest.java
  io/agora/test/AccessTokenTest.java
  io/agora/test/RtmTokenBuilderTest.java
)
# Out of scope, with the reason; their test methods count as skipped.
declare -A out_of_scope=(
  [io/agora/media/LegacyCoverageTest.java]="DynamicKey 1-4, SignalingToken and DynamicKeyUtil (other formats) in the same file; its 006 RtcTokenBuilder role loop is covered by our ReferenceApiTest"
  [io/agora/sample/SampleCoverageTest.java]="runs the reference's sample programs (io.agora.sample.*, DynamicKey5, Verifier5, AccessTokenInspector), not library API"
  [io/agora/test/DynamicKey5Test.java]="DynamicKey5 (another format)"
  [io/agora/test/SignalingTokenTest.java]="SignalingToken (another format); the file has no @Test method, so JUnit runs nothing in it"
)

work=$(mktemp -d "${TMPDIR:-/tmp}/agoratoken-compat-java.XXXXXX")
trap 'rm -rf "$work"' EXIT
case "$work" in "$root"/*) echo "run-reference: the temporary folder is inside the repository" >&2; exit 2;; esac

# Every test file is either in scope or listed out of scope, so the lists stay true.
skipped=0
while IFS= read -r f; do
  rel=${f#"$tests"/}
  if printf '%s\n' "${in_scope[@]}" | grep -qx "$rel"; then continue; fi
  if [ -n "${out_of_scope[$rel]+x}" ]; then
    n=$(grep -c '@Test' "$f" || true)
    skipped=$((skipped + n))
    echo "skip  $rel ($n tests): ${out_of_scope[$rel]}"
    continue
  fi
  echo "run-reference: $rel is neither in scope nor listed out of scope" >&2
  exit 2
done < <(find "$tests" -name '*.java' | sort)

# Copy. The import/package lines need no rewrite in Java: Agora's packages are this library's
# (io.agora.media, io.agora.rtm, io.agora.chat, io.agora.apaas, io.agora.education), so the copies
# are the vendor's files byte for byte; the count below says so.
classes=()
changed=0
for rel in "${in_scope[@]}"; do
  mkdir -p "$work/src/$(dirname "$rel")"
  cp "$tests/$rel" "$work/src/$rel"
  changed=$((changed + $(diff "$tests/$rel" "$work/src/$rel" | grep -c '^>' || true)))
  classes+=("$(echo "${rel%.java}" | tr / .)")
done
echo "run-reference: ${#in_scope[@]} test files copied to $work/src; lines changed: $changed"

# JUnit at the reference's version, resolved by Maven into $m2 (offline once present), and our jar.
junit=$(sed -n 's:.*<junit.version>\(.*\)</junit.version>.*:\1:p' "$ref/pom.xml" | head -n 1)
junit=${junit:-4.12}
version=$(basename "$jar" .jar); version=${version#agoratoken-}
cat > "$work/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>compat</groupId>
  <artifactId>agora-reference-java</artifactId>
  <version>0</version>
  <dependencies>
    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>$junit</version></dependency>
    <dependency><groupId>io.agora.media</groupId><artifactId>agoratoken</artifactId><version>$version</version>
      <scope>system</scope><systemPath>$jar</systemPath></dependency>
  </dependencies>
</project>
EOF
mvn_cp() {
  mvn -B -q -ntp -Dstyle.color=never -f "$work/pom.xml" -Dmaven.repo.local="$m2" "$@" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$work/cp.txt" >"$work/mvn.log" 2>&1
}
if ! mvn_cp -o; then
  echo "run-reference: resolving junit:junit:$junit from Maven Central into $m2"
  mvn_cp || { cat "$work/mvn.log" >&2; exit 2; }
fi
cp=$(cat "$work/cp.txt")
echo "run-reference: JUnit $junit (the reference's pom.xml), jar $jar"

mkdir -p "$work/classes"
find "$here/support" "$here/src" "$work/src" -name '*.java' > "$work/sources.txt"
javac -nowarn -encoding UTF-8 -d "$work/classes" -cp "$cp" @"$work/sources.txt"

cd "$work"
java -cp "$work/classes:$cp" io.agora.compat.ReferenceRunner "$here/known-differences.txt" "$skipped" "${classes[@]}"
