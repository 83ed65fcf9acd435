# Release artefacts (issue 17): `make dist` writes dist/ for linux x86_64,
# `make test-dist` installs each artefact the way its users do, outside the
# repository with target/ hidden, and mints, parses and verifies a 007 and a
# 006 token with it. Both run in `make test` (last: they reuse its builds).
DEPS_TARGETS += deps-dist
TEST_TARGETS += test-dist

.PHONY: deps-dist dist test-dist

DIST_DIR := $(ROOT)/dist

deps-dist: ## zip, binutils (strip, readelf) for make dist; composer + php-zip and util-linux (unshare) for make test-dist
	$(APT_INSTALL) zip unzip binutils util-linux composer php-zip

dist: deps-dist lib cli server $(PY_WHEEL_STAMP) node-addon deps-java java-lib ## dist/ for linux x86_64: wheel + sdist, npm tarballs, Go module proxy, Composer archive, Maven repo, C/C++ tarball, CLI + server, SHA256SUMS, README
	$(JAVA_MVN) -q -DskipTests package
	$(ROOT)/scripts/dist.sh $(ROOT) $(AGT_VERSION)
	@echo "dist: $$(grep -c . $(DIST_DIR)/SHA256SUMS) files in $(DIST_DIR) (see dist/README)"

test-dist: dist ## make dist, then install every artefact as its users do (temporary folders, target/ hidden) and mint, parse, verify 007 and 006 tokens
	$(ROOT)/scripts/test-dist.sh $(ROOT) $(AGT_VERSION)
