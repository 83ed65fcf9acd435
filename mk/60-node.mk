# Node.js binding: token-node (napi-rs addon, npm package "agoratoken") and examples/node.
DEPS_TARGETS += deps-node
TEST_TARGETS += test-node
CONFORMANCE_TARGETS += conformance-node
COMPAT_TARGETS += compat-node
TEST_TARGETS += compat-node
BENCH_TARGETS += bench-node

NODE_DIR := $(ROOT)/token-node
NODE_EXAMPLE_DIR := $(ROOT)/examples/node
# npm writes this file on every install: newer than the lock file = up to date.
NODE_STAMP := $(NODE_DIR)/node_modules/.package-lock.json
NODE_EXAMPLE_STAMP := $(NODE_EXAMPLE_DIR)/node_modules/.package-lock.json
NODE_NPM := npm --no-audit --no-fund --loglevel=error
# The napi-rs CLI runs cargo itself; only the addon's package is built.
NODE_NAPI_BUILD := npx --no-install napi build --release --package agoratoken-node --no-dts-header --dts ../target/agoratoken-node.d.ts

.PHONY: deps-node node-addon test-node conformance-node compat-node compat-reference-node bench-node memory-node

deps-node: $(NODE_STAMP) $(NODE_EXAMPLE_STAMP) ## Node.js: npm ci (napi-rs CLI 3, TypeScript, the npm peers for compat/bench)

$(NODE_STAMP): $(NODE_DIR)/package.json $(NODE_DIR)/package-lock.json
	@command -v npm >/dev/null || $(APT_INSTALL) nodejs npm
	cd $(NODE_DIR) && $(NODE_NPM) ci
	@touch $@

# The example depends on the package through "file:../../token-node" (a link).
$(NODE_EXAMPLE_STAMP): $(NODE_EXAMPLE_DIR)/package.json $(NODE_EXAMPLE_DIR)/package-lock.json
	@command -v npm >/dev/null || $(APT_INSTALL) nodejs npm
	cd $(NODE_EXAMPLE_DIR) && $(NODE_NPM) ci
	@touch $@

node-addon: deps-node ## Node.js: build token-node/agoratoken.node (release; cargo makes it incremental)
	cd $(NODE_DIR) && $(NODE_NAPI_BUILD)

test-node: node-addon $(RANDFAIL_SO) ## Node.js: node:test suites (006 and 007), failing-random check, tsc --noEmit typings check, example test
	cd $(NODE_DIR) && node --test __test__/*.test.mjs
	$(RANDFAIL_ENV) node $(RANDFAIL_DIR)/check.mjs $(NODE_DIR)/index.js
	$(RANDFAIL_ENV) node $(NODE_DIR)/__test__/random-failure-v2.mjs
	cd $(NODE_DIR) && npx --no-install tsc --noEmit -p __test__/tsconfig.json
	@echo "tsc --noEmit: typings OK"
	cd $(NODE_EXAMPLE_DIR) && node --test *.test.mjs

conformance-node: node-addon ## Node.js: the conformance runner token-node/__test__/conformance.mjs
	node $(NODE_DIR)/__test__/conformance.mjs

# The vendor's test files come from the devDependencies npm ci installed (lockfile, integrity
# checked); they are rewritten into a temporary folder outside the repository, never kept here.
compat-node: node-addon ## Node.js: Agora's own tests (npm agora-token, agora-access-token) against agoratoken/agora-token and agoratoken/agora-access-token, only the require lines changed
	node $(NODE_DIR)/__test__/agora-npm-compat.mjs

# Not part of `make test`: the test files of a fetched AgoraIO/Tools copy (AGORA_TOOLS_DIR, kept
# outside the repository), rewritten into a temporary folder; without AGORA_TOOLS_DIR it says so.
compat-reference-node: node-addon ## Node.js: Agora's GitHub test files (AGORA_TOOLS_DIR=<AgoraIO/Tools copy>) against agoratoken/agora-token, only the require lines changed
	node $(NODE_DIR)/__test__/agora-npm-compat.mjs --reference

bench-node: node-addon ## Node.js: buildTokenWithUid vs the npm builders, 006 (agora-access-token, agora-token) and 007 (agora-token)
	@mkdir -p $(BENCH_DIR)
	node $(NODE_DIR)/__test__/bench.mjs $(BENCH_DIR)/node.tsv

# Not part of `make test` (minutes): 10 million 007 tokens, RSS at start and end.
memory-node: node-addon ## Node.js: build 10 million 007 tokens and print RSS (MEMORY_TOKENS=N to change)
	node $(NODE_DIR)/__test__/memory.mjs $(or $(MEMORY_TOKENS),10000000)
