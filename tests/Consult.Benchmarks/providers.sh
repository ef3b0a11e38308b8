#!/usr/bin/env bash
# SQLite and PostgreSQL side by side in one run, on 20,000 regulations: CSV import, single saves, save → searchable on
# a second node, search and regulation pages under wrk. PostgreSQL is a throwaway local cluster with its default
# durability (tests/postgres.sh). Results: tests/Consult.Benchmarks/corpus/providers.md.
#   bash tests/Consult.Benchmarks/providers.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/postgres.sh
postgres_start durable
trap postgres_stop EXIT
corpus=tests/Consult.Benchmarks/corpus
rm -rf "$corpus/20000-postgres" "$corpus/20000-postgres-node2" "$corpus/20000-node2"
dotnet run -c Release --project tests/Consult.Benchmarks -- --sizes 20000 --passes 1 \
    --providers sqlite,postgres --postgres "$CONSULT_TEST_POSTGRES"
cp "$corpus/results.md" "$corpus/providers.md"
{
    echo; echo "# Pages under wrk, SQLite"
    bash tests/Consult.Benchmarks/pages.sh "$corpus/20000" 2>&1 | grep -E "^##|Requests/sec|Latency|50%|99%"
    echo; echo "# Pages under wrk, PostgreSQL"
    Storage__Provider=postgres Storage__ConnectionString="${CONSULT_TEST_POSTGRES/Database=postgres/Database=consult_bench_20000}" \
        bash tests/Consult.Benchmarks/pages.sh "$corpus/20000-postgres" 2>&1 | grep -E "^##|Requests/sec|Latency|50%|99%"
} >>"$corpus/providers.md"
cat "$corpus/providers.md"
