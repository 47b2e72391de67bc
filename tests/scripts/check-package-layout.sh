#!/usr/bin/env bash
# Asserts the packed nupkg has the layout the README promises: exactly one package, the runtime under lib/,
# the analyzers under analyzers/dotnet/cs, the props that make IsTestProject visible to them, not a development dependency, and only the expected dependencies.
set -euo pipefail

dir="${1:?usage: check-package-layout.sh <folder with the nupkg>}"
shopt -s nullglob
packages=("$dir"/AtomicWriteAnalyzer.*.nupkg)
if [ "${#packages[@]}" -ne 1 ]; then
    echo "expected exactly one AtomicWriteAnalyzer.<version>.nupkg in $dir, found ${#packages[@]}: ${packages[*]:-none}" >&2
    exit 1
fi
nupkg="${packages[0]}"
echo "checking $nupkg"

fail=0
entries="$(unzip -Z1 "$nupkg")"
expect_entry() {
    if ! grep -qx "$1" <<<"$entries"; then
        echo "missing entry: $1" >&2
        fail=1
    fi
}
forbid_entry() {
    if grep -qE "$1" <<<"$entries"; then
        echo "unexpected entries matching $1:" >&2
        grep -E "$1" <<<"$entries" >&2
        fail=1
    fi
}

expect_entry "lib/netstandard2.0/AtomicWrite.dll"
expect_entry "lib/netstandard2.0/AtomicWrite.xml"
expect_entry "lib/net8.0/AtomicWrite.dll"
expect_entry "lib/net8.0/AtomicWrite.xml"
expect_entry "analyzers/dotnet/cs/AtomicWriteAnalyzer.dll"
expect_entry "analyzers/dotnet/cs/AtomicWriteAnalyzer.CodeFixes.dll"
expect_entry "README.md"
# IsTestProject as build_property.IsTestProject: test projects get no AW0001-AW0003 by default.
expect_entry "build/AtomicWriteAnalyzer.props"
expect_entry "buildTransitive/AtomicWriteAnalyzer.props"
props="$(unzip -p "$nupkg" build/AtomicWriteAnalyzer.props 2>/dev/null || true)"
if ! grep -q '<CompilerVisibleProperty Include="IsTestProject" />' <<<"$props"; then
    echo "build/AtomicWriteAnalyzer.props does not make IsTestProject visible to the analyzers" >&2
    fail=1
fi
# Nothing of Roslyn, no test or sample assemblies, no runtime inside analyzers/.
forbid_entry '^analyzers/.*(Microsoft\.CodeAnalysis|AtomicWrite\.dll)'
forbid_entry '^lib/.*(AtomicWriteAnalyzer|Microsoft\.CodeAnalysis|Tests|TokenStore)'
forbid_entry '^lib/[^/]+/AtomicWriteAnalyzer\.Package'

nuspec="$(unzip -p "$nupkg" '*.nuspec')"
nuspec_has() {
    if ! grep -qE "$1" <<<"$nuspec"; then
        echo "nuspec lacks: $1" >&2
        fail=1
    fi
}
nuspec_lacks() {
    if grep -qE "$1" <<<"$nuspec"; then
        echo "nuspec must not contain: $1" >&2
        fail=1
    fi
}

nuspec_has '<id>AtomicWriteAnalyzer</id>'
nuspec_has '<license type="expression">MIT</license>'
nuspec_has '<readme>README.md</readme>'
nuspec_has '<description>.+</description>'
nuspec_has '<tags>.*analyzers.*</tags>'
nuspec_has '<repository type="git" url="https://'
nuspec_lacks 'developmentDependency'
nuspec_lacks 'Microsoft\.CodeAnalysis'

# Dependency groups: net8.0 empty; netstandard2.0 only System.Diagnostics.DiagnosticSource.
python3 - "$nuspec" <<'PY' || fail=1
import re, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.argv[1])
ns = {"n": root.tag.split("}")[0].strip("{")}
groups = {g.get("targetFramework"): [d.get("id") for d in g.findall("n:dependency", ns)]
          for g in root.findall(".//n:dependencies/n:group", ns)}
expected = {".NETStandard2.0": ["System.Diagnostics.DiagnosticSource"], "net8.0": []}
if groups != expected:
    print(f"dependency groups are {groups}, expected {expected}", file=sys.stderr)
    sys.exit(1)
print("dependency groups:", groups)
PY

# The runtime is strong-named with the committed key (src/AtomicWrite/AtomicWrite.snk), in every lib/ folder.
expected_token="49f4c449bff7db5a"
unpacked="$(mktemp -d)"
unzip -q "$nupkg" 'lib/*/AtomicWrite.dll' -d "$unpacked"
for dll in "$unpacked"/lib/*/AtomicWrite.dll; do
    token="$(python3 "$(dirname "$0")/strong-name.py" "$dll")" || { fail=1; continue; }
    if [ "$token" != "$expected_token" ]; then
        echo "${dll#"$unpacked"/}: public key token $token, expected $expected_token" >&2
        fail=1
    else
        echo "${dll#"$unpacked"/}: strong-named, public key token $token"
    fi
done
rm -rf "$unpacked"

if [ "$fail" -ne 0 ]; then
    echo "package layout check FAILED" >&2
    exit 1
fi
echo "package layout OK"
