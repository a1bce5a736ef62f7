# The two commands of the README: `make run` and `make test`. Each builds .venv/ from the
# pinned requirements.lock and the reference database from db/content/ when they are out of date.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     := db/calx.sqlite
CONTENT := $(wildcard db/content/*.toml)
BUILD_SOURCES := $(wildcard desktop/data/*.py) db/build.py

# This machine sets PYTHONDONTWRITEBYTECODE=1, which makes pytest re-rewrite every module at
# each run (about 0.5 s with hypothesis); bytecode caches are fine in our own venv.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: venv db run test bench lint screenshots installer clean

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(DB): $(STAMP) $(CONTENT) $(BUILD_SOURCES) resources/units.txt
	$(BIN)/python db/build.py --out $(DB)

db: $(DB)

run: $(DB)
	$(BIN)/calx

test: $(DB)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not installer"
	$(BIN)/ruff check .
	$(BIN)/lint-imports

bench: $(DB)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

screenshots: $(DB)
	$(BIN)/python tools/screenshots.py

installer: $(DB)
	$(BIN)/python build_installer.py

clean:
	rm -rf $(VENV) $(DB) build dist
