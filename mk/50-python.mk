# Python binding (pyo3 abi3 wheel, import name `agoratoken`): token-py/ and examples/python/.
DEPS_TARGETS += deps-python
TEST_TARGETS += test-python
CONFORMANCE_TARGETS += conformance-python
BENCH_TARGETS += bench-python

PY_BASE ?= python3
PY_DIR := $(ROOT)/token-py
PY_VENV := $(ROOT)/target/venv
PY := $(PY_VENV)/bin/python
PY_WHEELS := $(ROOT)/target/wheels-py
PY_DEPS_STAMP := $(PY_VENV)/.agoratoken-deps

.PHONY: deps-python wheel-python test-python conformance-python bench-python compat-reference-python

deps-python: $(PY_DEPS_STAMP) ## Python: a venv in target/venv with maturin, pytest, mypy, agora-token-builder and agoraiotools (PyPI)

# Debian's python3 ships venv/ensurepip in a separate package.
$(PY_DEPS_STAMP): $(PY_DIR)/requirements-dev.txt
	@$(PY_BASE) -c 'import ensurepip, venv' 2>/dev/null || $(APT_INSTALL) python3-venv
	$(PY_BASE) -m venv $(PY_VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r $(PY_DIR)/requirements-dev.txt
	@touch $@

# Rebuilt only when a source of the wheel changed (maturin reuses the workspace target/);
# the wheel is then reinstalled so the venv holds what was just built.
PY_WHEEL_STAMP := $(PY_VENV)/.agoratoken-wheel
PY_WHEEL_SOURCES := $(wildcard $(PY_DIR)/src/*.rs $(PY_DIR)/python/agoratoken/*.py* $(PY_DIR)/python/agoratoken/reference/*.py) \
  $(PY_DIR)/python/agoratoken/py.typed \
  $(PY_DIR)/Cargo.toml $(PY_DIR)/pyproject.toml $(PY_DIR)/README.md \
  $(wildcard $(ROOT)/token-core/src/*.rs) $(ROOT)/token-core/Cargo.toml $(ROOT)/Cargo.toml $(ROOT)/Cargo.lock

wheel-python: $(PY_WHEEL_STAMP) ## build the agoratoken wheel (maturin, release) and install it into target/venv

$(PY_WHEEL_STAMP): $(PY_DEPS_STAMP) $(PY_WHEEL_SOURCES)
	@rm -f $(PY_WHEELS)/agoratoken-*.whl
	cd $(PY_DIR) && $(PY_VENV)/bin/maturin build --release --quiet --out $(PY_WHEELS)
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --force-reinstall $(PY_WHEELS)/agoratoken-*.whl
	@touch $@

test-python: $(PY_WHEEL_STAMP) $(RANDFAIL_SO) ## pytest of token-py (+ compatibility with agora-token-builder and agoraiotools), failing-random check, the example's test, stubtest, mypy --strict
	cd $(PY_DIR) && $(PY) -m pytest -q -p no:cacheprovider tests
	$(RANDFAIL_ENV) $(PY) $(RANDFAIL_DIR)/check.py
	cd $(ROOT)/examples/python && $(PY) -m pytest -q -p no:cacheprovider test_server.py
	cd $(ROOT)/target && $(PY) -m mypy.stubtest agoratoken --allowlist $(PY_DIR)/stubtest-allowlist.txt
	$(PY) -m mypy --strict --cache-dir=/dev/null $(ROOT)/examples/python/server.py $(PY_DIR)/tests/conformance.py \
	  $(PY_DIR)/compat/run_reference.py
	cd $(ROOT)/target && $(PY) -m mypy --strict --cache-dir=/dev/null -p agoratoken.reference

conformance-python: $(PY_WHEEL_STAMP) ## the Python conformance runner over tests/vectors (or AGORA_TOKEN_VECTORS)
	$(PY) $(PY_DIR)/tests/conformance.py

bench-python: $(PY_WHEEL_STAMP) ## ns/token: agoratoken vs agora-token-builder (006) and agoraiotools (007, PyPI), same run
	@mkdir -p $(BENCH_DIR)
	$(PY) $(PY_DIR)/bench/bench.py $(BENCH_DIR)/python.tsv

# Agora's own test files (AgoraIO/Tools, DynamicKey/AgoraDynamicKey/python3/test and python/test),
# copied outside the repository with only their imports changed; not part of `make test`.
compat-reference-python: $(PY_WHEEL_STAMP) ## Python: Agora's python3/python test files against agoratoken.reference (AGORA_TOOLS_DIR=a fetched AgoraIO/Tools; unset: skipped)
	AGORA_TOOLS_DIR="$(AGORA_TOOLS_DIR)" $(PY) $(PY_DIR)/compat/run_reference.py
