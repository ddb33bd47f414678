# The two commands: `make run` and `make check`. Everything they need they install themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
PG_TEST_URL ?= postgresql://postgres@127.0.0.1:5432/test
CHROMIUM ?= /usr/bin/chromium

.PHONY: run check test test-heavy audit lint translations vendor vendor-bpmn fonts extract-messages clean layout

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

translations: $(VENV)/.runtime
	$(BIN)/pybabel compile --use-fuzzy -d app/translations --statistics 2>&1 | grep -v '^compiling' || true

# The timer worker runs beside the web server and stops with it.
run: $(VENV)/.runtime translations
	APP_ENV=development $(FLASK) db upgrade
	APP_ENV=development $(FLASK) seed
	@echo "\nOpen http://127.0.0.1:5000 and sign in with a demo login above. Ctrl+C stops."
	@APP_ENV=development $(FLASK) workflow worker --interval 5 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	APP_ENV=development $(FLASK) run --host 127.0.0.1 --port 5000

# Debian's chromium drives the browser tests; nothing downloads a browser.
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	else echo "chromium is missing: install Debian's package 'chromium' (browser tests will be skipped)"; fi

lint: $(VENV)/.dev
	$(BIN)/ruff check .

# Everything CI runs: the fast suite, the heavy one, and the advisories (printed, never failing).
check: test test-heavy audit

# The fast suite, on SQLite, then on PostgreSQL, each leg on both cores (pytest-xdist; each
# worker fills a database of its own). The heavy tests (real servers, browsers, the route
# matrix, fuzzing) are `make test-heavy`'s.
HEAVY_TESTS := tests/browser tests/e2e tests/heavy
FAST_TESTS := $(BIN)/pytest -n 2 $(addprefix --ignore=,$(HEAVY_TESTS))
test: $(VENV)/.dev translations lint
	@echo "== the fast suite on SQLite =="
	@TEST_DATABASE_URL=sqlite $(FAST_TESTS); sqlite=$$?; \
	echo "== the fast suite on PostgreSQL ($(PG_TEST_URL)) =="; \
	TEST_DATABASE_URL=$(PG_TEST_URL) $(FAST_TESTS); pg=$$?; \
	echo "== fast suite: SQLite exit $$sqlite; PostgreSQL exit $$pg =="; \
	test $$sqlite = 0 && test $$pg = 0

# Both cores, a file to each worker at a time: a file's browser, server or fuzzer starts once.
HEAVY := $(BIN)/pytest -n 2 --dist loadfile $(wildcard $(HEAVY_TESTS))
test-heavy: $(VENV)/.dev translations $(CHROMIUM)
	@echo "== the heavy tests on SQLite =="
	@TEST_DATABASE_URL=sqlite $(HEAVY); sqlite=$$?; \
	echo "== the heavy tests on PostgreSQL ($(PG_TEST_URL)) =="; \
	TEST_DATABASE_URL=$(PG_TEST_URL) $(HEAVY); pg=$$?; \
	echo "== heavy tests: SQLite exit $$sqlite; PostgreSQL exit $$pg =="; \
	test $$sqlite = 0 && test $$pg = 0

# Known advisories for the pinned requirements, printed; a new one must not block unrelated work.
AUDIT := .venv-audit
$(AUDIT)/.installed: requirements-audit.txt
	$(PYTHON) -m venv $(AUDIT)
	$(AUDIT)/bin/pip install --quiet -r requirements-audit.txt
	touch $@

audit: $(AUDIT)/.installed
	-$(AUDIT)/bin/pip-audit --no-deps --disable-pip --progress-spinner off \
	  -r requirements.txt -r requirements-dev.txt

# Maintainers: refresh the message catalogue after changing user-facing text.
extract-messages: $(VENV)/.runtime
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_ngettext:1,2 -k lazy_pgettext:1c,2 --no-wrap -o app/translations/messages.pot .
	$(BIN)/pybabel update -i app/translations/messages.pot -d app/translations --no-fuzzy-matching --ignore-obsolete --no-wrap

# Maintainers: copy the pinned npm packages into app/static/vendor (committed; running needs no Node).
# axe-core (a devDependency) goes to tests/browser/vendor: the browser tests inject it; never served.
vendor:
	npm ci --no-audit --no-fund
	rm -rf app/static/vendor && mkdir -p app/static/vendor/bootstrap/css app/static/vendor/bootstrap/js
	cp node_modules/bootstrap/dist/css/bootstrap.min.css* app/static/vendor/bootstrap/css/
	cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js* app/static/vendor/bootstrap/js/
	cp node_modules/bootstrap/LICENSE app/static/vendor/bootstrap/
	mkdir -p app/static/vendor/datepicker/js app/static/vendor/datepicker/css
	cp node_modules/vanillajs-datepicker/dist/js/datepicker.min.js \
	   node_modules/vanillajs-datepicker/dist/js/locales/vi.js app/static/vendor/datepicker/js/
	cp node_modules/vanillajs-datepicker/dist/css/datepicker-bs5.min.css app/static/vendor/datepicker/css/
	cp node_modules/vanillajs-datepicker/LICENSE app/static/vendor/datepicker/
	rm -rf tests/browser/vendor/axe-core && mkdir -p tests/browser/vendor/axe-core
	cp node_modules/axe-core/axe.min.js node_modules/axe-core/LICENSE tests/browser/vendor/axe-core/
	$(MAKE) vendor-bpmn

