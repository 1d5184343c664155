#!/bin/bash
# scripts/bench-workers.sh BINARY POSTGRES_URL: articles/s analysed by 1, 2 and 4 `crosscheck worker`
# processes sharing one PostgreSQL store, beside one `crosscheck serve` process on a SQLite file.
# Run from the repository root after swift build -c release. POSTGRES_URL's role must be able to
# create databases (each run gets a fresh one). ARTICLES=N sets the articles per run (default 24).
set -euo pipefail
B=$1; ADMIN=$2; N=${ARTICLES:-24}; PORT=18090
export XDG_DATA_HOME=/tmp/bench-workers-xdg XDG_CACHE_HOME=/tmp/bench-workers-cache

# Queues N copies of the example article through the API of a server on store $1 with $2 worker
# processes beside it (0: the server runs the jobs itself, as it does on a SQLite file) and waits
# until the queue's done lane holds them all; prints articles/s from the first submission to the last report.
run() {
    local db=$1 workers=$2 label=$3
    $B users add bench --role analyst --db "$db" > /dev/null
    local token; token=$($B users token bench --db "$db")
    $B serve --port $PORT --db "$db" --workers 1 2> /tmp/bench-workers-serve.log &
    local server=$!
    for _ in $(seq 1 200); do curl -sf localhost:$PORT/health > /dev/null && break; sleep 0.1; done
    local pids=()
    for _ in $(seq 1 "$workers"); do
        $B worker --db "$db" --no-feeds --check 0.2 2>> /tmp/bench-workers-worker.log &
        pids+=($!)
    done
    sleep 3 # the workers load their models
    local start; start=$(date +%s.%N)
    for i in $(seq 1 "$N"); do
        curl -s -H "Authorization: Bearer $token" -H 'Content-Type: text/html' --data-binary @Examples/harbour-bridge.html \
            "localhost:$PORT/api/v1/articles?name=copy$i" > /dev/null
    done
    while true; do
        local done_count; done_count=$(curl -s -H "Authorization: Bearer $token" "localhost:$PORT/api/v1/jobs?state=done&limit=1000" |
            python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
        [ "$done_count" -ge "$N" ] && break
        sleep 0.1
    done
    local end; end=$(date +%s.%N)
    python3 -c "print('%-28s %6.2f articles/s (%d in %.1f s)' % ('$label', $N/($end-$start), $N, $end-$start))"
    for pid in "${pids[@]}"; do kill -TERM "$pid"; done
    kill -TERM $server; wait 2> /dev/null || true
}

scratch() {
    local name="crosscheck_bench_$(date +%s%N | tail -c 9)"
    psql "$ADMIN" -qc "CREATE DATABASE $name" > /dev/null
    python3 -c "import sys,urllib.parse as u; p=u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path='/$name')))" "$ADMIN"
}

# SQLite: the server's own runner in one process, no separate worker.
SQLITE=/tmp/bench-workers-$$.sqlite
run "$SQLITE" 0 "SQLite, serve alone"
rm -f "$SQLITE"*

for workers in 1 2 4; do
    run "$(scratch)" "$workers" "PostgreSQL, $workers worker(s)"
done
