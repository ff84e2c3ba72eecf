#!/usr/bin/env bash
# The whole test suite: types, unit, integration, end-to-end. Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the end-to-end tests (apt-get)..."
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
  fi
fi

echo "== type-check"
node_modules/.bin/tsc --noEmit
echo "== lint and format (biome; the rules left as warnings are listed in docs/decisions/014)"
node_modules/.bin/biome check --diagnostic-level=error .
echo "== unused exports (knip)"
node_modules/.bin/knip
echo "== build"
node_modules/.bin/remix build >/dev/null
echo "== tests"
# The end-to-end files share one built server and run one after another in one process (vitest
# would run them only after every other file); the unit and integration files run beside them in
# a second vitest, on their own PostgreSQL, and their report follows the end-to-end one.
fast_log=$(mktemp)
SKIP_BUILD=1 node_modules/.bin/vitest run --project unit --project integration --passWithNoTests \
  --reporter=default "$@" >"$fast_log" 2>&1 &
fast=$!
trap 'kill "$fast" 2>/dev/null || true; wait "$fast" 2>/dev/null || true; rm -f "$fast_log"' EXIT
e2e=0
SKIP_BUILD=1 node_modules/.bin/vitest run --project e2e --passWithNoTests --reporter=default "$@" || e2e=$?
rest=0
wait "$fast" || rest=$?
echo "== unit and integration tests"
cat "$fast_log"
echo "== results: end-to-end $([ "$e2e" = 0 ] && echo passed || echo "FAILED ($e2e)"), unit and integration $([ "$rest" = 0 ] && echo passed || echo "FAILED ($rest)")"
[ "$e2e" = 0 ] && [ "$rest" = 0 ]
