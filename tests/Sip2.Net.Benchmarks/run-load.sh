#!/usr/bin/env bash
# Reproduces the load figures in docs/performance.md: the SIP2 server and the baseline line server, both on
# 127.0.0.1, driven by the same closed-loop load tool at each connection count. The servers take turns in
# slices of --slice seconds (after --settle unmeasured), --cycles times, so that all of them see the same
# state of a shared machine; then medians and the throughput ratios; then idle memory.
# --host-mode both runs the standalone listener and Kestrel hosting as two servers in the same run.
#
#   tests/Sip2.Net.Benchmarks/run-load.sh [--host-mode standalone|kestrel|both] [--cycles N] [--slice S]
#                                         [--settle S] [--warmup S] [--connections "1 16 256 1024"] [--idle N]
#                                         [--out DIR]
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
    --out) out=$2; shift 2 ;;
    --compare-dll) compare=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

case "$host_mode" in
  standalone|kestrel) modes=("$host_mode") ;;
  both) modes=(standalone kestrel) ;;
  *) echo "unknown host mode $host_mode (standalone, kestrel or both)" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${out:-$(mktemp -d)}
mkdir -p "$out"
baseline_port=16002; compare_port=16003; baseline_control_port=16102; compare_control_port=16103
declare -A sip2_port=([standalone]=16001 [kestrel]=16004) control_port=([standalone]=16101 [kestrel]=16104)

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

for mode in "${modes[@]}"; do
  $bench server --port "${sip2_port[$mode]}" --control-port "${control_port[$mode]}" --host-mode "$mode" >"$out/server-$mode.log" 2>&1 & pids+=($!)
done
$bench baseline --port $baseline_port --control-port $baseline_control_port >"$out/baseline.log" 2>&1 & pids+=($!)
# With Kestrel, also the line answerer behind Kestrel's transport: what that transport costs without the SIP2 work.
kestrel_baseline_port=16005; kestrel_baseline_control_port=16105
if [[ " ${modes[*]} " == *" kestrel "* ]]; then
  $bench baseline --port $kestrel_baseline_port --control-port $kestrel_baseline_control_port --host-mode kestrel >"$out/baseline-kestrel.log" 2>&1 & pids+=($!)
  wait_port $kestrel_baseline_port
fi
for mode in "${modes[@]}"; do wait_port "${sip2_port[$mode]}"; done
wait_port $baseline_port
if [[ -n $compare ]]; then
  dotnet "$compare" server --port $compare_port --control-port $compare_control_port >"$out/compare.log" 2>&1 & pids+=($!)
  wait_port $compare_port
fi

targets=(--target "baseline=$baseline_port:$baseline_control_port")
if [[ " ${modes[*]} " == *" kestrel "* ]]; then targets+=(--target "baseline-kestrel=$kestrel_baseline_port:$kestrel_baseline_control_port"); fi
for mode in "${modes[@]}"; do targets+=(--target "sip2-$mode=${sip2_port[$mode]}:${control_port[$mode]}"); done
if [[ -n $compare ]]; then targets+=(--target "sip2-compare=$compare_port:$compare_control_port"); fi

tsv="$out/load.tsv"
: >"$tsv"
echo "date: $(date -u +%FT%TZ)  host mode $host_mode, $cycles cycles of ${slice}s slices (+${settle}s settling each), 10s warm-up per server, then ${warmup}s at each count"
# Each server's JIT compiles its hot path in tiers over its first seconds of load: run them all past that first.
$bench load "${targets[@]}" --connections 16 --cycles 0 --warmup 10
for c in $counts; do
  $bench load "${targets[@]}" --connections "$c" --cycles "$cycles" --slice "$slice" --settle "$settle" --warmup "$warmup" --out "$tsv"
done
echo
$bench report --in "$tsv" --baseline-label baseline

if [[ $idle -gt 0 ]]; then
  echo
  for mode in "${modes[@]}"; do
    echo "sip2-$mode:"
    $bench idle --port "${sip2_port[$mode]}" --control-port "${control_port[$mode]}" --connections "$idle" --settle 5
  done
  if [[ -n $compare ]]; then
    echo "sip2-compare:"
    $bench idle --port $compare_port --control-port $compare_control_port --connections "$idle" --settle 5
  fi
fi
echo "raw results: $out"
