# agora-token-server (token-server/): the token web service.
DEPS_TARGETS += deps-server
TEST_TARGETS += test-server
BENCH_TARGETS += bench-server

.PHONY: deps-server test-server compat-server bench-server server

deps-server: ## curl, openssl and kill (procps) for the token server's tests: README curl examples, RS256/ES256 test keys, SIGTERM
	$(APT_INSTALL) curl openssl procps

test-server: deps-server ## token server: unit tests, the real binary on 127.0.0.1 (routes, errors, auth, CORS, shutdown, OpenAPI), README curl examples
	$(CARGO) test -p agora-token-server --quiet

compat-server: ## token server vs AgoraIO-Community/agora-token-service: AGORA_GO_TOKEN_SERVICE=<its binary, built outside this repo> (skipped, and says so, without it)
	$(CARGO) test -p agora-token-server --quiet --test compat

bench-server: ## wrk on 127.0.0.1: token server vs the Go service (AGORA_GO_TOKEN_SERVICE), RTC route and /ping, BENCH_SECONDS each (default 5)
	$(APT_INSTALL) wrk
	@mkdir -p $(BENCH_DIR)
	BENCH_DIR=$(BENCH_DIR) $(CARGO) bench -p agora-token-server --bench load

server: ## build the agora-token-server binary (release)
	$(CARGO) build --release -p agora-token-server
