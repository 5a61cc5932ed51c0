# Inside the Neuron: the two commands are `make book` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JB_FLAGS := -W -n --keep-going
PORT ?= 8000

.PHONY: book serve lab test test-lib test-notebooks test-frameworks test-site test-speed test-pdf test-lab test-binder build-strict notebooks benchmarks pdf clean help

help:
	@echo "make book       set up .venv, build the website into _build/html"
	@echo "make serve      serve the built website on http://127.0.0.1:$(PORT)"
	@echo "make lab        open the notebooks in JupyterLab"
	@echo "make test       every check: neuronlib, notebooks (nbval), the same numbers under other numerical"
	@echo "                set-ups, warning-free build, website in a browser, the printed book (PDF), sliders in JupyterLab,"
	@echo "                Binder proof (fresh venv runs every notebook); ends with a table of the stages"
	@echo "make notebooks  re-execute every notebook in place (then commit the outputs)"
	@echo "make test-frameworks  Chapter 9 (PyTorch and Keras) in its own environment, .venv-frameworks"
	@echo "make benchmarks print the speed and page-weight tables"
	@echo "make pdf        print the whole book to _build/pdf/inside-the-neuron.pdf"

# --- set-up: a virtual environment with the pinned packages -------------------------
$(STAMP): requirements.txt constraints.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is needed; found " + sys.version.split()[0] + ". Set PYTHON=python3.11 (or newer).")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	@touch $(STAMP)

# Chapter 9's frameworks (PyTorch, Keras) in their own environment: .venv and Binder stay light.
# tools/frameworks.py lists the chapters that need them; only test-frameworks executes those.
FW_VENV := .venv-frameworks
FW_BIN := $(FW_VENV)/bin
FW_STAMP := $(FW_VENV)/.installed
FRAMEWORK_NOTEBOOKS := $(shell $(PYTHON) tools/frameworks.py)
$(FW_STAMP): requirements-frameworks.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(FW_VENV)
	$(FW_BIN)/python -m pip install --quiet --upgrade pip
	$(FW_BIN)/python -m pip install --quiet -r requirements-frameworks.txt -c constraints.txt
	@touch $(FW_STAMP)

NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	@touch $(NODE_STAMP)

# --- the book --------------------------------------------------------------------------
book: $(STAMP)
	$(BIN)/jupyter-book build . $(JB_FLAGS)
	@echo
	@echo "The book is built. Open _build/html/index.html in a browser,"
	@echo "or run 'make serve' and visit http://127.0.0.1:$(PORT)"

serve: $(STAMP)
	@test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory _build/html $(PORT)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

notebooks: $(STAMP) $(FW_STAMP)
	$(BIN)/python tools/execute_notebooks.py $(filter-out $(FRAMEWORK_NOTEBOOKS),$(wildcard notebooks/*.ipynb))
	$(FW_BIN)/python tools/execute_notebooks.py $(FRAMEWORK_NOTEBOOKS)

# --- tests -----------------------------------------------------------------------------
# Every stage runs even when an earlier one fails; the table at the end says which failed.
# A stage written bg:TARGET starts in the background there and the list goes on; `wait` waits
# for the background stages started so far (tools/run_stages.py). On 2 cores the suite is
# limited by CPU (about 18 min of CPU time in all, measured stage by stage), so the stages are
# packed to keep both cores busy: test-frameworks and test-binder (mostly pip and one kernel)
# beside test-lib, build-strict and test-site (two browsers); then, once those have all ended,
# test-speed alone (it times each control from input to the next frame, which another process
# on the CPU slows: a stage beside it would make it fail); then test-lab beside test-pdf.
# Beside test-site (load 12) JupyterLab once took more than its 60 s to draw a saved explorer.
# nbval runs in test-binder (a fresh environment from requirements.txt, under another numerical
# set-up: every notebook but Chapter 9) and test-frameworks (Chapter 9); `make test-notebooks`
# is the same check in .venv, for working on a chapter.
STAGES := bg:test-frameworks bg:test-binder test-lib build-strict test-site wait test-speed bg:test-lab test-pdf
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python tools/check_browser.py
	$(BIN)/python tools/run_stages.py $(STAGES)

test-lib: $(STAMP)
	$(BIN)/pytest tests -p no:cacheprovider --ignore=tests/site --ignore=tests/lab --ignore=tests/binder --ignore=tests/pdf --cov=neuronlib --cov-report=term

test-notebooks: $(STAMP)
	$(BIN)/pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
		-p no:cacheprovider notebooks

# nbval on the chapters that run PyTorch and Keras, in .venv-frameworks (made first if missing);
# the import fails the stage if the frameworks are missing (the root conftest.py would skip them)
test-frameworks: $(FW_STAMP)
	KERAS_BACKEND=torch $(FW_BIN)/python -c 'import torch, keras'
	$(FW_BIN)/pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
		-p no:cacheprovider $(FRAMEWORK_NOTEBOOKS)

build-strict: $(STAMP)
	$(BIN)/jupyter-book build . $(JB_FLAGS)

# two workers (pytest-xdist): a page load mostly waits (for MathJax, the explorers, a quiet
# network), so two browsers share the two cores; the tests that share one page run on the
# same worker (tests/site/conftest.py). The speed test is test-speed's.
test-site: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest tests/site -p no:cacheprovider -n 2 --dist loadgroup --ignore=tests/site/test_explorer_speed.py

# every control of every explorer on the gallery page (`make test` runs it alone, once the
# stages before it have ended)
test-speed: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest tests/site/test_explorer_speed.py -p no:cacheprovider

# builds the PDF as `make pdf` does and reads it back with poppler-utils (tests/pdf says what)
test-pdf: $(STAMP)
	$(BIN)/pytest tests/pdf -p no:cacheprovider

test-lab: $(STAMP)
	$(BIN)/pytest tests/lab -p no:cacheprovider

# a fresh environment from requirements.txt runs nbval and the docstrings under another SIMD/BLAS
# set-up of this machine (tests/binder and tools/numerics.py say which)
test-binder: $(STAMP)
	$(BIN)/pytest tests/binder -p no:cacheprovider -rA

# the one-page book from the committed outputs, printed by Chromium (tools/build_pdf.py says how)
pdf: $(STAMP)
	$(BIN)/python tools/build_pdf.py

benchmarks: $(STAMP)
	PYTHONPATH=tools $(BIN)/python benchmarks/run.py

clean:
	rm -rf _build .jupyter_cache
