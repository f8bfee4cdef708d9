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

# A development machine asks for DEBUG in a git-ignored .env (settings.py reads it); a
# deployment sets its own environment (README, "Deploying") and runs with DEBUG off.
.env:
	printf '# Written by make setup: this checkout is a development machine.\nDEBUG=true\n' > .env

setup: $(STAMP) .env
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddata fixtures/outlets.json
	$(PY) manage.py ingest fixtures/seeds/000_74628de6391d590b.txt fixtures/seeds/001_c616ab5195f9a13a.txt
	# A demo story written for newsdiff (fixtures/demo/README.md): four outlets, one fact in conflict.
	$(PY) manage.py ingest fixtures/demo/1-sky-harbour.txt --outlet "Sky Harbour" --story port-cranes --published 2026-09-01
	$(PY) manage.py ingest fixtures/demo/2-gulf-daily.txt --outlet "Gulf Daily" --story port-cranes --published 2026-09-02
	$(PY) manage.py ingest fixtures/demo/3-coast-post.txt --outlet "Coast Post" --story port-cranes --published 2026-09-03
	$(PY) manage.py ingest fixtures/demo/4-harbour-times.txt --outlet "Harbour Times" --story port-cranes --published 2026-09-04
	$(PY) manage.py demo_account

run: setup
	bin/run

test: $(STAMP)
	bin/test

lint: $(STAMP)
	$(VENV)/bin/ruff check newsdiff tests bench docs
	$(VENV)/bin/ruff format --check newsdiff tests bench docs
	$(VENV)/bin/mypy newsdiff
	$(VENV)/bin/mypy --strict newsdiff/pipeline newsdiff/services.py newsdiff/comparison.py
