# Two commands for a new user: `make report` builds the brief, `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock

.PHONY: report test score bench lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Exactly the locked versions (hashes checked), then the project itself without resolving again;
# reinstalled only when the lock or the project's metadata changes.
$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python tools/check_lock.py $(LOCK)
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/make-report --config report.toml

test: $(STAMP)
	$(BIN)/python -m pytest

score: $(STAMP)
	$(BIN)/make-report --config report.toml --format json --quiet
	$(PYTHON) ../shared/eval/score.py out/findings.json

# The lock is resolved for every platform by uv, kept in a venv of its own so that it is not
# itself installed beside the application.
lock:
	test -x .venv-lock/bin/uv || ($(PYTHON) -m venv .venv-lock && .venv-lock/bin/python -m pip install --quiet uv)
	.venv-lock/bin/uv pip compile pyproject.toml --extra test --extra cluster --universal \
	  --python-version 3.11 --generate-hashes --no-header --quiet -o $(LOCK).new
	{ sed -n '1,2p' $(LOCK); cat $(LOCK).new; } > $(LOCK).tmp && rm $(LOCK).new && mv $(LOCK).tmp $(LOCK)

clean:
	rm -rf out
