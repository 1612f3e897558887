#!/bin/bash
# The streaming replica: on first start clone the primary (pg_basebackup -R writes standby.signal and
# primary_conninfo), then run as a hot standby. Later starts reuse the data directory and resume streaming.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_basebackup --host=postgres-primary --username=replicator --pgdata="$PGDATA" \
      --write-recovery-conf --wal-method=stream --checkpoint=fast; do
    echo "waiting for the primary"; sleep 2
  done
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c max_connections=200
