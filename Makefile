# bantin: two commands on a fresh machine: `make serve` and `make test`.
# Every target makes the virtual environment it needs from requirements.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
# Builds of one commit are byte-identical: dates that depend on "today"
# (slogans in force) are taken from the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)

.PHONY: serve build rollback test check bench bench-preview bench-refs bench-phones offline clean

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "bantin cần Python 3.11 trở lên")'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# --dirty: each save rebuilds only the pages it changes (bantin.mkdocs.cache
# keeps the rest right: navigation, listings, search, deleted pages).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# Build into a new release folder and switch the `site` link to it in one
# rename (src/bantin/publish.py): a failed or killed build never leaves half
# a site; two builds in one folder wait for each other; the previous
# releases stay in site-releases/ for `make rollback`.
build: $(STAMP)
	$(BIN)/python -m bantin.publish build --site site

rollback: $(STAMP)
	$(BIN)/python -m bantin.publish rollback --site site

check: $(STAMP)
	$(BIN)/bantin check

test: $(STAMP)
	$(BIN)/python -m pytest

# Archive-scale benchmark, not part of `make test` (about 25 min): writes bench/README.md.
N ?= 1000 5000
bench: $(STAMP)
	$(BIN)/python bench/run.py --n $(N)

# How fast the preview answers a save, and a publishing build with the cache
# (writes bench/PREVIEW.md; about 15 min for N = 1000 5000).
bench-preview: $(STAMP)
	$(BIN)/python bench/preview.py --n $(N)

# How fast citations are found at archive scale (a few seconds).
bench-refs: $(STAMP)
	$(BIN)/python bench/refs_speed.py --n 1000

# Lighthouse mobile on every page type of a generated archive, the heaviest
# page of each (bench/PHONES.md; about 20 min; npx fetches Lighthouse once).
PHONES_N ?= 5000
bench-phones: $(STAMP)
	$(BIN)/python bench/lighthouse.py --archive $(PHONES_N) --runs 3 --out bench/out/phones-$(PHONES_N)

# A copy that opens from disk, search included, zipped to hand out:
# dist/bantin-offline.zip holds the folder bantin-offline/ (open index.html).
# The zip leaves out what no page loads (source maps, Material's own search
# engine), so it stays small enough for a chat app. As with `build`, the
# folder is switched atomically and a failed build leaves the last good copy
# and zip in place.
offline: $(STAMP)
	$(BIN)/python -m bantin.publish build --config-file mkdocs.offline.yml --site dist/bantin-offline \
	  --zip dist/bantin-offline.zip --zip-leave-out '*.map' \
	  --zip-leave-out 'assets/javascripts/lunr/*' --zip-leave-out 'assets/javascripts/workers/*'

clean:
	rm -rf site site-releases site.new site.old dist/bantin-offline dist/bantin-offline-releases \
	  dist/bantin-offline.new dist/bantin-offline.zip $(VENV)
