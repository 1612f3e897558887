#!/usr/bin/env bash
# The whole test suite: typecheck, lint, unit + integration (vitest, real PostgreSQL and Redis),
# production build, e2e (Playwright + Chromium against the build). Ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p .reports
rm -f .reports/vitest.json .reports/vitest.log .reports/vitest-redis-cluster.json .reports/vitest-redis-cluster.log .reports/playwright.json
failed_steps=()

step() {
  local name=$1; shift
  echo
  echo "=== $name: $*"
  local started=$SECONDS
  if "$@"; then
    echo "=== $name passed in $((SECONDS - started)) s"
  else
    echo "=== $name FAILED after $((SECONDS - started)) s"
    failed_steps+=("$name")
  fi
}

step typecheck npx tsc --noEmit
step lint npx eslint --max-warnings 0 .
# the logs are kept so that the summary can quote an unhandled error, the one failure with no failed test
vitest_logged() { local name=$1; shift; npx vitest run "$@" --reporter=default --reporter=json --outputFile.json=".reports/$name.json" 2>&1 | tee ".reports/$name.log"; return "${PIPESTATUS[0]}"; }
step vitest vitest_logged vitest
# the messaging, session, cache, rate-limit and queue suites again, on a local 3-master Redis Cluster (ports 7101-7103)
step redis-cluster vitest_logged vitest-redis-cluster --config vitest.cluster.config.ts
step build npm run build
if [[ " ${failed_steps[*]} " != *" build "* ]]; then
  export PLAYWRIGHT_JSON_OUTPUT_NAME=.reports/playwright.json
  step e2e npx playwright test --reporter=list,json
fi

# bench smoke: 500 sockets against the production build; fails on lost or duplicated messages, drops, connect failures
if [[ " ${failed_steps[*]} " != *" build "* ]]; then
  step bench-smoke npm run bench -- --smoke
fi

node scripts/test-summary.mjs
if ((${#failed_steps[@]})); then
  echo "failed steps: ${failed_steps[*]}"
  exit 1
fi
