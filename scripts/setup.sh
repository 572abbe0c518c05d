#!/usr/bin/env bash
# Installs what PrefFlow's build and tests need on a Debian/Ubuntu machine with the .NET SDK.
# Idempotent: installs only what is missing. Works as root or through sudo.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib.sh
source "$root/scripts/lib.sh"

if ! command -v dotnet >/dev/null 2>&1; then
    echo "prefflow: the .NET SDK (dotnet) is needed: see https://learn.microsoft.com/dotnet/core/install/linux" >&2
    exit 1
fi
dotnet restore "$root/Workflows.sln" --verbosity quiet
# Installs patchelf and patches TorchSharp only where this system's libstdc++ needs it.
"$root/scripts/prepare-torchsharp.sh"
