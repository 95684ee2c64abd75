# WindowDesk: the two commands a newcomer needs.
#   make run   - install what the demo needs and start it on a demo data directory
#   make test  - install what the tests need (Debian packages, a venv) and run every gate
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
DEMO_HOME ?= $(CURDIR)/.demo-data
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test venv lint typecheck archcheck unit bench clean

$(VENV)/.installed-%: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 or set PYTHON=..." >&2; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[$*]"
	@touch $@

run: $(VENV)/.installed-devices,printing,sync,hub
	@scripts/system-deps.sh run
	WINDOWDESK_HOME=$(DEMO_HOME) WINDOWDESK_KEYRING=$${WINDOWDESK_KEYRING:-file} $(PY) -m intake run-demo

test: $(VENV)/.installed-devices,printing,sync,hub,test
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

bench: $(VENV)/.installed-devices,printing,sync,hub,test
	$(PY) -m bench

clean:
	rm -rf $(VENV) .demo-data .pytest_cache .mypy_cache .ruff_cache
