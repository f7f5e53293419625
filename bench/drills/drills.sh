#!/usr/bin/env bash
# Fault drills of issue 14 item 9, each driving real host processes (src/PolicyFlow.Host, Release) on a fresh database:
#   cascade  (a) a host SIGKILLed in the middle of a seed measure's 101-way cascade, SQLite and PostgreSQL, several kill points
#   timers   (b) two hosts on one PostgreSQL, one SIGKILLed during a backlog of due timers
# Each drill prints what it did, each check (ok/FAIL) and PASS/FAIL; the table goes to bench/RESULTS.md; exit 1 on any FAIL.
# Usage (through bench/run.sh, which starts the throwaway PostgreSQL and builds Release):
#   bench/run.sh drills [--drills cascade,timers] [--providers Sqlite,PostgreSql] [--rounds 3] [--timers 10000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
dll=bench/PolicyFlow.Bench/bin/Release/net10.0/PolicyFlow.Bench.dll
[[ -f $dll ]] || { echo "build first: dotnet build -c Release bench/PolicyFlow.Bench" >&2; exit 2; }
dotnet "$dll" drills "$@"
