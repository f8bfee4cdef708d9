# newsdiff: `make run` sets everything up and serves the app; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run setup test test-sqlite test-postgres lint

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	# camel-tools without its dependency set (that would drag in a multi-GB CUDA torch);
	# newsdiff uses only its utils and tokenizers, which need six, emoji and regex.
	$(PY) -m pip install --quiet --no-deps camel-tools==1.6.0
	touch $(STAMP)

setup: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddata fixtures/outlets.json
	$(PY) manage.py ingest fixtures/seeds/000_74628de6391d590b.txt fixtures/seeds/001_c616ab5195f9a13a.txt
	$(PY) manage.py demo_account

run: setup
	@echo "newsdiff: open http://127.0.0.1:8000 and sign in as demo / newsdiff-demo"
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	bin/test

lint: $(STAMP)
	$(VENV)/bin/ruff check newsdiff tests bench docs
	$(VENV)/bin/ruff format --check newsdiff tests bench docs
	$(VENV)/bin/mypy newsdiff
	$(VENV)/bin/mypy --strict newsdiff/pipeline newsdiff/services.py newsdiff/comparison.py
