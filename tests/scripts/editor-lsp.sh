#!/usr/bin/env bash
# The package in an editor: csharp-ls (the local tool pinned in .config/dotnet-tools.json) over a consumer project
# that installs the packed nupkg, driven by tests/AtomicWriteAnalyzer.Editor (built by CI's build stage):
#   1. the squiggles of samples/TokenStore, the package's fix sent as one didChange, code actions recorded, and the
#      time from keystroke to squiggle printed;
#   2. three self-checks that must fail, each with its own message: a consumer without the package, analyzers
#      disabled in the client's configuration, and the token write already fixed.
# Never skips: a missing nupkg, a tool that does not restore or a server that does not start fail the stage.
# Usage: editor-lsp.sh <folder with the nupkg> [latency samples, default 10]
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
package_dir="$(cd "${1:?usage: editor-lsp.sh <folder with AtomicWriteAnalyzer.<version>.nupkg> [samples]}" && pwd)"
samples="${2:-10}"
fail() { echo "editor-lsp FAILED: $*" >&2; exit 1; }

nupkg="$(ls "$package_dir"/AtomicWriteAnalyzer.*.nupkg 2>/dev/null | head -n 1 || true)"
[ -n "$nupkg" ] || fail "no AtomicWriteAnalyzer.*.nupkg in $package_dir (run pack first)"
version="$(basename "$nupkg" .nupkg)"
version="${version#AtomicWriteAnalyzer.}"
client="$root/tests/AtomicWriteAnalyzer.Editor/bin/Release/net10.0/AtomicWriteAnalyzer.Editor.dll"
[ -f "$client" ] || fail "$client is not built (run the build stage first)"

work="$(mktemp -d -t aw-editor-XXXXXX)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "::: tool: csharp-ls from .config/dotnet-tools.json"
(cd "$root" && dotnet tool restore) >"$work/tool.log" 2>&1 || { cat "$work/tool.log"; fail "dotnet tool restore failed"; }
(cd "$root" && dotnet tool list --local) | grep -E '^csharp-ls ' || fail "csharp-ls is not in the local tool manifest"

# A consumer: the sample's sources and a project that installs the nupkg, restored into its own package folder
# (a repacked same version must not be served stale from the global cache). The folder is also written into the
# consumer's nuget.config, so that the server's MSBuild, started without NUGET_PACKAGES, reads the same packages.
# Usage: make_consumer <name> <with package: yes|no>
make_consumer() {
    local dir="$work/$1" reference=""
    mkdir -p "$dir"
    cp "$root"/samples/TokenStore/*.cs "$dir/"
    if [ "$2" = yes ]; then
        reference="<ItemGroup><PackageReference Include=\"AtomicWriteAnalyzer\" Version=\"$version\" /></ItemGroup>"
    fi
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
  $reference
</Project>
EOF
    NUGET_PACKAGES="$work/packages" dotnet restore "$dir/$1.csproj" >"$work/restore-$1.log" 2>&1 \
        || { cat "$work/restore-$1.log"; fail "restore of the $1 consumer failed"; }
}

installed="$work/packages/atomicwriteanalyzer/$version"
run_client() {
    dotnet "$client" --tool-folder "$root" --package "$installed" "$@"
}

echo "::: consumers (package $version)"
make_consumer Consumer yes
make_consumer NoPackage no
make_consumer AlreadyFixed yes
# The token write as the package's fix leaves it: the check must not find its squiggle.
sed -i 's/ File\.WriteAllText(_tokenPath, json);/ AtomicWrite.AtomicFile.WriteAllText(_tokenPath, json);/' "$work/AlreadyFixed/TokenStore.cs"
grep -q 'AtomicWrite.AtomicFile.WriteAllText(_tokenPath' "$work/AlreadyFixed/TokenStore.cs" || fail "could not prepare the already fixed TokenStore.cs"
[ -d "$installed/analyzers/dotnet/cs" ] || fail "the package is not installed at $installed"

echo "::: 1. squiggles in the editor, the package's fix, keystroke to squiggle"
run_client --consumer "$work/Consumer" --latency-samples "$samples" || fail "the editor check failed (see above)"

# Each self-check must fail (exit 1, not a crash or bad arguments) with its own message.
# Usage: self_check <title> <expected message fragment> <client arguments...>
self_check() {
    local title="$1" expected="$2" status=0
    shift 2
    echo "::: self-check: $title (must fail)"
    run_client "$@" >"$work/self-check.log" 2>&1 || status=$?
    sed 's/^/    | /' "$work/self-check.log"
    [ "$status" -eq 1 ] || fail "self-check '$title' exited with $status, expected the check to fail (1)"
    grep -qF "$expected" "$work/self-check.log" || fail "self-check '$title' failed without the message: $expected"
    echo "    failed as it must"
}
self_check "consumer without the package" "no AW diagnostic in any file: the consumer does not install the AtomicWriteAnalyzer package" --consumer "$work/NoPackage"
self_check "analyzers disabled in the configuration" "no AW diagnostic in any file: analyzers are disabled (the client answered csharp.analyzersEnabled: false)" --consumer "$work/Consumer" --analyzers-enabled false
self_check "token write already fixed" "token write: expected AW0001 (warning) on TokenStore.cs:24, the server reported none there" --consumer "$work/AlreadyFixed"

echo "editor-lsp OK"
