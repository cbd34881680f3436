#!/usr/bin/env bash
# One `corsprobe URL` process against the platform's documented check (`curl` + `grep`), in paired runs on the same
# target: nginx in its own process on 127.0.0.1 (the benchmarks' nginx.conf). Each pair runs both commands back to
# back, in alternating order, so drift on a shared machine falls on both alike. Prints the median wall time of each
# command and its ratio to curl + grep, the median of the per-pair ratios, and one line per run into $OUT (a TSV).
#
#   bash benchmarks/process-timings.sh            # 60 pairs (RUNS=200 for steadier medians)
#
# Needs nginx, curl, python3 and clang + zlib1g-dev (Native AOT); .ci/run installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-60}
origin=https://dashboard.galxe.com
work=$(mktemp -d)
out=${OUT:-$work/timings.tsv}
trap 'kill "${nginx_pid:-}" 2> /dev/null || true; wait 2> /dev/null || true; rm -rf "$work"' EXIT

echo "== publishing corsprobe: Native AOT (the linux-x64 tool package) and framework-dependent (the fallback)" >&2
dotnet publish samples/CorsProbe.Cli -c Release -r linux-x64 -o "$work/aot" > "$work/publish-aot.log" 2>&1 \
  || { cat "$work/publish-aot.log" >&2; exit 1; }
dotnet publish samples/CorsProbe.Cli -c Release -r linux-x64 --self-contained false -p:PublishAot=false -o "$work/jit" > "$work/publish-jit.log" 2>&1 \
  || { cat "$work/publish-jit.log" >&2; exit 1; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -e "s|@DIRECTORY@|$work|g" -e "s|@PORT@|$port|g" -e "s|@ORIGIN@|$origin|g" benchmarks/CorsProbe.Benchmarks/nginx.conf > "$work/nginx.conf"
/usr/sbin/nginx -p "$work" -c "$work/nginx.conf" &
nginx_pid=$!
url="http://127.0.0.1:$port/quests"
for _ in $(seq 100); do curl -s -o /dev/null "$url" && break; sleep 0.05; done

# The platform's check: the preflight, then the allowing header looked for in what came back.
curl_check() {
  curl -s -i -X OPTIONS "$url" -H "Origin: $origin" -H "Access-Control-Request-Method: PUT" \
    | grep -qi "^access-control-allow-origin: \(\*\|$origin\)"
}
aot_check() { "$work/aot/CorsProbe.Cli" "$url" --origin "$origin" -m PUT --allow-local > /dev/null; }
jit_check() { "$work/jit/CorsProbe.Cli" "$url" --origin "$origin" -m PUT --allow-local > /dev/null; }

# Wall time of one command in microseconds, from bash's own clock (no process is started to read it).
wall() {
  local start=${EPOCHREALTIME/./}
  "$@" || { echo "$* failed" >&2; exit 1; }
  echo $(( ${EPOCHREALTIME/./} - start ))
}

for _ in 1 2 3; do curl_check; aot_check; jit_check; done # page caches and nginx warm
printf 'pair\tcurl_grep_us\tcorsprobe_aot_us\tcorsprobe_framework_dependent_us\n' > "$out"
echo "== $runs pairs against $url" >&2
for i in $(seq "$runs"); do
  if (( i % 2 )); then c=$(wall curl_check); a=$(wall aot_check); j=$(wall jit_check)
  else j=$(wall jit_check); a=$(wall aot_check); c=$(wall curl_check); fi
  printf '%s\t%s\t%s\t%s\n' "$i" "$c" "$a" "$j" >> "$out"
done

python3 - "$out" << 'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
curl = [int(r["curl_grep_us"]) for r in rows]
def line(name, column):
    times = [int(r[column]) for r in rows]
    ratios = [t / c for t, c in zip(times, curl)]
    print(f"| {name} | {statistics.median(times) / 1000:.1f} | {min(times) / 1000:.1f} | "
          f"{statistics.median(times) / statistics.median(curl):.2f}x | {statistics.median(ratios):.2f}x |")
print(f"{len(rows)} paired runs, wall time per process (ms)\n")
print("| Command | Median | Min | Ratio of medians | Median of pair ratios |")
print("|---|---:|---:|---:|---:|")
line("`curl` + `grep` (baseline)", "curl_grep_us")
line("`corsprobe URL`, Native AOT (linux-x64 package)", "corsprobe_aot_us")
line("`corsprobe URL`, framework-dependent (fallback package)", "corsprobe_framework_dependent_us")
EOF
