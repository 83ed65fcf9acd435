# The C ABI (token-capi: libagoratoken.{so,a} + include/agora_token.h) and the
# header-only C++ binding (include/agora_token.hpp and the reference-named
# include/agoratoken/*.h; tests, bench and the reference runner in token-cpp/).
DEPS_TARGETS += deps-c
TEST_TARGETS += test-c test-cpp sanitize
CONFORMANCE_TARGETS += conformance-c conformance-cpp
BENCH_TARGETS += bench-cpp

AGT_LIBDIR := $(ROOT)/target/release
AGT_LIB_A := $(AGT_LIBDIR)/libagoratoken.a
AGT_LIB_SO := $(AGT_LIBDIR)/libagoratoken.so
AGT_VERSION := $(shell sed -n '/^\[workspace.package\]/,/^\[/s/^version *= *"\([^"]*\)".*/\1/p' $(ROOT)/Cargo.toml)
AGT_C_OUT := $(ROOT)/target/c
AGT_CPP_OUT := $(ROOT)/target/cpp
AGT_SAN_OUT := $(ROOT)/target/sanitize
AGT_CFLAGS := -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -pedantic -I$(ROOT)/include \
	-DAGORA_TOKEN_EXPECTED_VERSION='"$(AGT_VERSION)"'
AGT_RUNNER_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -I$(ROOT)/include \
	-DAGORA_TOKEN_REPO_ROOT='"$(ROOT)"'
AGT_SYSLIBS := -lpthread -ldl -lm
AGT_SAN_FLAGS := -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
AGT_SAN_ENV := ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
AGT_CMAKE_ARGS := -DAGORATOKEN_LIBRARY=$(AGT_LIB_A) -DAGORATOKEN_VERSION=$(AGT_VERSION)

.PHONY: deps-c lib header test-c conformance-c cpp-build test-cpp conformance-cpp example-cpp \
	sanitize bench-cpp install compat-reference-cpp

deps-c: ## C/C++ toolchain, CMake, GoogleTest, json-c + nlohmann-json (runners), OpenSSL + zlib (bench peer, zlib clash test)
	$(APT_INSTALL) gcc g++ make cmake pkg-config libgtest-dev libjson-c-dev nlohmann-json3-dev libssl-dev zlib1g-dev

lib: ## build the release C library: target/release/libagoratoken.{so,a}
	$(CARGO) build --release -p agoratoken-capi
	@$(ROOT)/scripts/hide-zlib-symbols.sh $(AGT_LIB_A)
	@# The SONAME is libagoratoken.so.0: programs linked in the tree find it by that name.
	@ln -sf libagoratoken.so $(AGT_LIBDIR)/libagoratoken.so.0

header: ## regenerate include/agora_token.h and token-php/agora_token.ffi.h with cbindgen
	$(CARGO) run --quiet -p agoratoken-capi --example gen-header

test-c: deps-c lib $(RANDFAIL_SO) ## token-capi: cargo tests (incl. header drift check), C unit tests on the .a and the .so, failing-random check, README blocks compiled
	$(CARGO) test -p agoratoken-capi --quiet
	@mkdir -p $(AGT_C_OUT)
	cc $(AGT_CFLAGS) -O2 $(ROOT)/token-capi/tests/test_capi.c $(AGT_LIB_A) $(AGT_SYSLIBS) -o $(AGT_C_OUT)/test_capi_static
	cc $(AGT_CFLAGS) -O2 $(ROOT)/token-capi/tests/test_capi.c -L$(AGT_LIBDIR) -Wl,-rpath,$(AGT_LIBDIR) -lagoratoken \
		-o $(AGT_C_OUT)/test_capi_shared
	$(AGT_C_OUT)/test_capi_static
	$(AGT_C_OUT)/test_capi_shared
	cc $(AGT_CFLAGS) -O2 $(ROOT)/token-capi/tests/test_capi007.c $(AGT_LIB_A) $(AGT_SYSLIBS) -o $(AGT_C_OUT)/test_capi007_static
	cc $(AGT_CFLAGS) -O2 $(ROOT)/token-capi/tests/test_capi007.c -L$(AGT_LIBDIR) -Wl,-rpath,$(AGT_LIBDIR) -lagoratoken \
		-o $(AGT_C_OUT)/test_capi007_shared
	$(AGT_C_OUT)/test_capi007_static
	$(AGT_C_OUT)/test_capi007_shared
	@# No zlib symbol leaves the library: the .so exports agora_* only, the .a
	@# renames its zlib's, and a program with its own zlib keeps calling that one.
	@if nm -D --defined-only $(AGT_LIB_SO) | awk '{ print $$3 }' | grep -v '^agora_'; then \
	  echo "libagoratoken.so exports the symbols above" >&2; exit 1; fi
	@if nm -g --defined-only $(AGT_LIB_A) 2>/dev/null | awk 'NF == 3 { print $$3 }' | \
	  grep -xE 'deflate|inflate|crc32|adler32|compress|zlibVersion'; then \
	  echo "libagoratoken.a exposes the zlib symbols above" >&2; exit 1; fi
	@if ldd $(AGT_LIB_SO) | grep -w libz; then echo "libagoratoken.so links a system zlib" >&2; exit 1; fi
	cc $(AGT_CFLAGS) -O2 $(ROOT)/token-capi/tests/zlib_clash.c $(AGT_LIB_A) -lz $(AGT_SYSLIBS) -o $(AGT_C_OUT)/zlib_clash_shared_z
	cc $(AGT_CFLAGS) -O2 $(ROOT)/token-capi/tests/zlib_clash.c $(AGT_LIB_A) -Wl,-Bstatic -lz -Wl,-Bdynamic $(AGT_SYSLIBS) \
		-o $(AGT_C_OUT)/zlib_clash_static_z
	$(AGT_C_OUT)/zlib_clash_shared_z
	$(AGT_C_OUT)/zlib_clash_static_z
	cc $(AGT_CFLAGS) -O2 $(RANDFAIL_DIR)/check.c $(AGT_LIB_A) $(AGT_SYSLIBS) -o $(AGT_C_OUT)/randfail_check
	$(RANDFAIL_ENV) $(AGT_C_OUT)/randfail_check
	@# The header is plain C and C++: compile it alone as both, warnings as errors.
	echo '#include "agora_token.h"' | cc -x c -std=c99 -pedantic -Wall -Wextra -Werror -I$(ROOT)/include -fsyntax-only -
	echo '#include "agora_token.h"' | c++ -x c++ -std=c++17 -pedantic -Wall -Wextra -Werror -I$(ROOT)/include -fsyntax-only -
	python3 $(ROOT)/scripts/readme-snippets.py c $(ROOT)/token-capi/README.md $(ROOT)/include