# The BPMN editor ships only ES modules: esbuild (pinned, from npm) bundles it with our
# properties provider and the compiled bpmnlint config into one committed file; the viewer
# (NavigatedViewer and bpmn-auto-layout) into another, loaded only when a diagram is asked for.
BPMN_OUT := app/static/vendor/bpmn
vendor-bpmn:
	rm -rf $(BPMN_OUT) build && mkdir -p $(BPMN_OUT)/css
	node frontend/bpmn/compile-lint.cjs
	node_modules/.bin/esbuild frontend/bpmn/modeler.js --bundle --minify --format=iife \
	  --target=es2020 --legal-comments=linked --outfile=$(BPMN_OUT)/modeler.js
	node_modules/.bin/esbuild frontend/bpmn/viewer.js --bundle --minify --format=iife \
	  --target=es2020 --legal-comments=linked --outfile=$(BPMN_OUT)/viewer.js
	cp node_modules/bpmn-js/dist/assets/diagram-js.css node_modules/bpmn-js/dist/assets/bpmn-js.css \
	   node_modules/@bpmn-io/properties-panel/dist/assets/properties-panel.css \
	   node_modules/bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css $(BPMN_OUT)/css/
	mkdir -p $(BPMN_OUT)/bpmn-font/css $(BPMN_OUT)/bpmn-font/font
	cp node_modules/bpmn-js/dist/assets/bpmn-font/css/bpmn.css $(BPMN_OUT)/bpmn-font/css/
	cp node_modules/bpmn-js/dist/assets/bpmn-font/font/bpmn.woff2 \
	   node_modules/bpmn-js/dist/assets/bpmn-font/font/bpmn.woff $(BPMN_OUT)/bpmn-font/font/
	cp node_modules/bpmn-js/LICENSE $(BPMN_OUT)/LICENSE-bpmn-js
	cp node_modules/bpmn-js-properties-panel/LICENSE $(BPMN_OUT)/LICENSE-bpmn-js-properties-panel
	rm -rf build

# Maintainers: the documents' font. Nghị định 30/2020/NĐ-CP names Times New Roman; Liberation Serif
# (SIL OFL 1.1) has its metrics, so lines break where Word breaks them. Taken from Debian's package
# at a pinned version and committed; running needs no network.
FONTS_DEB := fonts-liberation2=2.1.5-1
FONTS_DEB_SHA256 := 35ffaa54f117e633e89a5da89af235a073b34dbe582726fbf6989568f7fd9bda
fonts:
	rm -rf build/fonts && mkdir -p build/fonts
	cd build/fonts && apt-get download $(FONTS_DEB)
	echo "$(FONTS_DEB_SHA256)  $$(ls build/fonts/*.deb)" | sha256sum -c -
	dpkg-deb -x build/fonts/*.deb build/fonts/deb
	rm -rf app/pdf/fonts && mkdir -p app/pdf/fonts
	cp build/fonts/deb/usr/share/fonts/truetype/liberation2/LiberationSerif-*.ttf app/pdf/fonts/
	cp build/fonts/deb/usr/share/doc/fonts-liberation2/copyright app/pdf/fonts/LICENSE
	rm -rf build/fonts && rmdir --ignore-fail-on-non-empty build

clean:
	rm -rf $(VENV) $(AUDIT) instance

# Maintainers: give the shipped diagrams their layout (BPMN DI) with bpmn-auto-layout (npm,
# pinned in tools/layout), lanes placed by tools/layout/finish.py; the results are committed and
# running needs no Node. A diagram whose DI already has a shape for every flow node keeps it
# (laid out by hand) unless FORCE=1. Check each after: open it in the admin's viewer; finish by hand with tools/layout/redraw.py (same_process.py checks only the drawing changed).
LAYOUT_FILES ?= $(wildcard workflows/bpmn/*.bpmn)
layout: $(VENV)/.runtime
	cd tools/layout && npm ci --no-audit --no-fund
	rm -rf build/layout && mkdir -p build/layout
	@for f in $(LAYOUT_FILES); do \
	  if [ "$(FORCE)" != 1 ] && $(BIN)/python tools/layout/coverage.py $$f >/dev/null; then \
	    echo "$$f: keeps its layout"; continue; fi; \
	  $(BIN)/python tools/layout/prepare.py $$f build/layout/$$(basename $$f) && \
	  node tools/layout/layout.mjs build/layout/$$(basename $$f) && \
	  $(BIN)/python tools/layout/finish.py $$f build/layout/$$(basename $$f).laid-out || exit 1; \
	done
	rm -rf build/layout && rmdir --ignore-fail-on-non-empty build
