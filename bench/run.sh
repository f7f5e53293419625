#!/usr/bin/env bash
# Runs the benchmarks on SQLite and on a throwaway PostgreSQL; results are appended to bench/RESULTS.md.
# Usage: bench/run.sh [engine|timers|all] [extra options for PolicyFlow.Bench]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
what=${1:-all}; shift || true
if [[ -z "${POLICYFLOW_BENCH_PG:-${POLICYFLOW_TEST_PG:-}}" ]]; then
  # Reuse the test command's PostgreSQL setup: it exports POLICYFLOW_TEST_PG and stops the cluster on exit.
  source scripts/postgres.sh
  start_postgres
fi
dotnet build -c Release bench/PolicyFlow.Bench >/dev/null
run() { dotnet bench/PolicyFlow.Bench/bin/Release/net10.0/PolicyFlow.Bench.dll "$@"; }
[[ $what == engine || $what == all ]] && run engine "$@"
[[ $what == timers || $what == all ]] && run timers "$@"
exit 0