conformance-c: deps-c lib ## the C conformance runner over tests/vectors (or AGORA_TOKEN_VECTORS)
	@mkdir -p $(AGT_C_OUT)
	cc $(AGT_RUNNER_CFLAGS) -O2 $(ROOT)/token-capi/tests/conformance.c $(AGT_LIB_A) -ljson-c $(AGT_SYSLIBS) \
		-o $(AGT_C_OUT)/conformance
	$(AGT_C_OUT)/conformance

cpp-build: deps-c lib ## configure and build token-cpp (GoogleTest suite, C++ runner, benchmark) in target/cpp
	cmake -S $(ROOT)/token-cpp -B $(AGT_CPP_OUT) -DCMAKE_BUILD_TYPE=Release $(AGT_CMAKE_ARGS) >/dev/null
	cmake --build $(AGT_CPP_OUT) -j2

test-cpp: cpp-build $(RANDFAIL_SO) ## the GoogleTest suite of the C++ binding, README blocks compiled, failing-random check, then the examples/cpp test (install + find_package)
	$(AGT_CPP_OUT)/agora_token_tests --gtest_brief=1
	python3 $(ROOT)/scripts/readme-snippets.py cpp $(ROOT)/token-cpp/README.md $(ROOT)/include
	c++ -std=c++17 -O2 -Wall -Wextra -Werror -I$(ROOT)/include $(RANDFAIL_DIR)/check.cpp $(AGT_LIB_A) $(AGT_SYSLIBS) \
		-o $(AGT_CPP_OUT)/randfail_check
	$(RANDFAIL_ENV) $(AGT_CPP_OUT)/randfail_check
	@out=$$(echo '#include <agoratoken/AccessToken2.h>' | c++ -std=c++14 -x c++ -fsyntax-only -I$(ROOT)/include - 2>&1 || true); \
	  echo "$$out" | grep -q 'needs C++17' || { echo "test-cpp: a C++14 build of <agoratoken/AccessToken2.h> does not say it needs C++17: $$out" >&2; exit 1; }
	$(MAKE) --no-print-directory example-cpp

conformance-cpp: cpp-build ## the C++ conformance runner over tests/vectors (or AGORA_TOKEN_VECTORS)
	$(AGT_CPP_OUT)/conformance_cpp

compat-reference-cpp: deps-c lib ## Agora's C++ GoogleTest files (AGORA_TOOLS_DIR: a fetched AgoraIO/Tools) against the headers, only their #include lines changed
	bash $(ROOT)/token-cpp/compat/run-reference.sh

example-cpp: lib ## install into target/cpp-prefix, then build and run examples/cpp against it
	$(MAKE) --no-print-directory install PREFIX=$(ROOT)/target/cpp-prefix
	$(ROOT)/examples/cpp/test.sh $(ROOT)/target/cpp-prefix $(ROOT)/target/cpp-example

