#!/usr/bin/env bash
# The package as users meet it: a fresh console project installs the packed AtomicWriteAnalyzer.nupkg from a
# local folder and we check, in order:
#   1. `dotnet build` prints the expected AW0001/AW0003 warnings (ids and lines), and no CS8032/AD0001;
#   1b. with TreatWarningsAsErrors the build fails at AW0001, and the README's baseline (WarningsNotAsErrors with
#      the AW ids) builds and still shows the findings as warnings;
#   2. `dotnet build -p:ErrorLog=...` writes SARIF whose rules carry helpUri, AW0002 (a suggestion) included;
#   3. `dotnet format analyzers --diagnostics AW0001 AW0003` rewrites the file (the sign-out `File.Delete` of a
#      file now saved through AtomicFile becomes `AtomicFile.Delete`), the rebuild has no AW warning (no AW0005),
#      and `dotnet run` saves twice, leaving tokens.json and tokens.json.bak, and no session.json or its backup;
#   4. AtomicFile is on the compile path: the app (net8.0) and a netstandard2.0 class library call it directly,
#      and the library's calls, compiled against lib/netstandard2.0, run against lib/net8.0;
#   5. that library is strong-named and builds with TreatWarningsAsErrors (no CS8002: AtomicWrite is strong-named).
#   6. a test project (IsTestProject=true, no test framework needed) writing the same token file gets no AW0001:
#      the package's build/AtomicWriteAnalyzer.props makes IsTestProject visible to the analyzers.
# Usage: consumer-e2e.sh <folder with the nupkg>
set -euo pipefail
scripts="$(cd "$(dirname "$0")" && pwd)"

package_dir="$(cd "${1:?usage: consumer-e2e.sh <folder with AtomicWriteAnalyzer.<version>.nupkg>}" && pwd)"
nupkg="$(ls "$package_dir"/AtomicWriteAnalyzer.*.nupkg | head -n 1)"
version="$(basename "$nupkg" .nupkg)"
version="${version#AtomicWriteAnalyzer.}"

work="$(mktemp -d -t aw-consumer-XXXXXX)"
trap 'rm -rf "$work"' EXIT
echo "consumer project in $work, package $version"

# Its own package cache: a repacked same version must not be served stale from the global cache.
export NUGET_PACKAGES="$work/packages"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

fail() { echo "consumer-e2e FAILED: $*" >&2; exit 1; }

cat > "$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$package_dir" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
</configuration>
EOF

# A strong-named netstandard2.0 library that calls AtomicFile: compiled against lib/netstandard2.0. Most widely
# used libraries are strong-named, and a strong-named assembly may reference only strong-named ones.
mkdir -p "$work/Lib"
openssl genrsa -out "$work/Lib/key.pem" 1024 2>/dev/null
openssl rsa -in "$work/Lib/key.pem" -outform MSBLOB -out "$work/Lib/Lib.snk" 2>/dev/null
cat > "$work/Lib/Lib.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <LangVersion>latest</LangVersion>
    <Nullable>enable</Nullable>
    <SignAssembly>true</SignAssembly>
    <AssemblyOriginatorKeyFile>Lib.snk</AssemblyOriginatorKeyFile>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
</Project>
EOF
cat > "$work/Lib/ProfileSaver.cs" <<'EOF'
using AtomicWrite;

namespace Lib
{
    public static class ProfileSaver
    {
        public static void Save(string path, string json) => AtomicFile.WriteAllText(path, json);

        public static string Load(string path) => AtomicFile.ReadAllText(path);
    }
}
EOF

mkdir -p "$work/App"
cat > "$work/App/App.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net8.0</TargetFramework>
    <!-- This machine may only have a newer runtime. -->
    <RollForward>LatestMajor</RollForward>
    <ImplicitUsings>disable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="..\Lib\Lib.csproj" />
  </ItemGroup>
</Project>
EOF
# Lines marked `// expect: AWxxxx` must get exactly that warning; no other line may get an AW warning.
cat > "$work/App/Program.cs" <<'EOF'
using System;
using System.IO;
using System.Text.Json;

string directory = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data");
Directory.CreateDirectory(directory);
string tokenPath = Path.Combine(directory, "tokens.json");
string settingsPath = Path.Combine(directory, "settings.json");
string sessionPath = Path.Combine(directory, "session.json");

for (int save = 1; save <= 2; save++)
{
    var tokens = new { access = "access-" + save, refresh = "refresh-" + save };
    File.WriteAllText(tokenPath, JsonSerializer.Serialize(tokens)); // expect: AW0001
    File.WriteAllText(sessionPath, "{\"session\":" + save + "}"); // expect: AW0001

    string tempPath = settingsPath + ".tmp";
    File.WriteAllText(tempPath, "{\"theme\":\"dark\",\"save\":" + save + "}"); // expect: AW0003
    File.Move(tempPath, settingsPath, true);

    Lib.ProfileSaver.Save(Path.Combine(directory, "profile.json"), "{\"name\":\"alice\"}");
    File.AppendAllText(Path.Combine(directory, "activity.log"), "saved " + save + Environment.NewLine);
}

