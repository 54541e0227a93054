#!/usr/bin/env bash
# Reproduces the load figures in docs/performance.md: the SIP2 server and the baseline line server, both on
# 127.0.0.1, driven by the same closed-loop load tool at each connection count. The servers take turns in
# slices of --slice seconds (after --settle unmeasured), --cycles times, so that all of them see the same
# state of a shared machine; then medians and the throughput ratios; then idle memory.
# --host-mode both runs the standalone listener and Kestrel hosting as two servers in the same run; all adds Kestrel
# with its socket transport's UnsafePreferInlineScheduling (kestrel-inline, see docs/kestrel.md). Each Kestrel mode
# also gets the line answerer behind the same transport (baseline-kestrel, baseline-kestrel-inline).
# --runs N repeats the whole load N times (the servers stay up): a run's medians move with the machine's state in
# its minutes, and the report ends with each run's median ratio and their median.
#
#   tests/Sip2.Net.Benchmarks/run-load.sh [--host-mode standalone|kestrel|kestrel-inline|both|all] [--cycles N] [--slice S]
#                                         [--settle S] [--warmup S] [--connections "1 16 256 1024"] [--idle N]
#                                         [--runs N] [--out DIR]
#                                         [--compare-dll PATH]   (another build of the benchmarks exe, e.g. from
#                                          before a change: its SIP2 server runs as "sip2-compare" in the same run)
set -euo pipefail

host_mode=standalone
cycles=20
slice=1
settle=0.5
warmup=2
counts="1 16 256 1024"
idle=10000
runs=1
out=""
compare=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --host-mode) host_mode=$2; shift 2 ;;
    --cycles) cycles=$2; shift 2 ;;
    --slice) slice=$2; shift 2 ;;
    --settle) settle=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) counts=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --compare-dll) compare=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

case "$host_mode" in
  standalone|kestrel|kestrel-inline) modes=("$host_mode") ;;
  both) modes=(standalone kestrel) ;;
  all) modes=(standalone kestrel kestrel-inline) ;;
  *) echo "unknown host mode $host_mode (standalone, kestrel, kestrel-inline, both or all)" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${out:-$(mktemp -d)}
mkdir -p "$out"

# 1,024 load connections and 10,000 idle ones need that many descriptors on each side (plus slack).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [[ $(ulimit -n) != unlimited && $(ulimit -n) -lt $((idle + 1024)) ]]; then
  echo "warning: ulimit -n is $(ulimit -n); the idle test needs more than $idle" >&2
fi

dotnet build "$root/tests/Sip2.Net.Benchmarks" -c Release -v q -nologo >/dev/null
bench="dotnet $root/tests/Sip2.Net.Benchmarks/bin/Release/net10.0/Sip2.Net.Benchmarks.dll"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_port() { for _ in $(seq 1 100); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; return 1; }

# Every server the load drives: started here, and a --target of the load tool. Its control port is its port + 100.
targets=(); ports=(); sip2=()
serve() { # label port command...
  local label=$1 port=$2; shift 2
  "$@" --port "$port" --control-port $((port + 100)) >"$out/$label.log" 2>&1 & pids+=($!)
  targets+=(--target "$label=$port:$((port + 100))"); ports+=("$port")
  if [[ $label == sip2-* ]]; then sip2+=("$label:$port"); fi
}
serve baseline 16002 $bench baseline
# With Kestrel, also the line answerer behind Kestrel's transport: what that transport costs without the SIP2 work.
declare -A line_port=([kestrel]=16005 [kestrel-inline]=16007)
for mode in "${modes[@]}"; do
  if [[ -n ${line_port[$mode]:-} ]]; then serve "baseline-$mode" "${line_port[$mode]}" $bench baseline --host-mode "$mode"; fi
done
declare -A sip2_port=([standalone]=16001 [kestrel]=16004 [kestrel-inline]=16006)
for mode in "${modes[@]}"; do serve "sip2-$mode" "${sip2_port[$mode]}" $bench server --host-mode "$mode"; done
if [[ -n $compare ]]; then serve sip2-compare 16003 dotnet "$compare" server; fi
for port in "${ports[@]}"; do wait_port "$port"; done

echo "date: $(date -u +%FT%TZ)  host mode $host_mode, $runs run(s) of $cycles cycles of ${slice}s slices (+${settle}s settling each), 10s warm-up per server, then ${warmup}s at each count"
# Each server's JIT compiles its hot path in tiers over its first seconds of load: run them all past that first.
$bench load "${targets[@]}" --connections 16 --cycles 0 --warmup 10
inputs=()
for run in $(seq 1 "$runs"); do
  tsv="$out/load-$run.tsv"
  : >"$tsv"
  inputs+=(--in "$tsv")
  for c in $counts; do
    $bench load "${targets[@]}" --connections "$c" --cycles "$cycles" --slice "$slice" --settle "$settle" --warmup "$warmup" --out "$tsv"
  done
  echo "run $run done: $(date -u +%FT%TZ)"
done
echo
$bench report "${inputs[@]}" --baseline-label baseline

if [[ $idle -gt 0 ]]; then
  for server in "${sip2[@]}"; do
    echo; echo "${server%%:*}:"
    port=${server##*:}
    $bench idle --port "$port" --control-port $((port + 100)) --connections "$idle" --settle 5
  done
fi
echo "raw results: $out"
