#!/usr/bin/env bash
# Fault drills of issue 14 item 9, each driving real host processes (src/PolicyFlow.Host, Release) on a fresh database:
#   cascade  (a) a host SIGKILLed in the middle of a seed measure's 101-way cascade, SQLite and PostgreSQL, several kill points
#   timers   (b) two hosts on one PostgreSQL, one SIGKILLed during a backlog of due timers
#   pg-restart  (c) two hosts, PostgreSQL stopped and started under HTTP load: hosts recover, no acknowledged write lost
#   smtp-outage (d) two hosts, the SMTP server down for --smtp-down seconds (600): every email delivered once after it returns
# (c) and (d) start a PostgreSQL cluster of their own (--pg-port, 55433 or a free port; fsync on) and never touch the shared one.
# Each drill prints what it did, each check (ok/FAIL) and PASS/FAIL; the table goes to bench/RESULTS.md; exit 1 on any FAIL.
# Usage (through bench/run.sh, which starts the throwaway PostgreSQL and builds Release):
#   bench/run.sh drills [a,b,c,d] [--providers Sqlite,PostgreSql] [--rounds 3] [--timers 10000] [--users 40]
#     [--pg-warmup 20] [--pg-down 15] [--pg-after 60] [--smtp-down 600] [--first-retry 5] [--max-retry 30]
#   e.g. bench/run.sh drills c     (one drill alone; the names work too: --drills pg-restart)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
configuration=${POLICYFLOW_BENCH_CONFIGURATION:-Release}
dll=bench/PolicyFlow.Bench/bin/$configuration/net10.0/PolicyFlow.Bench.dll
[[ -f $dll ]] || { echo "build first: dotnet build -c $configuration bench/PolicyFlow.Bench" >&2; exit 2; }
# A first argument that is not an option names the drills.
if [[ $# -gt 0 && $1 != --* ]]; then set -- --drills "$@"; fi
dotnet "$dll" drills "$@"
