# agoratoken: the one entry point for every language.
# Each binding adds its targets in mk/<binding>.mk and appends them to the
# lists below; `make help` lists every target that has a `## description`.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
CARGO ?= cargo
PREFIX ?= /usr/local
APT_INSTALL := $(ROOT)/scripts/apt-install.sh
BENCH_DIR := $(ROOT)/target/bench

# Filled by mk/*.mk, in the order the files sort in.
DEPS_TARGETS :=
TEST_TARGETS :=
CONFORMANCE_TARGETS :=
COMPAT_TARGETS :=
BENCH_TARGETS :=

.DEFAULT_GOAL := help
include $(sort $(wildcard $(ROOT)/mk/*.mk))

.PHONY: help test deps conformance compat bench

help: ## list the targets
	@grep -hE '^[a-zA-Z0-9_%-]+:.*## ' $(MAKEFILE_LIST) | sort -u | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  %-22s %s\n", $$1, $$2}'

deps: $(DEPS_TARGETS) ## install what a fresh Debian machine lacks

test: deps ## everything: install, build, unit suites, every conformance runner, sanitizers
	@$(MAKE) --no-print-directory $(TEST_TARGETS)
	@$(MAKE) --no-print-directory conformance
	@echo "make test: all suites passed"

conformance: $(CONFORMANCE_TARGETS) ## every binding's conformance runner (honours AGORA_TOKEN_VECTORS)

compat: $(COMPAT_TARGETS) ## Agora's own test files, as registries ship them, against the bindings with only their imports changed

COMPAT_REFERENCE_TARGETS := compat-reference-cpp compat-reference-go compat-reference-php compat-reference-python compat-reference-node compat-reference-java

.PHONY: compat-reference $(COMPAT_REFERENCE_TARGETS)
compat-reference: ## Agora's test files of all six languages from a fetched AgoraIO/Tools (AGORA_TOOLS_DIR; each says "skipped" without it), imports changed only
	@log=$$(mktemp); trap 'rm -f $$log' EXIT; \
	for t in $(COMPAT_REFERENCE_TARGETS); do $(MAKE) --no-print-directory $$t 2>&1 | tee -a $$log || exit 1; done; \
	echo "compat-reference: the summary line of each language:"; grep -E '^(compat\[|skipped)' $$log

bench: ## every benchmark, then one table of ratios
	@rm -rf $(BENCH_DIR) && mkdir -p $(BENCH_DIR)
	@$(MAKE) --no-print-directory $(BENCH_TARGETS)
	@python3 $(ROOT)/scripts/bench-table.py
