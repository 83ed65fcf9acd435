# Go binding (cgo, static link of libagoratoken.a): token-go/ and examples/go/.
DEPS_TARGETS += deps-go
TEST_TARGETS += test-go
CONFORMANCE_TARGETS += conformance-go
BENCH_TARGETS += bench-go

GO ?= go
GO_MIN := 1.24
GO_DIR := $(ROOT)/token-go
GO_EXAMPLE_DIR := $(ROOT)/examples/go
GO_BENCHTIME ?= 1s
# Go's build cache does not hash a library named in #cgo LDFLAGS: the
# library's checksum in CGO_CFLAGS makes a rebuilt libagoratoken.a relink
# every test binary.
GO_ENV = CGO_ENABLED=1 GOFLAGS=-buildvcs=false \
  CGO_CFLAGS="-O2 -g -DAGORATOKEN_LIB_SUM=$$(cksum < $(ROOT)/target/release/libagoratoken.a | cut -d' ' -f1)"
# The C shims of cgo.go under ASan (go test -asan) and UBSan, as make sanitize
# does for C and C++.
GO_SAN_ENV = CGO_ENABLED=1 GOFLAGS=-buildvcs=false CGO_LDFLAGS="-fsanitize=undefined" \
  CGO_CFLAGS="-O1 -g -fsanitize=undefined -fno-sanitize-recover=all -DAGORATOKEN_LIB_SUM=$$(cksum < $(ROOT)/target/release/libagoratoken.a | cut -d' ' -f1)"

.PHONY: deps-go test-go conformance-go compat-reference-go bench-go

deps-go: ## the C compiler for cgo (Debian gcc), and a check that Go >= 1.24 is on PATH
	$(APT_INSTALL) gcc libc6-dev
	@command -v $(GO) >/dev/null || { echo "deps-go: Go $(GO_MIN) or newer must be on PATH" >&2; exit 1; }
	@v=$$($(GO) env GOVERSION | sed 's/^go//'); \
	  [ "$$(printf '%s\n%s\n' "$(GO_MIN)" "$$v" | sort -V | head -n1)" = "$(GO_MIN)" ] || \
	  { echo "deps-go: Go $$v is older than $(GO_MIN)" >&2; exit 1; }

test-go: deps-go lib $(RANDFAIL_SO) ## Go: gofmt, go vet, go test -race (token-go incl. runner tests), ASan+UBSan, .so link check, failing-random check, examples/go endpoint test
	@unformatted=$$(cd $(ROOT) && gofmt -l token-go examples/go); \
	  [ -z "$$unformatted" ] || { echo "gofmt needed: $$unformatted" >&2; exit 1; }
	cd $(GO_DIR) && $(GO_ENV) $(GO) vet ./...
	cd $(GO_DIR) && $(GO_ENV) $(GO) test -race -count=1 ./...
	cd $(GO_DIR) && $(GO_SAN_ENV) $(GO) test -asan -count=1 . ./accesstoken2
	cd $(GO_DIR) && $(GO_ENV) $(GO) test -tags agoratoken_dynamic -count=1 -run 'ReferenceVectors|Version|Verify' .
	@mkdir -p $(ROOT)/target/go
	cd $(GO_DIR) && $(GO_ENV) $(GO) test -c -o $(ROOT)/target/go/agoratoken.test .
	$(RANDFAIL_ENV) $(ROOT)/target/go/agoratoken.test -test.count=1 -test.v -test.run '^TestRandomSourceFailure$$'
	cd $(GO_EXAMPLE_DIR) && $(GO_ENV) $(GO) vet ./...
	cd $(GO_EXAMPLE_DIR) && $(GO_ENV) $(GO) test -race -count=1 ./...

conformance-go: deps-go lib ## the Go conformance runner over tests/vectors (or AGORA_TOKEN_VECTORS)
	@mkdir -p $(ROOT)/target/go
	cd $(GO_DIR) && $(GO_ENV) $(GO) build -o $(ROOT)/target/go/conformance ./cmd/conformance
	$(ROOT)/target/go/conformance

# Not part of `make test`: Agora's Go test files from a fetched AgoraIO/Tools copy (AGORA_TOOLS_DIR,
# kept outside the repository), rewritten into a temporary module; without AGORA_TOOLS_DIR it says so.
compat-reference-go: deps-go lib ## Go: Agora's GitHub *_test.go files (AGORA_TOOLS_DIR=<AgoraIO/Tools copy>) against the reference-named packages, only package/import lines changed
	@mkdir -p $(ROOT)/target/go
	cd $(GO_DIR) && $(GO_ENV) $(GO) build -o $(ROOT)/target/go/compat-reference ./cmd/compat-reference
	$(GO_ENV) $(ROOT)/target/go/compat-reference

bench-go: deps-go lib ## go test -bench: ns/op and allocs, ours vs github.com/AgoraIO-Community/go-tokenbuilder v1.0.0 (006), v1.3.0 (007)
	@mkdir -p $(BENCH_DIR)
	cd $(GO_DIR)/bench && $(GO_ENV) $(GO) vet ./...
	cd $(GO_DIR)/bench && $(GO_ENV) $(GO) test -count=1 -run '^TestSameTokens$$' -bench . -benchmem \
	  -benchtime $(GO_BENCHTIME) > $(BENCH_DIR)/go-bench.txt || { cat $(BENCH_DIR)/go-bench.txt; exit 1; }
	@awk -f $(GO_DIR)/bench/tsv.awk $(BENCH_DIR)/go-bench.txt > $(BENCH_DIR)/go.tsv
	cd $(GO_DIR)/bench007 && $(GO_ENV) $(GO) vet ./...
	cd $(GO_DIR)/bench007 && $(GO_ENV) $(GO) test -count=1 -run '^TestSameContent$$' -bench . -benchmem \
	  -benchtime $(GO_BENCHTIME) > $(BENCH_DIR)/go007-bench.txt || { cat $(BENCH_DIR)/go007-bench.txt; exit 1; }
	@awk -v peer="AgoraIO-Community/go-tokenbuilder v1.3.0 (007)" -f $(GO_DIR)/bench/tsv.awk \
	  $(BENCH_DIR)/go007-bench.txt > $(BENCH_DIR)/go007.tsv
	@awk -F'\t' '{ if (!($$1 in ours)) ours[$$1] = $$3; \
	  printf "  %-44s %-48s %9.1f ns/op %6d allocs/op  %6.2fx\n", $$1, $$2, $$3, $$4, $$3 / ours[$$1] }' \
	  $(BENCH_DIR)/go.tsv $(BENCH_DIR)/go007.tsv
