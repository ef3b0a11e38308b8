#!/usr/bin/env bash
# SQLite and PostgreSQL side by side in one run, on a fresh corpus of 20,000 regulations each: CSV import, index
# rebuild, search, single saves and save → searchable on a second node, search and regulation pages under wrk.
# PostgreSQL is a throwaway local cluster with its default durability (tests/postgres.sh).
# Results: tests/Consult.Benchmarks/corpus/providers/results.md (pages appended).
#   bash tests/Consult.Benchmarks/providers.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/postgres.sh
postgres_start durable
trap postgres_stop EXIT
out=tests/Consult.Benchmarks/corpus/providers
rm -rf "$out"
dotnet run -c Release --project tests/Consult.Benchmarks -- --sizes 20000 --passes 1 --dir "$out" \
    --providers sqlite,postgres --postgres "$CONSULT_TEST_POSTGRES"
{
    echo; echo "## Pages under wrk, sqlite"
    bash tests/Consult.Benchmarks/pages.sh "$out/20000" 2>&1 | grep -E "^##|Requests/sec|50%|99%"
    echo; echo "## Pages under wrk, postgres"
    Storage__Provider=postgres Storage__ConnectionString="${CONSULT_TEST_POSTGRES/Database=postgres/Database=consult_bench_20000}" \
        bash tests/Consult.Benchmarks/pages.sh "$out/20000-postgres" 2>&1 | grep -E "^##|Requests/sec|50%|99%"
} >>"$out/results.md"
cat "$out/results.md"
