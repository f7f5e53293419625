#!/usr/bin/env bash
# The test command: installs what the tests need, starts a throwaway PostgreSQL,
# runs every test project and prints "N passed, M failed".
# Extra arguments go to `dotnet test`: ./scripts/test.sh --filter FullyQualifiedName~Engine
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
RESULTS="$ROOT/artifacts/test-results"
# fonts-arphic-uming: a TrueType 宋体 for the 通报 PDF (PDFsharp cannot subset Noto CJK's CFF outlines).
PACKAGES=(chromium fonts-noto-cjk fonts-arphic-uming python3-aiosmtpd)
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

source "$ROOT/scripts/postgres.sh"

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
