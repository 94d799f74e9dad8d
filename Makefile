# The two commands a newcomer needs:  make start  and  make test.
# Each does all of its own setup: Node >= 22 (Node 24 LTS from the npm registry when the
# machine's is older), npm dependencies, and the redis-server / prometheus (and, for tests,
# chromium) packages when missing. See README.md.
SHELL := /bin/bash
WITH_NODE := scripts/with-node

.PHONY: start test check setup system-packages test-system-packages deps build codegen typecheck lint clean

start: system-packages deps build
	$(WITH_NODE) node dist/cli.js start

test: test-system-packages deps build
	$(WITH_NODE) npx vitest run

# What CI runs besides the tests: types, lint and formatting, generated code freshness.
check: deps
	$(WITH_NODE) npm run typecheck
	$(WITH_NODE) npm run lint
	$(WITH_NODE) npm run codegen:check

system-packages:
	scripts/install-system-packages redis-server prometheus

test-system-packages:
	scripts/install-system-packages redis-server prometheus chromium

deps: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	$(WITH_NODE) npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build: deps
	$(WITH_NODE) npm run build

codegen: deps
	$(WITH_NODE) npm run codegen

clean:
	rm -rf dist node_modules .tools
