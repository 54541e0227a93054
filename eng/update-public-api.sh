#!/usr/bin/env bash
# Records every public symbol of src/Sip2.Net in PublicAPI/<target>/PublicAPI.Unshipped.txt.
# `dotnet format` fills the first target (netstandard2.0); the net8.0+ records differ only in the return
# type of records' Clone (covariant returns), which is rewritten here.
set -euo pipefail
cd "$(dirname "$0")/.."
api=src/Sip2.Net/PublicAPI
dotnet format analyzers src/Sip2.Net/Sip2.Net.csproj --diagnostics RS0016 --severity info
for target in net8.0 net10.0; do
  sed -E 's/^override (Sip2\.Net\.[A-Za-z0-9_.]+)\.<Clone>\$\(\) -> Sip2\.Net\.Messages\.Sip2Message!$/override \1.<Clone>$() -> \1!/' \
    "$api/netstandard2.0/PublicAPI.Unshipped.txt" > "$api/$target/PublicAPI.Unshipped.txt"
done
dotnet build src/Sip2.Net --no-restore -v quiet
