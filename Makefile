# Agentdesk: one command for the demo, one for the tests, from nothing on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install demo demo-supervisor test lint typecheck bench bench-full dist dist-test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/agentdesk demo

demo-supervisor: $(STAMP)
	$(VENV)/bin/agentdesk demo --supervisor

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider -q
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) -m mypy

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

typecheck: $(STAMP)
	$(PY) -m mypy

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

bench-full: $(STAMP)
	$(PY) benchmarks/run_all.py --full

clean:
	rm -rf $(VENV) build dist *.egg-info

# Packaging (installer/, docs/INSTALL.md). `dist`: PyInstaller one-folder build in dist/agentdesk,
# plus on Linux dist/*.tar.gz and dist/*.deb. `dist-test`: build, then smoke-test the frozen
# app, the tarball and the .deb (dpkg -i / dpkg -r when root). Not part of `make test` or CI:
# about 7 min on 2 shared cores (docs/INSTALL.md).
DIST_STAMP := $(VENV)/.dist-installed

$(DIST_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e '.[test,dist]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	$(PY) installer/build.py

dist-test: dist
	AGENTDESK_DIST=dist QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider -q tests/installer
