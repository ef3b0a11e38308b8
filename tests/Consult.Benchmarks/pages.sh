#!/usr/bin/env bash
# Pages under load: the site in Release on 127.0.0.1 over a benchmark corpus, measured with wrk
# from Debian (installed if missing). Run the benchmark program first to build the corpus:
#   dotnet run -c Release --project tests/Consult.Benchmarks -- --sizes 20000
#   bash tests/Consult.Benchmarks/pages.sh [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=$(realpath "${1:-tests/Consult.Benchmarks/corpus/20000}")
port=5090
out=$(mktemp -d)

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
dotnet publish src/Consult.Web -c Release -o "$out/site" --nologo -v quiet

Storage__DataDirectory="$corpus" Demo__Seed=false Urls="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
    dotnet "$out/site/Consult.Web.dll" &
site=$!
trap 'kill $site; rm -rf "$out"' EXIT
until curl -fs "http://127.0.0.1:$port/" >/dev/null; do sleep 0.5; done

# Each script walks a list of paths, one request after another, per connection.
rotate() {
    cat > "$out/$1.lua" <<LUA
local paths = {}
for line in io.lines("$2") do paths[#paths + 1] = "$3" .. line end
local i = 0
request = function()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end
LUA
}
rotate search "$corpus/wrk-queries.txt" "/search?"
rotate regulation "$corpus/wrk-codes.txt" "/regulations/"

for path in search regulation; do
    # Warm-up, then the measured run.
    wrk -t1 -c8 -d5s -s "$out/$path.lua" "http://127.0.0.1:$port" >/dev/null
done
echo "## search page, 8 connections"
wrk -t1 -c8 -d20s --latency -s "$out/search.lua" "http://127.0.0.1:$port"
echo "## regulation page, 64 connections"
wrk -t1 -c64 -d20s --latency -s "$out/regulation.lua" "http://127.0.0.1:$port"
echo "## effort-index ranking, 8 connections (after its first computation, timed here, is cached)"
curl -s -o /dev/null -w "first computation: %{time_total} s\n" "http://127.0.0.1:$port/effort-index"
wrk -t1 -c8 -d5s "http://127.0.0.1:$port/effort-index" >/dev/null
wrk -t1 -c8 -d20s --latency "http://127.0.0.1:$port/effort-index"
echo "## site working set: $(awk '/VmHWM/ {print $2 / 1024 " MB peak"}' /proc/$site/status)"
