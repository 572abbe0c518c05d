#!/usr/bin/env bash
# Gives the tests a local PostgreSQL server: installs Debian's postgresql package if missing, starts its
# cluster if stopped, creates the role "prefflow" (password "prefflow", CREATEDB) if missing and waits until
# the server accepts connections on 127.0.0.1:5432. Idempotent. Works as root or through sudo.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib.sh
source "$root/scripts/lib.sh"

ensure_packages postgresql

# The newest installed major version's "main" cluster (Debian 12 ships 15; others ship other versions).
version="$(find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$version" ]; then
    echo "prefflow: no PostgreSQL cluster found under /etc/postgresql" >&2
    exit 1
fi
if [ ! -d "/etc/postgresql/$version/main" ]; then
    echo "prefflow: creating the PostgreSQL $version cluster \"main\"" >&2
    as_root pg_createcluster "$version" main >/dev/null
fi
if ! as_root pg_ctlcluster "$version" main status >/dev/null 2>&1; then
    echo "prefflow: starting PostgreSQL $version" >&2
    as_root pg_ctlcluster "$version" main start
fi

# As the postgres superuser over the local socket; "cd /" keeps psql from complaining about our folder.
as_postgres() { (cd / && as_root su postgres -c "$1"); }

for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 0.5
done
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    echo "prefflow: PostgreSQL $version does not accept connections on 127.0.0.1:5432" >&2
    exit 1
fi

if [ "$(as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'prefflow'\"")" != 1 ]; then
    echo "prefflow: creating the PostgreSQL role prefflow" >&2
    as_postgres "psql -q -c \"CREATE ROLE prefflow LOGIN CREATEDB PASSWORD 'prefflow'\""
fi
