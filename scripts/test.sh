#!/usr/bin/env bash
# Installs what the tests need (scripts/setup.sh), starts Azurite (scripts/azurite.sh), builds everything (the web
# designer too), runs every .NET test project and the designer's Vitest tests, and ends with one line of totals over
# all of them: "N passed, N failed, N skipped".
# Exits non-zero when anything fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

"$root/scripts/setup.sh"
"$root/scripts/postgres.sh"
"$root/scripts/azurite.sh"
dotnet build Workflows.sln --configuration Release --no-restore --verbosity quiet --nologo

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
status=0
for project in tests/*.Tests/*.Tests.csproj; do
    name="$(basename "$project" .csproj)"
    echo "== $name"
    dotnet test "$project" --configuration Release --no-build --nologo --verbosity quiet \
        --results-directory "$results" --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" || status=1
done

# The web designer's component tests (Vitest), reported as JUnit XML and counted with the others.
echo "== designer (vitest)"
(cd host/designer && npx vitest run --reporter=default --reporter=junit --outputFile.junit="$results/designer.junit.xml") || status=1

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
    if [ -z "$counters" ]; then
        echo "$(basename "$trx"): no test counts (the test run crashed?)" >&2
        status=1
        continue
    fi
    count() { local n; n="$(echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p")"; echo "${n:-0}"; }
    passed=$((passed + $(count passed)))
    failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
    skipped=$((skipped + $(count notExecuted)))
done
junit="$results/designer.junit.xml"
if [ -f "$junit" ]; then
    suites="$(grep -o '<testsuites [^>]*>' "$junit" | head -n 1)"
    attribute() { local n; n="$(echo "$suites" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p")"; echo "${n:-0}"; }
    vitest_failed=$(( $(attribute failures) + $(attribute errors) ))
    vitest_skipped=$(attribute skipped)
    passed=$((passed + $(attribute tests) - vitest_failed - vitest_skipped))
    failed=$((failed + vitest_failed))
    skipped=$((skipped + vitest_skipped))
else
    echo "designer.junit.xml: no test counts (vitest crashed?)" >&2
    status=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then status=1; fi
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
