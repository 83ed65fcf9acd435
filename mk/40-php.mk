# PHP binding (FFI over libagoratoken.so): token-php/ and examples/php/.
DEPS_TARGETS += deps-php
TEST_TARGETS += test-php
CONFORMANCE_TARGETS += conformance-php

# FFI is off in the CLI unless asked for; every PHP run of ours enables it.
PHP_FFI := php -d ffi.enable=1
PHP_DIR := $(ROOT)/token-php

.PHONY: deps-php test-php conformance-php bench-php

deps-php: ## PHP 8.2 CLI (with FFI) and PHPUnit 9 from Debian
	$(APT_INSTALL) php-cli phpunit

test-php: deps-php lib ## PHPUnit suite of token-php, then the examples/php HTTP endpoint test
	$(PHP_FFI) /usr/bin/phpunit --configuration $(PHP_DIR)/phpunit.xml
	$(PHP_FFI) $(ROOT)/examples/php/test.php

conformance-php: deps-php lib ## the PHP conformance runner over tests/vectors (or AGORA_TOKEN_VECTORS)
	$(PHP_FFI) $(PHP_DIR)/tests/conformance.php

