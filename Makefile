# WindowDesk: the two commands a newcomer needs.
#   make run   - install what the demo needs and start it on a demo data directory
#   make test  - install what the tests need (Debian packages, a venv) and run every gate
#                (property and Schemathesis tests are derandomized: same inputs every run)
#   make fuzz  - the property tests randomized, the hub's generated-request tests with 20x
#                the examples (HYPOTHESIS_PROFILE=fuzz; WINDOWDESK_FUZZ_FACTOR=N to change)
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
DEMO_HOME ?= $(CURDIR)/.demo-data
RUN_EXTRAS  := devices,printing,sync,hub
TEST_EXTRAS := $(RUN_EXTRAS),test
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test fuzz lint typecheck archcheck unit bench clean

# Debian packages first (pyscard builds from source: swig, libpcsclite-dev, python3-dev),
# then the venv with the pinned Python dependencies. $* is the list of extras.
$(VENV)/.installed-%: pyproject.toml scripts/system-deps.sh
	@scripts/system-deps.sh $(if $(findstring test,$*),test,run)
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 or set PYTHON=..." >&2; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[$*]"
	@touch $@

run: $(VENV)/.installed-$(RUN_EXTRAS)
	WINDOWDESK_HOME=$(DEMO_HOME) WINDOWDESK_KEYRING=$${WINDOWDESK_KEYRING:-file} $(PY) -m sync demo

test: $(VENV)/.installed-$(TEST_EXTRAS)
	@scripts/system-deps.sh test
	$(MAKE) lint typecheck archcheck unit

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check intake

typecheck:
	$(VENV)/bin/mypy intake devices printing sync desktop

archcheck:
	$(VENV)/bin/lint-imports

unit:
	WINDOWDESK_KEYRING=file $(PY) -m pytest -q

# Every test file that uses Hypothesis (Schemathesis included), randomized: a failure prints
# the blob that replays it.
FUZZ_TESTS = $(shell grep -rl --include='test_*.py' -e '^from hypothesis' -e '^import schemathesis' tests | sort)

fuzz: $(VENV)/.installed-$(TEST_EXTRAS)
	HYPOTHESIS_PROFILE=fuzz WINDOWDESK_KEYRING=file $(PY) -m pytest -q -o timeout=3600 $(FUZZ_TESTS)

bench: $(VENV)/.installed-$(TEST_EXTRAS)
	$(PY) -m bench

clean:
	rm -rf $(VENV) .demo-data .pytest_cache .mypy_cache .ruff_cache
