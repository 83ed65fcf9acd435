# The C ABI (token-capi: libagoratoken.{so,a} + include/agora_token.h) and the
# header-only C++ binding (include/agora_token.hpp, tests in token-cpp/).

LIB_DIR := $(ROOT)/target/release
CAPI_LIBS := $(LIB_DIR)/libagoratoken.so $(LIB_DIR)/libagoratoken.a

.PHONY: lib header

lib: ## build the release C library: target/release/libagoratoken.{so,a}
	$(CARGO) build --release -p agoratoken-capi

header: ## regenerate include/agora_token.h and token-php/agora_token.ffi.h with cbindgen
	$(CARGO) run --quiet -p agoratoken-capi --example gen-header