string current = File.ReadAllText(tokenPath);
Console.WriteLine("tokens: " + current);
Console.WriteLine("profile: " + Lib.ProfileSaver.Load(Path.Combine(directory, "profile.json")));
File.WriteAllText(Path.Combine(directory, "report.csv"), "saves,2");

// Sign-out: once the saves go through AtomicFile, a plain delete would leave session.json.bak to be restored.
File.Delete(sessionPath);
EOF

# The same token write in a test project: quiet by default (step 6).
mkdir -p "$work/AppTests"
cat > "$work/AppTests/AppTests.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <IsTestProject>true</IsTestProject>
    <IsPackable>false</IsPackable>
    <ImplicitUsings>disable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
</Project>
EOF
cat > "$work/AppTests/TokenFixture.cs" <<'EOF'
using System.IO;

namespace AppTests
{
    public static class TokenFixture
    {
        public static void Create(string directory) =>
            File.WriteAllText(Path.Combine(directory, "tokens.json"), "{\"access\":\"fixture\"}");
    }
}
EOF

cd "$work"
for project in Lib App AppTests; do
    dotnet add "$project/$project.csproj" package AtomicWriteAnalyzer --version "$version" >"$work/add-$project.log" 2>&1 \
        || { cat "$work/add-$project.log"; fail "dotnet add package failed for $project"; }
done

# Warnings as "Program.cs(LINE,COL): warning AWxxxx" -> "LINE AWxxxx", sorted and unique.
aw_warnings() {
    grep -oE 'Program\.cs\([0-9]+,[0-9]+\): warning AW[0-9]{4}' "$1" \
        | sed -E 's/Program\.cs\(([0-9]+),[0-9]+\): warning (AW[0-9]{4})/\1 \2/' | sort -u || true
}
expected="$(grep -nE '// expect: AW[0-9]{4}' App/Program.cs | sed -E 's/^([0-9]+):.*expect: (AW[0-9]{4}).*/\1 \2/' | sort -u)"

echo "::: 1. build shows the expected warnings"
dotnet build App/App.csproj -p:TreatWarningsAsErrors=false >"$work/build1.log" 2>&1 || { cat "$work/build1.log"; fail "first build failed"; }
if grep -qE 'CS8032|AD0001' "$work/build1.log"; then grep -E 'CS8032|AD0001' "$work/build1.log"; fail "analyzer load failure or crash (CS8032/AD0001)"; fi
actual="$(aw_warnings "$work/build1.log")"
if [ "$actual" != "$expected" ]; then
    echo "expected (line id):"; echo "$expected"; echo "actual:"; echo "$actual"
    grep -E 'warning AW' "$work/build1.log" | sort -u || true
    fail "AW warnings differ from the expectation"
fi
echo "$actual" | sed 's/^/  /'

echo "::: 1b. with warnings as errors the first finding fails the build; the README's baseline builds"
if dotnet build App/App.csproj --no-incremental -p:TreatWarningsAsErrors=true >"$work/build-wae.log" 2>&1; then
    fail "a build with warnings as errors passed despite the AW findings"
fi
grep -qE 'error AW0001' "$work/build-wae.log" || { cat "$work/build-wae.log"; fail "the build with warnings as errors did not fail on AW0001"; }
dotnet build App/App.csproj --no-incremental -p:TreatWarningsAsErrors=true "-p:WarningsNotAsErrors=AW0001%3BAW0003%3BAW0004%3BAW0005" >"$work/build-baseline.log" 2>&1 \
    || { cat "$work/build-baseline.log"; fail "the README's WarningsNotAsErrors baseline does not build"; }
grep -qE 'warning AW0001' "$work/build-baseline.log" || fail "the baseline build does not show the findings as warnings"

echo "::: 2. SARIF carries helpUri for every rule, AW0002 included"
dotnet build App/App.csproj --no-incremental -p:TreatWarningsAsErrors=false "-p:ErrorLog=$work/out.sarif%2Cversion=2.1" >"$work/build2.log" 2>&1 \
    || { cat "$work/build2.log"; fail "SARIF build failed"; }
python3 - "$work/out.sarif" <<'PY' || fail "SARIF check failed"
import json, sys
log = json.load(open(sys.argv[1]))
rules = {}
results = []
for run in log["runs"]:
    for rule in run["tool"]["driver"].get("rules", []):
        rules[rule["id"]] = rule
    results += [r["ruleId"] for r in run.get("results", [])]
