#!/usr/bin/env bash
# At a release: moves every symbol recorded in each PublicAPI.Unshipped.txt into its PublicAPI.Shipped.txt, so that the
# analyzers hold every later build to what shipped (removing or changing a shipped symbol fails the build, RS0017).
# Lines marked removed in Unshipped ("*REMOVED*...") take their symbol out of Shipped instead.
set -euo pipefail
cd "$(dirname "$0")/.."
find src -name PublicAPI.Unshipped.txt -not -path '*/bin/*' -not -path '*/obj/*' | while read -r unshipped; do
  shipped=${unshipped%Unshipped.txt}Shipped.txt
  header='#nullable enable'
  removed=$(grep '^\*REMOVED\*' "$unshipped" | sed 's/^\*REMOVED\*//' || true)
  {
    echo "$header"
    { grep -v -e "^$header\$" -e '^\s*$' "$shipped" 2>/dev/null || true
      grep -v -e "^$header\$" -e '^\s*$' -e '^\*REMOVED\*' "$unshipped" || true
    } | { if [[ -n $removed ]]; then grep -vxF -f <(printf '%s\n' "$removed"); else cat; fi; } | LC_ALL=C sort -u
  } > "$shipped.tmp"
  mv "$shipped.tmp" "$shipped"
  echo "$header" > "$unshipped"
done
