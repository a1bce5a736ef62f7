# The two commands of the README: `make run` and `make test`. Each builds .venv/ from the
# pinned requirements.lock and the reference database from db/content/ when they are out of date.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     := db/calx.sqlite
CONTENT := $(wildcard db/content/*.toml db/content/safety/*.toml)
BUILD_SOURCES := $(wildcard desktop/data/*.py) db/build.py
TS     := $(wildcard resources/translations/*.ts)
QM     := $(TS:.ts=.qm)

# This machine sets PYTHONDONTWRITEBYTECODE=1, which makes pytest re-rewrite every module at
# each run (about 0.5 s with hypothesis); bytecode caches are fine in our own venv.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: venv db translations run test bench lint fmt screenshots installer clean system-deps

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	# --clear: a changed lock must not leave packages it dropped behind in the venv
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(DB): $(STAMP) $(CONTENT) $(BUILD_SOURCES) resources/units.txt
	$(BIN)/python db/build.py --out $(DB) --sign

db: $(DB)

# The window's French words: .ts sources (reviewed, committed) → .qm (built, gitignored).
$(QM) &: $(STAMP) $(TS) tools/build_translations.py
	$(BIN)/python tools/build_translations.py

translations: $(QM)

run: $(DB) $(QM)
	$(BIN)/calx

# Coverage, line and branch, of desktop/ (settings in pyproject.toml, [tool.coverage.*]): printed
# at the end, and the run fails under the floor there (raise it when coverage rises, never lower).
test: $(DB) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not installer" --cov --cov-report=term
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(DB) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# Formats the code with ruff (settings in pyproject.toml).
fmt: $(STAMP)
	$(BIN)/ruff format .

screenshots: $(DB) $(QM)
	$(BIN)/python tools/screenshots.py

installer: $(DB) $(QM)
	$(BIN)/python build_installer.py

# The Debian/Ubuntu libraries Qt needs (the same list as .ci/run): once per machine, with sudo.
system-deps:
	tools/system-deps.sh

clean:
	rm -rf $(VENV) $(DB) $(QM) build dist .coverage