sanitize: deps-c lib ## ASan + UBSan (leaks included): C unit tests, C runner, GoogleTest suite, C++ runner
	@mkdir -p $(AGT_SAN_OUT)
	cc $(AGT_CFLAGS) $(AGT_SAN_FLAGS) $(ROOT)/token-capi/tests/test_capi.c $(AGT_LIB_A) $(AGT_SYSLIBS) \
		-o $(AGT_SAN_OUT)/test_capi
	cc $(AGT_RUNNER_CFLAGS) $(AGT_SAN_FLAGS) $(ROOT)/token-capi/tests/conformance.c $(AGT_LIB_A) -ljson-c \
		$(AGT_SYSLIBS) -o $(AGT_SAN_OUT)/conformance_c
	cc $(AGT_CFLAGS) $(AGT_SAN_FLAGS) $(ROOT)/token-capi/tests/test_capi007.c $(AGT_LIB_A) $(AGT_SYSLIBS) \
		-o $(AGT_SAN_OUT)/test_capi007
	cmake -S $(ROOT)/token-cpp -B $(AGT_SAN_OUT)/cpp -DCMAKE_BUILD_TYPE=Debug -DAGORATOKEN_SANITIZE=ON \
		-DAGORATOKEN_BENCH=OFF $(AGT_CMAKE_ARGS) >/dev/null
	cmake --build $(AGT_SAN_OUT)/cpp -j2
	$(AGT_SAN_ENV) $(AGT_SAN_OUT)/test_capi
	$(AGT_SAN_ENV) $(AGT_SAN_OUT)/test_capi007
	$(AGT_SAN_ENV) $(AGT_SAN_OUT)/conformance_c
	$(AGT_SAN_ENV) $(AGT_SAN_OUT)/cpp/agora_token_tests --gtest_brief=1
	$(AGT_SAN_ENV) $(AGT_SAN_OUT)/cpp/conformance_cpp
	@echo "sanitize: no ASan/UBSan/LSan report"

bench-cpp: cpp-build ## ns/token: C++ wrapper vs token-core direct vs reference-style C++ builders (OpenSSL; 007: + zlib), the 007 floor
	@mkdir -p $(BENCH_DIR)
	$(CARGO) build --quiet --release -p agoratoken-capi --example bench-core
	@# Three alternating runs of both programs, the fastest of each row kept, so
	@# that load from other processes on a shared machine hits every row alike.
	@rm -f $(BENCH_DIR)/cpp.raw
	for i in 1 2 3; do $(AGT_CPP_OUT)/bench_cpp; $(ROOT)/target/release/examples/bench-core; done > $(BENCH_DIR)/cpp.raw
	@# Ours (the C++ wrapper) first in each group, then the others in first-seen order.
	awk -F'\t' -v OFS='\t' '{ k = $$1 FS $$2; if (!(k in best)) { order[n++] = k; best[k] = $$3 } \
	    else if ($$3 + 0 < best[k] + 0) best[k] = $$3 } \
	  END { for (pass = 0; pass < 2; pass++) for (i = 0; i < n; i++) { split(order[i], f, FS); \
	    ours = (f[2] == "agoratoken C++ wrapper"); if ((pass == 0) == ours) print f[1], f[2], best[order[i]] } }' \
	  $(BENCH_DIR)/cpp.raw | sort -s -t"$$(printf '\t')" -k1,1 > $(BENCH_DIR)/cpp.tsv
	@rm -f $(BENCH_DIR)/cpp.raw
	@cat $(BENCH_DIR)/cpp.tsv

install: lib ## install lib (.so/.a), headers, agoratoken.pc and the CMake package into PREFIX (default /usr/local)
	$(eval AGT_PREFIX := $(abspath $(PREFIX)))
	install -d $(AGT_PREFIX)/lib/pkgconfig $(AGT_PREFIX)/lib/cmake/agoratoken $(AGT_PREFIX)/include
	install -m 755 $(AGT_LIB_SO) $(AGT_PREFIX)/lib/libagoratoken.so.$(AGT_VERSION)
	ln -sf libagoratoken.so.$(AGT_VERSION) $(AGT_PREFIX)/lib/libagoratoken.so.0
	ln -sf libagoratoken.so.0 $(AGT_PREFIX)/lib/libagoratoken.so
	install -m 644 $(AGT_LIB_A) $(AGT_PREFIX)/lib/libagoratoken.a
	install -m 644 $(ROOT)/include/agora_token.h $(ROOT)/include/agora_token.hpp $(AGT_PREFIX)/include/
	install -d $(AGT_PREFIX)/include/agoratoken
	install -m 644 $(ROOT)/include/agoratoken/*.h $(AGT_PREFIX)/include/agoratoken/
	sed -e 's|@PREFIX@|$(AGT_PREFIX)|g' -e 's|@VERSION@|$(AGT_VERSION)|g' $(ROOT)/token-capi/agoratoken.pc.in \
		> $(AGT_PREFIX)/lib/pkgconfig/agoratoken.pc
	sed -e 's|@VERSION@|$(AGT_VERSION)|g' $(ROOT)/token-capi/cmake/agoratokenConfig.cmake.in \
		> $(AGT_PREFIX)/lib/cmake/agoratoken/agoratokenConfig.cmake
	sed -e 's|@VERSION@|$(AGT_VERSION)|g' $(ROOT)/token-capi/cmake/agoratokenConfigVersion.cmake.in \
		> $(AGT_PREFIX)/lib/cmake/agoratoken/agoratokenConfigVersion.cmake
	@echo "installed libagoratoken $(AGT_VERSION) into $(AGT_PREFIX)"
