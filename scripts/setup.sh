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
# The web designer's build needs node and npm (any install will do: only missing commands are installed); its
# browser tests drive the system's Chromium.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    ensure_packages nodejs npm
fi
if [ -z "${PREFFLOW_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
    ensure_packages chromium
fi
designer="$root/host/designer"
if [ ! -f "$designer/node_modules/.package-lock.json" ] || [ "$designer/package-lock.json" -nt "$designer/node_modules/.package-lock.json" ]; then
    echo "prefflow: installing the web designer's npm packages" >&2
    (cd "$designer" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
# Installs patchelf and patches TorchSharp only where this system's libstdc++ needs it.
"$root/scripts/prepare-torchsharp.sh"
