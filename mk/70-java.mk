# Java binding: the JNI crate (token-java/Cargo.toml, libagoratoken_java.so) beside the
# Maven project (token-java/pom.xml, packages io.agora.media, .rtm, .chat, .apaas, .education). Maven's repository lives in
# target/m2; after the first successful build resolved everything online, Maven runs offline
# (-o) for as long as pom.xml is older than the stamp target/m2/.agoratoken-resolved.
DEPS_TARGETS += deps-java
TEST_TARGETS += test-java
CONFORMANCE_TARGETS += conformance-java
BENCH_TARGETS += bench-java

.PHONY: deps-java test-java conformance-java bench-java memory-java java-lib java-classes compat-reference-java

JAVA_DIR := $(ROOT)/token-java
JAVA_M2 := $(ROOT)/target/m2
JAVA_RESOLVED := $(JAVA_M2)/.agoratoken-resolved
JAVA_NATIVE_DIR := $(if $(CARGO_TARGET_DIR),$(abspath $(CARGO_TARGET_DIR)),$(ROOT)/target)/release
JAVA_CP := $(JAVA_DIR)/target/classes:$(JAVA_DIR)/target/test-classes
# -o once everything was resolved for this pom.xml.
JAVA_OFFLINE = $$(if test $(JAVA_RESOLVED) -nt $(JAVA_DIR)/pom.xml; then echo -o; fi)
JAVA_MVN = mvn -B -ntp -Dstyle.color=never -f $(JAVA_DIR)/pom.xml -Dmaven.repo.local=$(JAVA_M2) \
	-Dcargo.skip=true -Dagoratoken.native.dir=$(JAVA_NATIVE_DIR) -Dagoratoken.root=$(ROOT) $(JAVA_OFFLINE)

deps-java: ## Java: JDK 17 and Maven if missing (apt), then Maven's plugins and JUnit into target/m2
	@command -v javac >/dev/null && command -v mvn >/dev/null || $(APT_INSTALL) openjdk-17-jdk-headless maven
	@mkdir -p $(JAVA_M2)
	@if ! test $(JAVA_RESOLVED) -nt $(JAVA_DIR)/pom.xml; then \
	  mvn -B -ntp -q -Dstyle.color=never -f $(JAVA_DIR)/pom.xml -Dmaven.repo.local=$(JAVA_M2) \
	    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline; fi

java-lib: ## Java: build the JNI library libagoratoken_java.so (cargo, release)
	$(CARGO) build --release -p agoratoken-java

java-classes: deps-java java-lib ## Java: compile main and test classes (library packed into target/classes)
	$(JAVA_MVN) -q test-compile

test-java: deps-java java-lib $(RANDFAIL_SO) ## Java: JUnit 5 suite via mvn package (jar with the native library inside), then the failing-random checks (006, 007) and the example on the jar
	$(JAVA_MVN) package
	@touch $(JAVA_RESOLVED)
	@jar=$$(ls $(JAVA_DIR)/target/agoratoken-*.jar | head -n 1); \
	  jar tf "$$jar" | grep -qx 'io/agora/media/native/linux-x86_64/libagoratoken_java.so' || \
	    { echo "test-java: $$jar lacks the native library" >&2; exit 1; }; \
	  want=$$(sed -n '/^\[workspace.package\]/,/^\[/s/^version *= *"\(.*\)"/\1/p' $(ROOT)/Cargo.toml); \
	  case "$$jar" in *agoratoken-$$want.jar) ;; *) echo "test-java: pom.xml version is not $$want" >&2; exit 1;; esac; \
	  echo "test-java: tests/random-failure/RandomFailureCheck.java on $$jar"; \
	  $(RANDFAIL_ENV) java -cp "$$jar" $(RANDFAIL_DIR)/RandomFailureCheck.java; \
	  echo "test-java: the 007 builders under the same failing random source"; \
	  $(RANDFAIL_ENV) java -cp "$$jar:$(JAVA_DIR)/target/test-classes" io.agora.media.RandomFailure007; \
	  echo "test-java: examples/java/TokenExample.java on $$jar"; \
	  cd $(JAVA_DIR)/target && java -cp "$$jar" $(ROOT)/examples/java/TokenExample.java room-1 2882341273

conformance-java: java-classes ## Java conformance runner over tests/vectors (or AGORA_TOKEN_VECTORS)
	java -cp $(JAVA_CP) -Dagoratoken.root=$(ROOT) io.agora.media.ConformanceRunner

bench-java: java-classes ## Java: ns/token of 006 and 007 builds vs plain Java (javax.crypto.Mac, java.util.zip.Deflater) in one JVM (target/bench/java.tsv)
	@mkdir -p $(BENCH_DIR)
	java -cp $(JAVA_CP) io.agora.media.Bench $(BENCH_DIR)/java.tsv

# Not part of `make test` (about 2 minutes): the suite runs a short version.
memory-java: java-classes ## Java: build 10 million 007 tokens (MEMORY_TOKENS=N) in a JVM with a fixed, pre-touched heap; print RSS at start and end
	java -Xms32m -Xmx32m -XX:+AlwaysPreTouch -cp $(JAVA_CP) io.agora.media.MemoryCheck $(or $(MEMORY_TOKENS),10000000)

# Not part of `make test`: needs a fetched AgoraIO/Tools (the vendor's tests never enter the repository).
compat-reference-java: ## Java: Agora's own JUnit tests from AGORA_TOOLS_DIR (a fetched AgoraIO/Tools) against the jar, run from a copy outside the repository; "skipped" when unset
	@if [ -z "$${AGORA_TOOLS_DIR:-}" ]; then echo "compat[java, reference]: skipped: AGORA_TOOLS_DIR not set"; exit 0; fi; \
	  $(MAKE) --no-print-directory deps-java java-lib && \
	  $(JAVA_MVN) -q package -Dmaven.test.skip=true && \
	  MAVEN_REPO=$(JAVA_M2) $(JAVA_DIR)/compat/run-reference.sh
