# Two commands for a new user: `make report` builds the brief, `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: report test score bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's declared dependencies change.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/make-report --config report.toml

test: $(STAMP)
	$(BIN)/python -m pytest

score: $(STAMP)
	$(BIN)/make-report --config report.toml --format json --quiet
	$(PYTHON) ../shared/eval/score.py out/findings.json

clean:
	rm -rf out