ours = {rid: rule for rid, rule in rules.items() if rid.startswith("AW")}
for rid in ("AW0001", "AW0002", "AW0003"):
    if rid not in ours:
        sys.exit(f"{rid} missing from the SARIF rules: {sorted(ours)}")
    uri = ours[rid].get("helpUri", "")
    if not uri.endswith(f"/blob/main/docs/rules/{rid}.md"):
        sys.exit(f"{rid} helpUri is {uri!r}")
if "AW0002" not in results:
    sys.exit("no AW0002 result in SARIF")
print("  rules:", ", ".join(f"{rid} -> {rule['helpUri']}" for rid, rule in sorted(ours.items())))
PY

echo "::: 3. dotnet format fixes them; the fixed app runs and keeps a backup"
dotnet format analyzers App/App.csproj --diagnostics AW0001 AW0003 --severity info >"$work/format.log" 2>&1 \
    || { cat "$work/format.log"; fail "dotnet format failed"; }
grep -q 'AtomicFile' App/Program.cs || { cat App/Program.cs; fail "dotnet format did not rewrite Program.cs"; }
dotnet build App/App.csproj -p:TreatWarningsAsErrors=false >"$work/build3.log" 2>&1 || { cat App/Program.cs; cat "$work/build3.log"; fail "fixed code does not build"; }
left="$(aw_warnings "$work/build3.log")"
[ -z "$left" ] || { cat App/Program.cs; echo "$left"; fail "AW warnings left after dotnet format"; }
rm -rf "$work/data"
dotnet run --project App/App.csproj --no-build -- "$work/data" >"$work/run.log" 2>&1 || { cat "$work/run.log"; fail "fixed app failed"; }
for file in tokens.json tokens.json.bak settings.json profile.json profile.json.bak; do
    [ -f "$work/data/$file" ] || { ls -la "$work/data"; fail "$file missing after two saves"; }
done
grep -q 'access-2' "$work/data/tokens.json" || fail "tokens.json does not hold the second save"
grep -q 'access-1' "$work/data/tokens.json.bak" || fail "tokens.json.bak does not hold the first save"
grep -q 'AtomicFile.Delete(sessionPath)' App/Program.cs || { cat App/Program.cs; fail "the sign-out delete was not rewritten to AtomicFile.Delete"; }
for file in session.json session.json.bak; do
    [ ! -e "$work/data/$file" ] || { ls -la "$work/data"; fail "$file left after the sign-out delete"; }
done
echo "  fixed Program.cs:"; grep -n 'AtomicFile' App/Program.cs | sed 's/^/    /'
ls -la "$work/data" | sed 's/^/  /'

echo "::: 4. AtomicFile is on the compile path (net8.0 app, netstandard2.0 library)"
grep -q 'lib/net8.0/AtomicWrite.dll' App/obj/project.assets.json || fail "App does not compile against lib/net8.0"
grep -q 'lib/netstandard2.0/AtomicWrite.dll' Lib/obj/project.assets.json || fail "Lib does not compile against lib/netstandard2.0"

echo "::: 5. the strong-named library builds with warnings as errors"
dotnet build Lib/Lib.csproj --no-incremental >"$work/build-lib.log" 2>&1 || { cat "$work/build-lib.log"; fail "the strong-named library does not build with warnings as errors"; }
if grep -q 'CS8002' "$work/build-lib.log"; then cat "$work/build-lib.log"; fail "CS8002: a referenced assembly has no strong name"; fi
python3 "$scripts/strong-name.py" Lib/bin/Debug/netstandard2.0/Lib.dll >/dev/null || fail "Lib.dll is not strong-named"
echo "::: 6. a test project (IsTestProject=true) gets no AW0001-AW0003"
dotnet build AppTests/AppTests.csproj -p:TreatWarningsAsErrors=false >"$work/build6.log" 2>&1 || { cat "$work/build6.log"; fail "test project build failed"; }
if grep -qE 'CS8032|AD0001' "$work/build6.log"; then grep -E 'CS8032|AD0001' "$work/build6.log"; fail "analyzer load failure or crash (CS8032/AD0001)"; fi
if grep -qE 'warning AW000[1-3]' "$work/build6.log"; then grep -E 'warning AW' "$work/build6.log" | sort -u; fail "AW0001-AW0003 reported in a test project"; fi
# The same project without IsTestProject is reported, so the quiet above is the property's doing.
dotnet build AppTests/AppTests.csproj --no-incremental -p:TreatWarningsAsErrors=false -p:IsTestProject=false >"$work/build6b.log" 2>&1 \
    || { cat "$work/build6b.log"; fail "test project build (IsTestProject=false) failed"; }
grep -qE 'TokenFixture\.cs\([0-9]+,[0-9]+\): warning AW0001' "$work/build6b.log" \
    || { grep -E 'warning' "$work/build6b.log" | sort -u; fail "the token write was not reported with IsTestProject=false"; }
echo "  AppTests: no AW0001 with IsTestProject=true, AW0001 with IsTestProject=false"

echo "consumer-e2e OK"
