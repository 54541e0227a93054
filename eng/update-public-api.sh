#!/usr/bin/env bash
# Records every public symbol of src/Sip2.Net in PublicAPI/<target>/PublicAPI.Unshipped.txt.
# `dotnet format` fills the first target (netstandard2.0); the net8.0+ records differ only in the return
# type of records' Clone (covariant returns), which is rewritten here.
set -euo pipefail
cd "$(dirname "$0")/.."
api=src/Sip2.Net/PublicAPI
first=$api/netstandard2.0/PublicAPI.Unshipped.txt
before=$(mktemp)
trap 'rm -f "$before"' EXIT
cp "$first" "$before"
dotnet format analyzers src/Sip2.Net/Sip2.Net.csproj --diagnostics RS0016 --severity info

# The RS0016 fix drops the compiler-generated members (Equals, GetHashCode, Clone, ...) of a record it adds
# to; put back every line it removed, then take out again those the analyzer reports as really gone (RS0017).
comm -23 <(sort "$before") <(sort "$first") >> "$first"
gone=$(dotnet build src/Sip2.Net -f netstandard2.0 --no-restore 2>&1 | grep -oE "RS0017: Symbol '.*' is part of the declared API" | sed -E "s/^RS0017: Symbol '(.*)' is part of the declared API$/\1/" | sort -u || true)
if [[ -n "$gone" ]]; then
  grep -vxF -f <(printf '%s\n' "$gone") "$first" > "$first.tmp" && mv "$first.tmp" "$first"
fi

for target in net8.0 net10.0; do
  sed -E -e 's/^override (Sip2\.Net\.[A-Za-z0-9_.]+)\.<Clone>\$\(\) -> Sip2\.Net\.Messages\.Sip2Message!$/override \1.<Clone>$() -> \1!/' \
    -e 's/^override abstract (Sip2\.Net\.[A-Za-z0-9_.]+<TResponse>)\.<Clone>\$\(\) -> Sip2\.Net\.Messages\.Sip2Message!$/~override abstract \1.<Clone>$() -> \1!/' \
    "$first" > "$api/$target/PublicAPI.Unshipped.txt"
done
dotnet build src/Sip2.Net --no-restore -v quiet
