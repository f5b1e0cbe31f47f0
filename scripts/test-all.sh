#!/usr/bin/env bash
# Every test, in the order a failure is cheapest to find: lint, types, unit, integration on
# SQLite and PostgreSQL, then the browser tests against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "lint"
npm run i18n --silent # the interface strings' code, which lint and types read
npx eslint .
npx prettier --check . --log-level warn

step "types"
npx svelte-kit sync
npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings

step "unit tests (run in two server time zones: the results must not depend on it)"
TZ=UTC npx vitest run --project unit
TZ=Asia/Vladivostok npx vitest run --project unit

step "integration tests on SQLite and PostgreSQL"
if [ -z "${TEST_DATABASE_URL:-}" ] && [ -n "${DATABASE_URL:-}" ]; then
  export TEST_DATABASE_URL="$DATABASE_URL"
fi
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  eval "$(scripts/postgres-throwaway.sh start)"
  trap 'scripts/postgres-throwaway.sh stop "$KRAEVED_PG_DIR"' EXIT
fi
TZ=UTC npx vitest run --project integration

step "browser tests in Chromium against the production build"
npx vite build --logLevel warn
TZ=UTC npx vitest run --project e2e
