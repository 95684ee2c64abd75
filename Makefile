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
RUN_EXTRAS  := devices,printing,sync,hub,gui
TEST_EXTRAS := $(RUN_EXTRAS),test
export PIP_DISABLE_PIP_VERSION_CHECK := 1

QM := desktop/i18n/windowdesk_zh_CN.qm
TS := desktop/i18n/windowdesk_zh_CN.ts

.PHONY: run test fuzz lint typecheck archcheck unit bench clean i18n screenshots

# Debian packages first (pyscard builds from source: swig, libpcsclite-dev, python3-dev),
# then the venv with the pinned Python dependencies. $* is the list of extras.
$(VENV)/.installed-%: pyproject.toml scripts/system-deps.sh
	@scripts/system-deps.sh $(if $(findstring test,$*),test,run)
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 or set PYTHON=..." >&2; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[$*]"
	@touch $@

# The zh_CN translation the app loads, built from the .ts kept in the repo.
# (listed after the venv in run/test, so pyside6-lrelease is there when it is built)
$(QM): $(TS)
	$(VENV)/bin/pyside6-lrelease -silent $(TS) -qm $(QM)

run: $(VENV)/.installed-$(RUN_EXTRAS) $(QM)
	WINDOWDESK_KEYRING=$${WINDOWDESK_KEYRING:-file} $(PY) -m desktop --demo --data-dir $(DEMO_HOME)

# After changing user-visible strings: refresh the .ts (then translate what is unfinished).
i18n: $(VENV)/.installed-$(RUN_EXTRAS)
	$(VENV)/bin/pyside6-lupdate $$(find desktop -name '*.py' | sort) -ts $(TS) -source-language en -target-language zh_CN

screenshots: $(VENV)/.installed-$(TEST_EXTRAS) $(QM)
	for script in scripts/screenshots*.py; do \
		QT_QPA_PLATFORM=offscreen WINDOWDESK_KEYRING=file $(PY) $$script docs/screenshots || exit 1; \
	done

test: $(VENV)/.installed-$(TEST_EXTRAS) $(QM)
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
	WINDOWDESK_KEYRING=file QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# Every test file that uses Hypothesis (Schemathesis included), randomized: a failure prints
# the blob that replays it.
FUZZ_TESTS = $(shell grep -rl --include='test_*.py' -e '^from hypothesis' -e '^import schemathesis' tests | sort)

fuzz: $(VENV)/.installed-$(TEST_EXTRAS)
	HYPOTHESIS_PROFILE=fuzz WINDOWDESK_KEYRING=file $(PY) -m pytest -q -o timeout=3600 $(FUZZ_TESTS)

bench: $(VENV)/.installed-$(TEST_EXTRAS)
	$(PY) -m bench

clean:
	rm -rf $(VENV) .demo-data .pytest_cache .mypy_cache .ruff_cache
