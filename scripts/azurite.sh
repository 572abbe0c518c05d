#!/usr/bin/env bash
# Starts Azurite's blob service on 127.0.0.1:10000 for the Azure artifact store tests.
# Idempotent: installs Azurite (pinned in tools/azurite/package-lock.json) into tools/azurite/node_modules
# only when it is missing, and starts it only when nothing answers on the port yet. Data lives in
# artifacts/azurite/, its pid in artifacts/azurite.pid and its output in artifacts/azurite.log.
# Works as root or through sudo (only to install node and npm when they are missing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib.sh
source "$root/scripts/lib.sh"

host=127.0.0.1
port=10000
tools="$root/tools/azurite"
data="$root/artifacts/azurite"
pidfile="$root/artifacts/azurite.pid"
log="$root/artifacts/azurite.log"
wait_seconds=60

# Whether something accepts connections on the port (bash's /dev/tcp: no extra tools needed).
answering() { timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null; }

if answering; then
    echo "prefflow: Azurite (or something else) already answers on $host:$port" >&2
    exit 0
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    ensure_packages nodejs npm
fi

if [ ! -x "$tools/node_modules/.bin/azurite-blob" ]; then
    echo "prefflow: installing Azurite into tools/azurite" >&2
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

mkdir -p "$data"
# setsid and nohup: the emulator outlives this script and the shell that ran it.
setsid nohup "$tools/node_modules/.bin/azurite-blob" --blobHost "$host" --blobPort "$port" \
    --location "$data" --silent --skipApiVersionCheck >"$log" 2>&1 </dev/null &
echo $! >"$pidfile"

for _ in $(seq 1 $((wait_seconds * 4))); do
    if answering; then
        echo "prefflow: Azurite answers on $host:$port (pid $(cat "$pidfile"))" >&2
        exit 0
    fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        echo "prefflow: Azurite exited at start; its output ($log):" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.25
done
echo "prefflow: Azurite did not answer on $host:$port within ${wait_seconds}s; see $log" >&2
exit 1
