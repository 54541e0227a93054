#!/usr/bin/env bash
# Packs every package from the build the tests just ran (--no-build) and checks what a consumer gets: each package
# and its symbols package, the metadata (icon, project URL, release notes, readme, licence, the commit it was built
# from), package validation (run by pack), SourceLink in the symbols of a build whose origin is the project's
# public address, and the sip2 tool installed from the packed output, on this machine's runtime and rolled forward
# from its net8.0 build. Prints one runner-style summary line, so .ci/run counts each check like a test.
#
#   .ci/check-packages.sh OUT_DIR
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: $0 OUT_DIR}
mkdir -p "$out"
packages=$out/packages
passed=0; failed=0
check() { # check NAME COMMAND...: runs the command, counts and prints the outcome
  local name=$1; shift
  if "$@" >"$out/check.log" 2>&1; then passed=$((passed + 1)); echo "  ok    $name"
  else failed=$((failed + 1)); echo "  FAIL  $name"; sed 's/^/        /' "$out/check.log" | tail -20; fi
}

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
project_url=$(sed -n 's:.*<PackageProjectUrl>\(.*\)</PackageProjectUrl>.*:\1:p' Directory.Build.props)
commit=$(git rev-parse HEAD)
echo "packaging checks: version $version, commit $commit"

check "dotnet pack (with package validation)" dotnet pack --configuration Release --no-build --output "$packages"

ids=()
for project in src/*/*.csproj; do
  grep -q '<IsPackable>true</IsPackable>' "$project" || continue
  id=$(sed -n 's:.*<PackageId>\(.*\)</PackageId>.*:\1:p' "$project"); id=${id:-$(basename "$project" .csproj)}
  ids+=("$id")
done

# Read whole before grep: grep -q stops at its first match, and under pipefail the writer's broken pipe would fail it.
nuspec_has() { local nuspec; nuspec=$(unzip -p "$packages/$1.$version.nupkg" "$1.nuspec") && grep -q -- "$2" <<<"$nuspec"; }
listing_has() { local listing; listing=$(unzip -l "$1") && grep -q -- "$2" <<<"$listing"; }
package_metadata() {
  local id=$1
  [ -f "$packages/$id.$version.nupkg" ] && [ -f "$packages/$id.$version.snupkg" ] \
    && nuspec_has "$id" "<icon>icon.png</icon>" && nuspec_has "$id" "<projectUrl>$project_url</projectUrl>" \
    && nuspec_has "$id" "<releaseNotes># Release notes" && nuspec_has "$id" "<readme>README.md</readme>" \
    && nuspec_has "$id" '<license type="expression">MIT</license>' && nuspec_has "$id" "commit=\"$commit\"" \
    && listing_has "$packages/$id.$version.nupkg" ' icon.png$' \
    && listing_has "$packages/$id.$version.snupkg" '\.pdb$'
}
for id in "${ids[@]}"; do check "$id: both packages, icon, project URL, release notes, readme, licence, commit" package_metadata "$id"; done

# SourceLink maps sources to the repository's public address, which the build reads from the git remote: a clone
# whose origin is that address stands for the release build (this checkout's origin may be a local path).
sourcelink() {
  local clone=$out/release-clone
  rm -rf "$clone" && git clone --quiet . "$clone" && git -C "$clone" remote set-url origin "$project_url" \
    && dotnet pack "$clone/src/Sip2.Net" --configuration Release --output "$out/release" \
    && mkdir -p "$out/symbols" && unzip -o -q "$out/release/Sip2.Net.$version.snupkg" -d "$out/symbols" || return 1
  local raw=${project_url/github.com/raw.githubusercontent.com}
  for pdb in "$out"/symbols/lib/*/Sip2.Net.pdb; do
    grep -a -q -F "\"$raw/$commit/*\"" "$pdb" || { echo "no SourceLink to $raw/$commit in $pdb"; return 1; }
  done
}
check "Sip2.Net: SourceLink in every target's symbols maps to $project_url at $commit" sourcelink

tools=$out/tools
check "sip2 tool installs from the packed output" dotnet tool install Sip2.Net.Cli --tool-path "$tools" --add-source "$packages" --version "$version"
check "sip2 --version prints $version" bash -c "'$tools/sip2' --version | grep '^$version+$commit'"
net8=$(find "$tools/.store" -path '*/net8.0/any/sip2.dll' | head -1)
check "sip2's net8.0 build rolls forward to this machine's runtime" bash -c "[ -n '$net8' ] && dotnet '$net8' --version | grep '^$version'"

total=$((passed + failed))
if [ "$failed" -eq 0 ]; then verdict=Passed; else verdict=Failed; fi
echo "$verdict!  - Failed: $failed, Passed: $passed, Skipped: 0, Total: $total - packaging checks (.ci/check-packages.sh)"
[ "$failed" -eq 0 ]
