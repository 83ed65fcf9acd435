# token-core and the CLI.
TEST_TARGETS += check-readme test-rust
CONFORMANCE_TARGETS += conformance-rust
BENCH_TARGETS += bench-rust

.PHONY: test-rust conformance-rust bench-rust cli readme check-readme

test-rust: ## token-core and CLI: unit, property, doc and CLI tests; the CLI links no system zlib
	$(CARGO) test -p agoratoken-core -p agoratoken-fork -p agoratoken-cli --quiet
	@bin=$$($(CARGO) metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/agora-token; \
	  if ldd $$bin | grep -q 'libz\.'; then echo "agora-token links a system zlib:"; ldd $$bin; exit 1; fi; \
	  if nm -D $$bin | grep -qE ' T (deflate|inflate)'; then echo "agora-token exports zlib symbols"; exit 1; fi; \
	  echo "agora-token: zlib is built in statically and not exported"

conformance-rust: ## the Rust conformance runner over tests/vectors (or AGORA_TOKEN_VECTORS)
	$(CARGO) test -p agoratoken-core --quiet --test conformance

bench-rust: ## criterion: 006 and 007 build, parse and verify, each beside its floor in the same run
	$(CARGO) bench -p agoratoken-core --bench build -- --noplot
	@mkdir -p $(BENCH_DIR)
	python3 $(ROOT)/scripts/criterion-tsv.py "rust: builder" token006 build_token hmac_sha256_floor > $(BENCH_DIR)/rust.tsv
	python3 $(ROOT)/scripts/criterion-tsv.py "rust: one-shot RTC helper" token006 rtc_build_token_with_uid hmac_sha256_floor >> $(BENCH_DIR)/rust.tsv
	$(CARGO) bench -p agoratoken-core --bench token007 -- --noplot
	python3 $(ROOT)/scripts/criterion-tsv.py "rust: 006 parse vs base64 decode" token006_read parse floor_parse >> $(BENCH_DIR)/rust.tsv
	python3 $(ROOT)/scripts/criterion-tsv.py "rust: 006 verify vs parse + HMAC" token006_read verify parse+floor_hmac >> $(BENCH_DIR)/rust.tsv
	python3 $(ROOT)/scripts/criterion-tsv.py "rust: 007 RTC builder vs 3 HMACs + deflate" token007 build_rtc_publisher floor_build >> $(BENCH_DIR)/rust.tsv
	python3 $(ROOT)/scripts/criterion-tsv.py "rust: 007 parse vs base64 + inflate" token007 parse floor_parse >> $(BENCH_DIR)/rust.tsv
	python3 $(ROOT)/scripts/criterion-tsv.py "rust: 007 verify vs parse + 3 HMACs" token007 verify parse+floor_hmacs >> $(BENCH_DIR)/rust.tsv

cli: ## build the agora-token CLI (release)
	$(CARGO) build --release -p agoratoken-cli

readme: ## rewrite README.md's language sections from token-*/README.md
	python3 $(ROOT)/scripts/readme.py --write

check-readme: ## fail when README.md's language sections differ from token-*/README.md
	python3 $(ROOT)/scripts/readme.py --check

FUZZ_SECONDS ?= 60
FUZZ_TARGETS := parse006 parse007 parse_any inflate007
.PHONY: fuzz

fuzz: ## cargo-fuzz (nightly): every token-core target for FUZZ_SECONDS each, seeded from the vectors
	@command -v cargo-fuzz >/dev/null || $(CARGO) +nightly install cargo-fuzz --locked
	python3 $(ROOT)/scripts/fuzz-seeds.py $(ROOT)/tests/vectors $(ROOT)/token-core/fuzz/corpus
	cd $(ROOT)/token-core/fuzz && for t in $(FUZZ_TARGETS); do \
	  $(CARGO) +nightly fuzz run $$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 2>&1 \
	    | tee $(ROOT)/target/fuzz-$$t.log | grep -E '^(#[0-9]+ +DONE|Done|==[0-9]+==|.*panicked)' || true; \
	  grep -qE 'panicked|ERROR: libFuzzer|SUMMARY' $(ROOT)/target/fuzz-$$t.log && { echo "fuzz: $$t found a crash (token-core/fuzz/artifacts/$$t)"; exit 1; } || true; \
	done
	@echo "fuzz: no crash in $(FUZZ_TARGETS)"
