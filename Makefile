# Byline: set-up, run, test. Every target makes the virtual environment first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SEED   := seeds/2022-02-08-putin-macron-moscow.txt

.PHONY: run test lint bench bench-team clean package package-test icons validate-desktop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/byline $(SEED)

# The team-library tests get a throwaway PostgreSQL server (tests/pgserver.py:
# initdb in a temporary folder, a socket there and a loopback port), stopped
# and removed at the end whatever the tests did.
test: $(STAMP)
	$(BIN)/lint-imports
	@pgdir=$$(mktemp -d /tmp/byline-pg.XXXXXX) && \
	$(BIN)/python tests/pgserver.py start $$pgdir && \
	trap '$(BIN)/python tests/pgserver.py stop '$$pgdir EXIT && \
	BYLINE_TEST_PG_DIR=$$pgdir QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check desktop tests

# Issue 8's and issue 22's figures, and issue 23's training figure (about 10 minutes on 2 cores,
# plus a few minutes the first time, to build the 100,000-article library kept in bench/.cache):
# a table, and bench/results.json.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run
	$(BIN)/python -m bench.team

# Issue 16's team figures alone (a throwaway PostgreSQL server; bench/results-team.json).
bench-team: $(STAMP)
	$(BIN)/python -m bench.team

clean:
	rm -rf $(VENV) .venv-build build dist *.egg-info bench/.work bench/.cache

# --- packaging (issue 10): a PyInstaller one-folder build in dist/byline/ ----
# The build has its own venv so PyInstaller never lands in .venv.
BUILD_VENV  := .venv-build
BUILD_BIN   := $(BUILD_VENV)/bin
BUILD_STAMP := $(BUILD_VENV)/.installed
ICONS_STAMP := resources/icons/.generated

$(BUILD_BIN)/python:
	$(PYTHON) -m venv $(BUILD_VENV)
	$(BUILD_BIN)/python -m pip install --quiet --upgrade pip

# A regular (not editable) install: PyInstaller then finds the dependencies
# and byline's own metadata (its version) in the build venv's site-packages.
$(BUILD_STAMP): pyproject.toml packaging/requirements-build.txt | $(BUILD_BIN)/python
	$(BUILD_BIN)/python -m pip install --quiet -r packaging/requirements-build.txt .
	touch $(BUILD_STAMP)

$(ICONS_STAMP): resources/byline.svg packaging/make_icons.py | $(BUILD_STAMP)
	QT_QPA_PLATFORM=offscreen $(BUILD_BIN)/python packaging/make_icons.py resources/byline.svg resources/icons
	touch $(ICONS_STAMP)

icons: $(ICONS_STAMP)

package: $(BUILD_STAMP) $(ICONS_STAMP)
	@# Refresh byline's installed copy so the bundled metadata matches pyproject.toml.
	$(BUILD_BIN)/python -m pip install --quiet --no-deps --force-reinstall .
	$(BUILD_BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/byline.spec
	@du -sh dist/byline

package-test:
	@test -x dist/byline/byline || { echo "dist/byline/byline is missing: run 'make package' first." >&2; exit 1; }
	$(PYTHON) packaging/smoke_test.py dist/byline

validate-desktop:
	@status=0; \
	if command -v desktop-file-validate >/dev/null; then \
		desktop-file-validate packaging/linux/org.byline.Byline.desktop && echo "desktop-file-validate: OK" || status=1; \
	else echo "desktop-file-validate is missing: apt-get install desktop-file-utils" >&2; status=1; fi; \
	if command -v appstreamcli >/dev/null; then \
		appstreamcli validate --no-net packaging/linux/org.byline.Byline.metainfo.xml || status=1; \
	else echo "appstreamcli is missing: apt-get install appstream" >&2; status=1; fi; \
	exit $$status
