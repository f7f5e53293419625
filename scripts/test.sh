#!/usr/bin/env bash
# The test command: installs what the tests need, starts a throwaway PostgreSQL,
# runs every test project and prints "N passed, M failed".
# Extra arguments go to `dotnet test`: ./scripts/test.sh --filter FullyQualifiedName~Engine
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
RESULTS="$ROOT/artifacts/test-results"
PACKAGES=(chromium fonts-noto-cjk python3-aiosmtpd)
[[ -n "${POLICYFLOW_TEST_PG:-}" ]] || PACKAGES+=(postgresql)

as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else
    echo "test.sh: need root to run '$*': run as root, install sudo, or install: ${missing[*]}" >&2
    exit 1
  fi
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

install_missing() {
  missing=()
  for package in "${PACKAGES[@]}"; do installed "$package" || missing+=("$package"); done
  (( ${#missing[@]} )) || return 0
  echo "test.sh: installing ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  # Where services may start on install, Debian starts a "main" cluster we did not ask for: stop it.
  if [[ " ${missing[*]} " == *" postgresql "* ]]; then
    pg_lsclusters -h | awk '$4 == "online" {print $1, $2}' | while read -r version cluster; do
      as_root pg_ctlcluster "$version" "$cluster" stop || true
    done
  fi
}

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

PG_DIR=""
PG_BIN=""
stop_postgres() {
  [[ -n "$PG_DIR" ]] || return 0
  if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=""
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# initdb and pg_ctl refuse to run as root; run them from a folder postgres can read.
as_postgres() {
  if [[ "$(id -u)" == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

start_postgres() {
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  [[ -x "$PG_BIN/initdb" ]] || { echo "test.sh: no PostgreSQL server under /usr/lib/postgresql" >&2; exit 1; }
  PG_DIR="$(mktemp -d -t policyflow-pg.XXXXXX)"
  # As root the server runs as postgres; otherwise as the current user.
  [[ "$(id -u)" != 0 ]] || chown postgres: "$PG_DIR"
  local port password
  port="$(free_port)"
  password="pf-$(/usr/bin/python3 -c 'import secrets; print(secrets.token_hex(8))')"
  echo "$password" >"$PG_DIR/pwfile"
  [[ "$(id -u)" != 0 ]] || chown postgres: "$PG_DIR/pwfile"
  as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
  # pg_ctl hands -o to /bin/sh: it must stay on one line. Durability is off: the data is thrown away.
  local options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_DIR"
  options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  options+=" -c max_connections=300 -c shared_buffers=256MB"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -o "$options" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; exit 1; }
  export POLICYFLOW_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres;Pooling=true;Maximum Pool Size=50"
  echo "test.sh: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $PG_DIR)"
}

summarize() {
  /usr/bin/python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
totals = {"total": 0, "executed": 0, "passed": 0, "failed": 0, "notExecuted": 0}
failed_tests = []
for path in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    root = ET.parse(path).getroot()
    ns = {"t": root.tag[1:root.tag.index("}")]} if root.tag.startswith("{") else {"t": ""}
    counters = root.find(".//t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    for key in totals:
        totals[key] += int(counters.get(key, 0))
    for result in root.iterfind(".//t:UnitTestResult", ns):
        if result.get("outcome") == "Failed":
            failed_tests.append(result.get("testName"))
for name in failed_tests:
    print("  failed: " + name)
line = f"{totals['passed']} passed, {totals['failed']} failed"
skipped = totals["notExecuted"]
if skipped:
    line += f", {skipped} skipped"
print(line)
if totals["executed"] == 0:
    print("test.sh: no test ran", file=sys.stderr)
sys.exit(0 if totals["failed"] == 0 and totals["executed"] > 0 else 1)
PY
}

install_missing
[[ -n "${POLICYFLOW_TEST_PG:-}" ]] || start_postgres
export POLICYFLOW_CHROMIUM="${POLICYFLOW_CHROMIUM:-/usr/bin/chromium}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
# A hung test is killed after 10 minutes and fails, instead of eating CI's 90.
# CI's machine is fresh and single-use: no MSBuild or compiler server is left behind there.
test_args=(-c Release --results-directory "$RESULTS" --logger "trx;LogFilePrefix=tests"
  --blame-hang-timeout 10m --blame-hang-dump-type none)
[[ -z "${CI:-}" ]] || test_args+=(--disable-build-servers)
status=0
dotnet test PolicyFlow.sln "${test_args[@]}" "$@" || status=$?

summary_status=0
summarize || summary_status=$?
if (( status != 0 )); then
  echo "test.sh: dotnet test exited with $status" >&2
  exit "$status"
fi
exit "$summary_status"
