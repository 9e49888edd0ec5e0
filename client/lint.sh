#!/usr/bin/env bash
# Lints openapi/openapi.yaml with Spectral (spectral:oas) and Redocly (recommended), the versions
# pinned in package.json; fails on any error (warnings are printed, not fatal).
set -euo pipefail
cd "$(dirname "$0")"
contract=../openapi/openapi.yaml
[ -d node_modules ] || npm ci --no-audit --no-fund
echo "lint: spectral $(npx --no-install spectral --version) (spectral:oas)"
npx --no-install spectral lint --ruleset .spectral.yaml --fail-severity error "$contract"
echo "lint: redocly $(npx --no-install redocly --version) (recommended)"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  npx --no-install redocly lint --config redocly.yaml --format stylish "$contract"
