#!/usr/bin/env bash
# Runs every test project of the solution and ends with one line: "N passed, N failed[, N skipped]".
# Installs what the tests need from Debian first: chromium's headless shell for the browser tests, postgresql for the second run of
# the integration suite, on a throwaway PostgreSQL cluster (tests/postgres.sh) with the tests that need several nodes.
set -uo pipefail
cd "$(dirname "$0")/.."
source tests/postgres.sh

# Runtime settings for the test processes and the portals they start (the shipped app keeps .NET's defaults). The
# suites started some 400 short-lived hosts then (about 70 per integration pass now that a class's tests share one),
# so the runtime's work on freshly compiled code dominated: profile-guided re-compilation and double-mapping code pages
# for write-xor-execute took a quarter of the integration suite's processor time (SQLite pass: 182 s of CPU and
# 1 min 42 s before, 132 s and 1 min 17 s after).
export DOTNET_TieredPGO=0 DOTNET_EnableWriteXorExecute=0

if [ ! -x /usr/bin/chromium-headless-shell ]; then
    echo "Installing Debian's chromium-headless-shell for the browser tests…"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null \
        || { echo "Could not install chromium-headless-shell; the browser tests cannot run."; echo "0 passed, 1 failed"; exit 1; }
fi

log=$(mktemp)
status=0
dotnet build Consult.sln --nologo -v quiet 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

if [ "$status" -eq 0 ]; then
    # One after another: each integration pass keeps both cores busy by itself (with the PostgreSQL server beside its
    # suite). The journeys beside the pass on PostgreSQL took 3 min 04 s against 3 min 14 s in turn, but slowed that
    # pass by a minute and the journeys' portal by as much; an earlier try of that kind starved the portal until a
    # journey missed its 30-second wait, which ten seconds do not repay.
    echo "== Unit tests =="
    dotnet test tests/Consult.UnitTests --no-build --nologo 2>&1 | tee -a "$log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1

    echo "== The integration suite on SQLite =="
    dotnet test tests/Consult.IntegrationTests --no-build --nologo --filter "Category!=Postgres" 2>&1 | tee -a "$log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1

    echo "== The integration suite on PostgreSQL, and several nodes on one database =="
    if postgres_start; then
        CONSULT_TEST_PROVIDER=postgres dotnet test tests/Consult.IntegrationTests --no-build --nologo --filter "Category!=Sqlite" 2>&1 | tee -a "$log"
        [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
        postgres_stop
    else
        echo "Could not start PostgreSQL; the suite on PostgreSQL cannot run."
        status=1
    fi

    echo "== Browser journeys =="
    dotnet test tests/Consult.BrowserTests --no-build --nologo 2>&1 | tee -a "$log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
fi

# Each test assembly prints e.g. "Passed!  - Failed:     0, Passed:    79, Skipped:     0, Total:    79".
read -r passed failed skipped < <(awk '
    /(Passed|Failed)! +- +Failed:/ {
        gsub(",", "");
        for (i = 1; i <= NF; i++) {
            if ($i == "Failed:") f += $(i + 1);
            if ($i == "Passed:") p += $(i + 1);
            if ($i == "Skipped:") s += $(i + 1);
        }
    }
    END { print p + 0, f + 0, s + 0 }' "$log")
rm -f "$log"

echo "Screenshots of the browser journeys: tests/Consult.BrowserTests/TestResults/screenshots/"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1   # the build or a test host failed before any test could report
fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
