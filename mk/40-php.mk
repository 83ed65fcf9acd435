# PHP binding (FFI over libagoratoken.so): token-php/ and examples/php/.
DEPS_TARGETS += deps-php
TEST_TARGETS += test-php
CONFORMANCE_TARGETS += conformance-php
BENCH_TARGETS += bench-php

# Debian's default ffi.enable=preload allows FFI in the CLI only; say it
# explicitly so that the same command works under every SAPI and php.ini
# (the examples' built-in server is the cli-server SAPI and needs it).
PHP_FFI := php -d ffi.enable=1
PHP_DIR := $(ROOT)/token-php

.PHONY: deps-php test-php conformance-php compat-reference-php bench-php

deps-php: ## PHP 8.2 CLI (with FFI) and PHPUnit 9 from Debian
	$(APT_INSTALL) php-cli phpunit

test-php: deps-php lib $(RANDFAIL_SO) ## token-php PHPUnit suite, failing-random check, then the examples/php HTTP endpoint test
	$(PHP_FFI) /usr/bin/phpunit --configuration $(PHP_DIR)/phpunit.xml
	@# PHP's FFI dlopens with RTLD_DEEPBIND, which would bind the library to the C library's
	@# getrandom: preloading libagoratoken.so too makes FFI reuse that copy, bound to the shim.
	$(RANDFAIL_ENV) LD_PRELOAD="$(RANDFAIL_SO) $(AGT_LIB_SO)" $(PHP_FFI) $(RANDFAIL_DIR)/check.php
	$(PHP_FFI) $(ROOT)/examples/php/test.php

conformance-php: deps-php lib ## the PHP conformance runner over tests/vectors (or AGORA_TOKEN_VECTORS)
	$(PHP_FFI) $(PHP_DIR)/tests/conformance.php

compat-reference-php: deps-php lib ## PHP: Agora's own php/test scripts from AGORA_TOOLS_DIR (a fetched AgoraIO/Tools; skipped without it) against the aliases, only the require lines changed
	$(PHP_FFI) $(PHP_DIR)/compat/run-reference.php

bench-php: deps-php lib ## ns/token: token-php (FFI) vs plain-PHP 006 builders (tuned; Agora-sample style) and a plain-PHP 007 builder
	@mkdir -p $(BENCH_DIR)
	$(PHP_FFI) $(PHP_DIR)/bench/bench.php $(BENCH_DIR)/php.tsv
