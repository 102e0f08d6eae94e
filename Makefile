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

.PHONY: serve build test check bench offline clean

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "bantin cần Python 3.11 trở lên")'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Build into a fresh folder and swap it in only on success: a failed build
# never replaces a good site.
build: $(STAMP)
	rm -rf site.new
	$(BIN)/mkdocs build --strict --site-dir site.new
	rm -rf site.old
	if [ -d site ]; then mv site site.old; fi
	mv site.new site
	rm -rf site.old

check: $(STAMP)
	$(BIN)/bantin check

test: $(STAMP)
	$(BIN)/python -m pytest

# Archive-scale benchmark, not part of `make test` (about 25 min): writes bench/README.md.
N ?= 1000 5000
bench: $(STAMP)
	$(BIN)/python bench/run.py --n $(N)

# A copy that opens from disk, search included, zipped to hand out:
# dist/bantin-offline.zip holds the folder bantin-offline/ (open index.html).
# The zip leaves out what no page loads (source maps, Material's own search
# engine), so it stays small enough for a chat app. As with `build`, a failed
# build leaves the last good copy and zip in place.
offline: $(STAMP)
	rm -rf dist/bantin-offline.new
	$(BIN)/mkdocs build --strict --config-file mkdocs.offline.yml --site-dir dist/bantin-offline.new
	rm -rf dist/bantin-offline dist/bantin-offline.zip
	mv dist/bantin-offline.new dist/bantin-offline
	cd dist && zip -qr -X bantin-offline.zip bantin-offline -x '*.map' \
	  'bantin-offline/assets/javascripts/lunr/*' 'bantin-offline/assets/javascripts/workers/*'

clean:
	rm -rf site site.new site.old dist/bantin-offline dist/bantin-offline.new dist/bantin-offline.zip $(VENV)
