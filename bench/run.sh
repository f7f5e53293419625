#!/usr/bin/env bash
# Runs the benchmarks on SQLite and on a throwaway PostgreSQL; results are appended to bench/RESULTS.md.
# Usage: bench/run.sh [engine|timers|cascade|completions|memory|coldstart|issue14|reports|inbox|importer|http|drills|all] [extra options for PolicyFlow.Bench]
# http: 200 county users through the API with wrk (bench/http/load.lua); drills: the fault drills (bench/drills/drills.sh).
# drills takes the drills to run first, by letter or name (bench/run.sh drills c,d); all four by default.
# POLICYFLOW_BENCH_CONFIGURATION=Debug builds and runs Debug instead of Release (a shared machine; say so with the figures).
# issue14 runs cascade, completions, timers, memory and coldstart (issue 14's engine figures, each against its ceiling).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
what=${1:-all}; shift || true
if [[ $what == importer ]]; then
  # The importer needs no database: preview of a generated 100-measure document and hostile 10 MB documents.
  dotnet build -c Release bench/PolicyFlow.Bench >/dev/null
  dotnet bench/PolicyFlow.Bench/bin/Release/net10.0/PolicyFlow.Bench.dll importer "$@"
  exit 0
fi
if [[ -z "${POLICYFLOW_BENCH_PG:-${POLICYFLOW_TEST_PG:-}}" ]]; then
  # Reuse the test command's PostgreSQL setup: it exports POLICYFLOW_TEST_PG and stops the cluster on exit.
  source scripts/postgres.sh
  start_postgres
  if [[ $what != importer ]]; then
    # Every database figure is measured with durability on, as production runs: restart the throwaway cluster with fsync,
    # synchronous_commit and full_page_writes on (command-line settings outrank ALTER SYSTEM, so it is a restart).
    # The HTTP load counts SQL statements per request with pg_stat_statements (bench/PolicyFlow.Bench/HttpProbe.cs).
    statements=""
    [[ $what != http ]] || statements=" -c shared_preload_libraries=pg_stat_statements"
    port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$POLICYFLOW_TEST_PG")"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -m fast restart \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_DIR -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=300 -c shared_buffers=256MB$statements" >/dev/null
  fi
fi
configuration=${POLICYFLOW_BENCH_CONFIGURATION:-Release}
dotnet build -c "$configuration" bench/PolicyFlow.Bench >/dev/null
run() { dotnet "bench/PolicyFlow.Bench/bin/$configuration/net10.0/PolicyFlow.Bench.dll" "$@"; }
[[ $what == engine || $what == all ]] && run engine "$@"
[[ $what == cascade || $what == issue14 || $what == all ]] && run cascade "$@"
[[ $what == completions || $what == issue14 || $what == all ]] && run completions "$@"
[[ $what == timers || $what == issue14 || $what == all ]] && run timers "$@"
# The host runs as its own process (src/PolicyFlow.Host, built with the bench) for memory and cold start.
[[ $what == memory || $what == issue14 || $what == all ]] && run memory "$@"
[[ $what == coldstart || $what == issue14 || $what == all ]] && run coldstart "$@"
[[ $what == all ]] && run importer
# The inbox in Chromium (issue 13): the host as its own process, signed in as one agency with 10,000 tasks.
[[ $what == inbox || $what == all ]] && run inbox "$@"
if [[ $what == http ]]; then
  command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
  run http "$@"
fi
[[ $what == drills ]] && bench/drills/drills.sh "$@"
# One process per provider, so each one's memory figures are its own (give no --providers here: it is set).
if [[ $what == reports || $what == all ]]; then
  # POLICYFLOW_BENCH_PROVIDERS="PostgreSql" runs one provider only (the SQLite load of 1,000,000 rows takes minutes).
  for provider in ${POLICYFLOW_BENCH_PROVIDERS:-Sqlite PostgreSql}; do run reports --providers "$provider" "$@"; done
fi
exit 0
