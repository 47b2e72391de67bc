#!/usr/bin/env bash
# Keystroke to squiggle on a large project, in csharp-ls: the editor client (tests/AtomicWriteAnalyzer.Editor) runs
# its checks and then times undo/redo of the package's fix on TokenStore.cs, padded to 3,000+ lines and 60 methods,
# in a consumer of 200+ generated files; once with the package alone, once with Meziantou.Analyzer beside it.
# A benchmark, not part of CI: figures in docs/benchmarks.md. Needs the Release build and artifacts/package.
# Usage: editor-latency.sh <folder with the nupkg> [measured edits, default 10] [generated files, default 200]
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
package_dir="$(cd "${1:?usage: editor-latency.sh <folder with the nupkg> [edits] [files]}" && pwd)"
samples="${2:-10}"
files="${3:-200}"
fail() { echo "editor-latency FAILED: $*" >&2; exit 1; }

nupkg="$(ls "$package_dir"/AtomicWriteAnalyzer.*.nupkg 2>/dev/null | head -n 1 || true)"
[ -n "$nupkg" ] || fail "no AtomicWriteAnalyzer.*.nupkg in $package_dir"
version="$(basename "$nupkg" .nupkg)"
version="${version#AtomicWriteAnalyzer.}"
meziantou="$(sed -nE 's|.*<MeziantouAnalyzerVersion>(.*)</MeziantouAnalyzerVersion>.*|\1|p' "$root/Directory.Packages.props")"
client="$root/tests/AtomicWriteAnalyzer.Editor/bin/Release/net10.0/AtomicWriteAnalyzer.Editor.dll"
[ -f "$client" ] || fail "$client is not built"

work="$(mktemp -d -t aw-editor-latency-XXXXXX)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
(cd "$root" && dotnet tool restore) >"$work/tool.log" 2>&1 || { cat "$work/tool.log"; fail "dotnet tool restore failed"; }

# Usage: make_consumer <name> <extra package reference xml>
make_consumer() {
    local dir="$work/$1"
    mkdir -p "$dir/Generated"
    cp "$root"/samples/TokenStore/*.cs "$dir/"
    # 60 methods of 50 lines inside the TokenStore class: the edited file is large, the squiggle stays where it was.
    python3 - "$dir/TokenStore.cs" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
methods = []
for m in range(60):
    body = "\n".join(f"            total += (x * {i} + {m}) % 7;" for i in range(44))
    methods.append(f"""
        public static int Compute{m}(int x)
        {{
            int total = 0;
{body}
            return total;
        }}""")
anchor = "        public IReadOnlyList<AuthToken> Tokens => Load().Tokens;"
open(path, "w").write(text.replace(anchor, anchor + "\n" + "\n".join(methods)))
PY
    for i in $(seq 1 "$files"); do
        cat > "$dir/Generated/Model$i.cs" <<EOF
using System.Collections.Generic;

namespace TokenStore.Generated
{
    public sealed class Model$i
    {
        private readonly List<int> _values = new List<int>();

        public int Count => _values.Count;

        public void Add(int value) => _values.Add(value * $i);

        public int Sum()
        {
            int sum = 0;
            foreach (int value in _values)
            {
                sum += value;
            }

            return sum;
        }
    }
}
EOF
    done
    cat > "$dir/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <packageSources>
    <clear />
    <add key="local" value="$package_dir" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
</configuration>
EOF
    cat > "$dir/$1.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>disable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="AtomicWriteAnalyzer" Version="$version" />
    $2
  </ItemGroup>
</Project>
EOF
    NUGET_PACKAGES="$work/packages" dotnet restore "$dir/$1.csproj" >"$work/restore-$1.log" 2>&1 \
        || { cat "$work/restore-$1.log"; fail "restore of $1 failed"; }
    echo "$1: $(find "$dir" -name '*.cs' | wc -l) files, TokenStore.cs $(wc -l <"$dir/TokenStore.cs") lines"
}

make_consumer Ours ""
make_consumer WithMeziantou "<PackageReference Include=\"Meziantou.Analyzer\" Version=\"$meziantou\" />"

for consumer in Ours WithMeziantou; do
    echo "::: $consumer"
    dotnet "$client" --tool-folder "$root" --package "$work/packages/atomicwriteanalyzer/$version" \
        --consumer "$work/$consumer" --latency-samples "$samples" | grep -vE '^  [A-Za-z]+\.cs:' \
        || fail "the editor client failed on $consumer"
done
