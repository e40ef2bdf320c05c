# The README's quick start is `make demo` and `make test`; both set up .venv themselves
# and are fast the second time (the install step reruns only when a lock file changes).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= newsweave-demo.db

.PHONY: demo serve test lint format bench bench-check bench-web clean

$(STAMP): pyproject.toml requirements.lock requirements-dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	# the browser tests drive Debian's Chromium (never a downloaded browser build)
	command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm newsweave-demo-report.json
	$(BIN)/newsweave analyze examples/corpus --db $(DB) --out newsweave-demo-report.json
	@echo "report: newsweave-demo-report.json (schema docs/report.schema.json); try: $(BIN)/newsweave stories --db $(DB)"

serve: $(STAMP)
	test -f $(DB) || $(MAKE) demo
	$(BIN)/newsweave serve --db $(DB)

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

bench: $(STAMP)
	$(BIN)/python -m benchmarks extract

# the check stage's benchmarks (issue 13): ECB+ alignment, AllSides brief, planted conflicts;
# readings are cached under /tmp/checkbench-cache (a first run reads ~1,700 articles).
bench-check: $(STAMP)
	$(BIN)/python -m benchmarks.check --out docs/benchmarks.md

# the web app under load (issue 17): wrk from Debian, about 3.5 minutes unattended; prints its
# table and prepends it to docs/benchmarks.md
bench-web: $(STAMP)
	command -v wrk >/dev/null || (apt-get update -q && apt-get install -y -q wrk)
	$(BIN)/python benchmarks/web_load.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm newsweave-demo-report.json .pytest_cache tests/artifacts
