#!/usr/bin/env bash
# Fuzzes one target of the harness with AFL++ (docs/security.md, "Fuzzing"):
#
#   tests/Sip2.Net.Fuzz/run-fuzz.sh [frame|parse|checksum|proxy] [--minutes N] [--out DIR]
#
# Installs AFL++ from the machine's Debian packages when it is missing, restores the sharpfuzz instrumenter
# (.config/dotnet-tools.json), publishes the harness, instruments Sip2.Net.dll in the publish output, writes the
# seed corpus from the golden vectors, runs afl-fuzz for the given time at low priority, and prints the figures
# from fuzzer_stats. Findings land in DIR/findings/<target> (default: artifacts/fuzz, ignored by git); replay
# one with: dotnet DIR/publish/Sip2.Net.Fuzz.dll --replay TARGET FILE
set -euo pipefail

target=parse
minutes=10
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    frame|parse|checksum|proxy) target=$1; shift ;;
    --minutes) minutes=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: $0 [frame|parse|checksum|proxy] [--minutes N] [--out DIR]" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mkdir -p "${out:-$root/artifacts/fuzz}" && cd "${out:-$root/artifacts/fuzz}" && pwd)
publish=$out/publish
findings=$out/findings/$target
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v afl-fuzz > /dev/null; then
  apt-cache policy afl++ | grep -q 'Candidate: [0-9]' || apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends afl++
fi

cd "$root"
dotnet tool restore
rm -rf "$publish"
dotnet publish tests/Sip2.Net.Fuzz -c Release -o "$publish" --nologo -v quiet
# Only the library is instrumented: coverage of the harness and the framework would only be noise to AFL.
dotnet sharpfuzz "$publish/Sip2.Net.dll"

rm -rf "$out/corpus"
dotnet "$publish/Sip2.Net.Fuzz.dll" --write-corpus "$out/corpus"

# The target is `dotnet`, not an AFL-compiled binary: AFL_SKIP_BIN_CHECK lets afl-fuzz start it anyway (the
# harness speaks the fork-server protocol itself). The rest: no CPU-governor or core-pattern demands on a
# shared machine, no curses UI, and a fixed end.
rm -rf "$findings"
mkdir -p "$(dirname "$findings")"
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
nice -n 10 afl-fuzz -i "$out/corpus/$target" -o "$findings" -t 10000 -m none -V $((minutes * 60)) \
  -- dotnet "$publish/Sip2.Net.Fuzz.dll" "$target" > "$out/afl-$target.log" 2>&1 || {
  echo "afl-fuzz failed; the end of $out/afl-$target.log:" >&2
  tail -30 "$out/afl-$target.log" >&2
  exit 1
}

stats=$findings/default/fuzzer_stats
value() { sed -n "s/^$1 *: *//p" "$stats"; }
echo "target:        $target ($minutes min)"
echo "executions:    $(value execs_done)"
echo "execs/s:       $(value execs_per_sec)"
echo "corpus:        $(value corpus_count) (paths found: $(value corpus_found))"
echo "crashes:       $(value saved_crashes)"
echo "hangs:         $(value saved_hangs)"
echo "findings:      $findings/default/crashes, $findings/default/hangs"
