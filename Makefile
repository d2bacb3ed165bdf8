# Cable Classroom — everyday commands (see CONTRIBUTING.md).
#   make lab | test | lint | bench | bench-install | html | student | strip | lock | clean | distclean
# Every target uses the project venv in $(VENV), created on first use. `make lab` installs
# the runtime lock only (what a student needs); `make test` and the other developer targets
# add the test lock to the same venv. Stamp files skip an install while its lock and
# pyproject.toml are unchanged, so a second run installs nothing.

PYTHON ?= python3
VENV ?= .venv
VPY := $(VENV)/bin/python
RUNTIME_LOCK := requirements/runtime.txt
TEST_LOCK := requirements/test.txt
RUNTIME_STAMP := $(VENV)/.cable-classroom-runtime
TEST_STAMP := $(VENV)/.cable-classroom-test
PIP_INSTALL := $(VPY) -m pip install --disable-pip-version-check
START_NOTEBOOK ?= notebooks/00_start_here.ipynb
LAB_ARGS ?=
PYTEST_ARGS ?=
# The lock compiler (maintainers only; `make lock` installs it into its own venv).
UV_VERSION := 0.13.8
LOCK_TOOLS := .venv-lock
LOCK_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install install-runtime lab test lint bench bench-install strip html student corpus-check \
	lock clean distclean

help:
	@echo "make lab        open JupyterLab on $(START_NOTEBOOK) (creates $(VENV) on first run)"
	@echo "make test       run every test in tests/ (unit, notebook, browser)"
	@echo "make lint       ruff check + ruff format --check (code and notebooks) + lint-imports (layers)"
	@echo "make bench      run the benchmarks in benchmarks/"
	@echo "make corpus-check  the parser on the 615 real cables of data/corpus against their catalogue"
	@echo "make bench-install  time a cold 'make lab' on fresh clones (minutes; not part of bench)"
	@echo "make html       build the offline static edition in site/ (read without installing)"
	@echo "make student    student copies of the lessons without solutions, in student/"
	@echo "                (both with CABLE=ID: a class set for that cable, with a printable worksheet)"
	@echo "make add FILE=cable.txt SOURCE=\"https://…\" [ID=…]   add a cable to the collection (REMIXING.md)"
	@echo "make strip      remove outputs, execution counts and widget state from notebooks/*.ipynb"
	@echo "make install    the developer environment: runtime and test locks in $(VENV)"
	@echo "make lock       recompile $(RUNTIME_LOCK) and $(TEST_LOCK) from pyproject.toml"
	@echo "make clean      remove caches and generated files (distclean also removes $(VENV))"

# ---------------------------------------------------------------- environment

