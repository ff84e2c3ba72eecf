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
SKIP_BUILD=1 node_modules/.bin/vitest run --reporter=default "$@"
