# digest — make site builds the sample digest; make test runs the whole suite.
PY_SYS   ?= python3
VENV     ?= .venv
PY       := $(VENV)/bin/python
DIGEST   := $(VENV)/bin/digest
STAMP    := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
SETTINGS ?=
CHROMIUM ?= /usr/bin/chromium
PYTEST_ARGS ?=

.PHONY: all install site build test lint check serve bench bench-extract bench-ingest bench-translate bench-scale bench-pagefind-memory bench-stories bench-serve bench-suggest messages samples browser audit clean

all: site

$(STAMP): pyproject.toml
	test -x $(PY) || $(PY_SYS) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## npm tools for the site audits (axe-core, the Nu HTML checker, Lighthouse), pinned.
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

## The sample digest: validate content, build with Pelican, index with Pagefind.
site: $(STAMP)
	$(DIGEST) check
	$(DIGEST) build $(if $(SETTINGS),--settings $(SETTINGS))

build: site

check: $(STAMP)
	$(DIGEST) check

## Re-ingest the raw samples (idempotent: unchanged files stay unchanged).
samples: $(STAMP)
	$(DIGEST) ingest --date 2021-06-29 samples/seed/raw-article-id.txt
	$(DIGEST) ingest samples/text samples/html samples/feeds

serve: $(STAMP)
	$(DIGEST) serve

## Debian's Chromium for the end-to-end tests (browser downloads by test tools fail offline).
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium; \
	  else echo "install Chromium (apt-get install chromium) for the browser tests"; fi; }

lint: $(STAMP)
	$(VENV)/bin/ruff check digest tests bench tools pelicanconf.py publishconf.py
	$(VENV)/bin/mypy

test: $(STAMP) $(NPM_STAMP) browser lint
	$(PY) -m pytest -n 2 -q $(PYTEST_ARGS)

messages: $(STAMP)
	$(PY) -m digest.site.messages

bench: $(STAMP)
	$(PY) bench/site_bench.py

bench-extract: $(STAMP)
	$(PY) bench/extract_bench.py

bench-ingest: $(STAMP)
	$(PY) bench/ingest_bench.py

## Precision of `digest actors suggest` (top 30) against bench/suggest_labels.yml.
bench-suggest: $(STAMP)
	$(PY) bench/suggest_bench.py

bench-translate: $(STAMP)
	$(PY) bench/translate_bench.py

## B-cubed of `digest stories` on bench/stories/sample.yml; time and memory at 10k/100k.
bench-stories: $(STAMP)
	$(PY) bench/stories_bench.py

## Lighthouse, axe, Nu HTML checker and internal links on the built site.
audit: site $(NPM_STAMP) browser
	$(PY) tools/audit.py output

clean:
	rm -rf output cache bench/.work .pytest_cache

## Scale: digest vs Hugo + Pagefind vs plain Pelican at 1k and 10k articles, then
## incremental rebuilds at 10k. 100k: make bench-scale SCALE_ARGS="--sizes 1000,10000,100000"
SCALE_ARGS ?=
bench-scale: $(STAMP)
	$(PY) bench/scale_bench.py $(SCALE_ARGS)

## The preview loop in Chromium: save an article → the page under `digest serve` shows it.
SERVE_ARGS ?=
bench-serve: $(STAMP)
	$(PY) bench/serve_bench.py $(SERVE_ARGS)

## Where Pagefind's memory goes (page count, translations, filters, body size, shards).
bench-pagefind-memory: $(STAMP)
	$(PY) bench/pagefind_memory.py