# Checked before the venv is made, so a wrong Python ends in one line, not a traceback.
# (The version test is written so that even a Python 2 can run it.)
$(VPY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { \
		echo "make: '$(PYTHON)' not found: install Python 3.11 or newer, or run 'make $(MAKECMDGOALS) PYTHON=/path/to/python3.11'" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || { \
		echo "make: Cable Classroom needs Python 3.11 or newer, but '$(PYTHON)' is $$($(PYTHON) -V 2>&1 | head -n 1): run 'make $(MAKECMDGOALS) PYTHON=python3.12' (or any Python >= 3.11)" >&2; exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
		echo "make: '$(PYTHON)' cannot create virtual environments (no ensurepip/venv): on Debian or Ubuntu run 'sudo apt install python3-venv', then 'make $(MAKECMDGOALS)' again" >&2; exit 1; }
	@echo "$(PYTHON) -m venv $(VENV)   # $$($(PYTHON) -V 2>&1), first run only"
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
		echo "make: '$(PYTHON) -m venv $(VENV)' failed (see above); $(VENV) was removed so the next run starts clean" >&2; exit 1; }

# The runtime: exactly the hashed pins of the runtime lock, which include the build backend
# (setuptools), so the project itself is installed editable without fetching anything else.
$(RUNTIME_STAMP): $(RUNTIME_LOCK) pyproject.toml | $(VPY)
	$(PIP_INSTALL) --require-hashes -r $(RUNTIME_LOCK)
	$(PIP_INSTALL) --no-deps --no-build-isolation -e .
	@# Bytecode now, so no lesson kernel compiles the package from source (about 0.2 s each),
	@# even where PYTHONDONTWRITEBYTECODE is set; Python recompiles a file that changed later.
	$(VPY) -m compileall -q cable_utils
	@touch $@

# The test tools on top: the test lock repeats the runtime pins exactly (a test checks it).
$(TEST_STAMP): $(TEST_LOCK) $(RUNTIME_STAMP)
	$(PIP_INSTALL) --require-hashes -r $(TEST_LOCK)
	@touch $@

install-runtime: $(RUNTIME_STAMP)

install: $(TEST_STAMP)

# ---------------------------------------------------------------- daily use

# JupyterLab refuses to start as root unless told; a container or a fresh cloud machine
# often has only root, so the flag is added there, and said so.
lab: $(RUNTIME_STAMP)
	@root_flag=; if [ "$$(id -u)" = 0 ]; then \
		echo "make lab: running as root (as in a container or on a fresh cloud machine), so JupyterLab is started with --allow-root"; \
		root_flag=--allow-root; \
	fi; \
	set -- $(VENV)/bin/jupyter lab $$root_flag $(LAB_ARGS) $(START_NOTEBOOK); \
	echo "$$*"; exec "$$@"

test: $(TEST_STAMP)
	@echo "$(VPY) -m pytest $(PYTEST_ARGS)"; status=0; $(VPY) -m pytest $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests (exit 5)" >&2; fi; \
	exit $$status

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

# The parser on the 615 real cables of data/corpus against the catalogue's metadata
# (issue 14): agreement and coverage per field, then every disagreement with its reason.
corpus-check: $(TEST_STAMP)
	$(VPY) tools/corpus_check.py

bench: $(TEST_STAMP)
	@if [ -f benchmarks/run_all.py ]; then \
		$(VPY) benchmarks/run_all.py; \
	else \
		found=0; \
		for script in benchmarks/bench_*.py; do \
			[ -e "$$script" ] || continue; \
			found=1; echo "== $$script"; \
			$(VPY) "$$script" || exit $$?; \
		done; \
		if [ $$found -eq 0 ]; then echo "make bench: no benchmarks/run_all.py or bench_*.py" >&2; exit 1; fi; \
	fi

strip: $(RUNTIME_STAMP)
	$(VPY) tools/strip_notebooks.py notebooks/*.ipynb

# ---------------------------------------------------------------- exports

# A value quoted for the shell: a quote inside it reaches the tool as a character.
shell_quote = '$(subst ','"'"',$(strip $(1)))'

# Add a cable to the collection: python -m cable_utils add, with the runtime installed first
# (a teacher need not have run make lab). make add FILE=path SOURCE="where it came from" [ID=…]
add: $(RUNTIME_STAMP)
	@if [ -z "$(strip $(FILE))" ]; then \
		echo 'make add: say which file: make add FILE=path/to/cable.txt SOURCE="https://… (where the copy came from)"' >&2; exit 2; fi
	$(VPY) -m cable_utils add $(call shell_quote,$(FILE)) $(if $(strip $(SOURCE)),--source $(call shell_quote,$(SOURCE))) $(if $(strip $(ID)),--id $(call shell_quote,$(ID)))

# CABLE=ID (e.g. make student CABLE=10MOSCOW228): a class set for that cable; every
# lesson reads it, and the output holds worksheet.html, to print or save as PDF.
CABLE ?=
# (quoted for the shell: a quote inside the value reaches the tool, which refuses it)
CABLE_ARG = $(if $(strip $(CABLE)),--cable '$(subst ','"'"',$(strip $(CABLE)))',)

# The static edition: every lesson executed and exported to offline HTML in site/.
html: $(RUNTIME_STAMP)
	$(VPY) tools/build_site.py --out site $(CABLE_ARG)
	@echo "open site/index.html in a browser (no server or internet needed)"

# Student copies: the lessons without the cells tagged `solution`, in student/.
student: $(RUNTIME_STAMP)
	$(VPY) tools/make_student.py notebooks student $(CABLE_ARG)

# ---------------------------------------------------------------- maintenance

# Cold-cache `make lab` timed on fresh clones (before/after); takes minutes, so not in bench.
BENCH_INSTALL_ARGS ?=
bench-install:
	$(PYTHON) benchmarks/cold_install.py $(BENCH_INSTALL_ARGS)

# Both locks are compiled from pyproject.toml by uv (pinned; installed on demand into
# $(LOCK_TOOLS), never into $(VENV)), for every platform (--universal) and Python >= 3.11,
# with hashes. Existing pins are kept unless a newer one is needed, so rerunning after
# adding a dependency moves nothing else. To move a version on purpose:
#   make lock LOCK_ARGS="--upgrade-package jupyterlab"   (or LOCK_ARGS=--upgrade)
# then copy the new pins of the Jupyter stack into environment.yml (tests/test_packaging.py).
# The runtime lock also pins pyproject's build-system requirements, so that the editable
# install of the project uses a hashed setuptools. The test lock is constrained by the
# runtime lock, so the two agree on every runtime pin.
UV := $(LOCK_TOOLS)/bin/uv
UV_COMPILE = $(UV) pip compile --quiet --no-header --universal --python-version 3.11 \
	--generate-hashes $(LOCK_ARGS)
BUILD_REQUIRES = $(PYTHON) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")'

define LOCK_HEADER
# Generated by `make lock` (uv pip compile --universal --generate-hashes) from pyproject.toml:
# do not edit by hand; change pyproject.toml and run `make lock` (see CONTRIBUTING.md).
# Exact versions with hashes for every platform and Python >= 3.11, installed with
# `pip install --require-hashes`. setuptools is pyproject's build-system requirement, so
# the editable install of the project (--no-build-isolation) fetches nothing unhashed.
endef
define RUNTIME_LOCK_HEADER
# Cable Classroom runtime lock: what `make lab` installs (the lessons, nothing for tests).
$(LOCK_HEADER)
endef
define TEST_LOCK_HEADER
# Cable Classroom test lock: the runtime lock plus pyproject's `test` extra, what `make test`
# adds to the same venv. Every runtime pin is the same as in $(RUNTIME_LOCK).
$(LOCK_HEADER)
endef
export RUNTIME_LOCK_HEADER TEST_LOCK_HEADER

$(UV):
	$(PYTHON) -m venv $(LOCK_TOOLS)
	$(LOCK_TOOLS)/bin/python -m pip install --disable-pip-version-check --quiet uv==$(UV_VERSION)

lock: $(UV)
	@mkdir -p requirements
	$(BUILD_REQUIRES) | $(UV_COMPILE) pyproject.toml - -o $(RUNTIME_LOCK)
	$(BUILD_REQUIRES) | $(UV_COMPILE) pyproject.toml - --extra test -c $(RUNTIME_LOCK) -o $(TEST_LOCK)
	@{ printf '%s\n' "$$RUNTIME_LOCK_HEADER"; cat $(RUNTIME_LOCK); } > $(RUNTIME_LOCK).tmp
	@{ printf '%s\n' "$$TEST_LOCK_HEADER"; cat $(TEST_LOCK); } > $(TEST_LOCK).tmp
	@mv $(RUNTIME_LOCK).tmp $(RUNTIME_LOCK); mv $(TEST_LOCK).tmp $(TEST_LOCK)
	@echo "wrote $(RUNTIME_LOCK) ($$(grep -c '^[a-zA-Z].*==' $(RUNTIME_LOCK)) pins) and $(TEST_LOCK) ($$(grep -c '^[a-zA-Z].*==' $(TEST_LOCK)) pins)"
	@echo "next: make test (installs them), and keep environment.yml's Jupyter stack pins in step"

clean:
	rm -rf artifacts site student .pytest_cache .ruff_cache .hypothesis build dist *.egg-info
	find . -path ./$(VENV) -prune -o \( -name __pycache__ -o -name .ipynb_checkpoints \) \
		-type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(LOCK_TOOLS)
