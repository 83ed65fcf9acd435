# token-core and the CLI.
TEST_TARGETS += check-readme test-rust
CONFORMANCE_TARGETS += conformance-rust
BENCH_TARGETS += bench-rust

.PHONY: test-rust conformance-rust bench-rust cli readme check-readme

test-rust: ## token-core and CLI: unit, property, doc and CLI tests
	$(CARGO) test -p agoratoken-core -p agoratoken-fork -p agoratoken-cli --quiet

conformance-rust: ## the Rust conformance runner over tests/vectors (or AGORA_TOKEN_VECTORS)
	$(CARGO) test -p agoratoken-core --quiet --test conformance

bench-rust: ## criterion: build_token, parse, and the bare HMAC floor
	$(CARGO) bench -p agoratoken-core --bench build -- --noplot
	@mkdir -p $(BENCH_DIR)
	python3 $(ROOT)/scripts/criterion-tsv.py "rust: builder" token006 build_token hmac_sha256_floor > $(BENCH_DIR)/rust.tsv
	python3 $(ROOT)/scripts/criterion-tsv.py "rust: one-shot RTC helper" token006 rtc_build_token_with_uid hmac_sha256_floor >> $(BENCH_DIR)/rust.tsv
	python3 $(ROOT)/scripts/criterion-tsv.py "rust: read" token006 parse verify >> $(BENCH_DIR)/rust.tsv

cli: ## build the agora-token CLI (release)
	$(CARGO) build --release -p agoratoken-cli

readme: ## rewrite README.md's language sections from token-*/README.md
	python3 $(ROOT)/scripts/readme.py --write

check-readme: ## fail when README.md's language sections differ from token-*/README.md
	python3 $(ROOT)/scripts/readme.py --check
