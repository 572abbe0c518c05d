#!/usr/bin/env bash
# Makes TorchSharp-cpu's native library load where the system libstdc++ is older than the one it
# was built with (it needs GLIBCXX_3.4.32, i.e. GCC 13; Debian 12 ships GCC 12). Exactly one symbol
# needs that version, std::ios_base_library_init(); marking the version requirement weak and
# clearing that symbol's version lets the loader accept the older libstdc++. The restored package
# in the NuGet cache is patched once, so every build copies the patched file. Idempotent: does
# nothing where libstdc++ is new enough or the package is already patched.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib.sh
source "$root/scripts/lib.sh"

# ldconfig lives in /sbin, which is not on an ordinary user's PATH on Debian.
ldconfig_bin="$(command -v ldconfig || echo /sbin/ldconfig)"
libraries="$("$ldconfig_bin" -p 2>/dev/null || true)"
libstdcxx="$(awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}' <<<"$libraries")"
[ -n "$libstdcxx" ] || libstdcxx="$(ls /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /lib/x86_64-linux-gnu/libstdc++.so.6 2>/dev/null | head -n 1 || true)"
if [ -n "$libstdcxx" ] && grep -qa 'GLIBCXX_3\.4\.32' "$libstdcxx"; then
    exit 0 # the system libstdc++ is new enough
fi

version="$(sed -n 's/.*PackageVersion Include="TorchSharp" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")"
packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')"
library="${packages%/}/torchsharp/$version/runtimes/linux-x64/native/libLibTorchSharp.so"
if [ ! -f "$library" ]; then
    if ! restore_log="$(dotnet restore "$root/Workflows.sln" 2>&1)"; then
        echo "$restore_log" >&2
        echo "prefflow: 'dotnet restore' failed" >&2
        exit 1
    fi
fi
if [ ! -f "$library" ]; then
    echo "prefflow: TorchSharp's native library is missing after restore: $library" >&2
    exit 1
fi

marker="$library.prefflow-patched"
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$(sha256sum "$library" | cut -d' ' -f1)" ]; then
    exit 0 # already patched
fi

if ! command -v patchelf >/dev/null 2>&1; then
    ensure_packages patchelf || {
        echo "prefflow: patchelf is needed to make TorchSharp load on this system (libstdc++ lacks GLIBCXX_3.4.32); install it with 'apt-get install patchelf'" >&2
        exit 1
    }
fi

echo "prefflow: adapting TorchSharp's native library to this system's libstdc++" >&2
dotnet run "$root/scripts/elf-weaken-version.cs" -- "$library" GLIBCXX_3.4.32 >/dev/null
patchelf --clear-symbol-version _ZSt21ios_base_library_initv "$library"
sha256sum "$library" | cut -d' ' -f1 >"$marker"
