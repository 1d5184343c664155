#!/bin/bash
# scripts/bench-server.sh BINARY: report fetches and review pages (/s, p99) with wrk against crosscheck serve (release), /health beside it.
# Run from the repository root after swift build -c release; needs wrk and curl (Debian). WORKERS=2 for two runners.
B=$1; DB=/tmp/load-$$.sqlite; PORT=18080
export XDG_DATA_HOME=/tmp/emptyxdg
$B users add bench --role analyst --db $DB > /dev/null
T=$($B users token bench --db $DB)
$B serve --port $PORT --db $DB --workers ${WORKERS:-1} 2> /tmp/serve.log &
PID=$!
for i in $(seq 1 100); do curl -sf localhost:$PORT/health > /dev/null && break; sleep 0.2; done
ID=$(curl -s -H "Authorization: Bearer $T" -H 'Content-Type: text/html' --data-binary @Examples/harbour-bridge.html localhost:$PORT/api/v1/articles | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
for i in $(seq 1 100); do S=$(curl -s -H "Authorization: Bearer $T" localhost:$PORT/api/v1/jobs/$ID | python3 -c "import json,sys; print(json.load(sys.stdin)['state'])"); [ "$S" = done ] && break; sleep 0.2; done
echo "report bytes: $(curl -s -H "Authorization: Bearer $T" localhost:$PORT/api/v1/jobs/$ID/report | wc -c)"
echo "== /health"; wrk -t1 -c8 -d10s --latency http://127.0.0.1:$PORT/health | grep -E "Requests/sec|99%|50%"
echo "== report"; wrk -t1 -c8 -d10s --latency -H "Authorization: Bearer $T" http://127.0.0.1:$PORT/api/v1/jobs/$ID/report | grep -E "Requests/sec|99%|50%"
# The review pages: the article page renders the stored report through its template; the queue lists jobs.
echo "article page bytes: $(curl -s -H "Authorization: Bearer $T" localhost:$PORT/articles/$ID | wc -c)"
echo "== article page"; wrk -t1 -c8 -d10s --latency -H "Authorization: Bearer $T" http://127.0.0.1:$PORT/articles/$ID | grep -E "Requests/sec|99%|50%"
echo "== queue page"; wrk -t1 -c8 -d10s --latency -H "Authorization: Bearer $T" http://127.0.0.1:$PORT/ | grep -E "Requests/sec|99%|50%"
# articles/s through the API
N=${ARTICLES:-12}
START=$(date +%s.%N)
for i in $(seq 1 $N); do curl -s -H "Authorization: Bearer $T" -H 'Content-Type: text/html' --data-binary @Examples/harbour-bridge.html "localhost:$PORT/api/v1/articles?name=copy$i" > /dev/null; done
while true; do Q=$(curl -s -H "Authorization: Bearer $T" "localhost:$PORT/api/v1/jobs?state=done&limit=500" | python3 -c "import json,sys; print(len(json.load(sys.stdin)))"); [ "$Q" -ge $((N+1)) ] && break; sleep 0.1; done
END=$(date +%s.%N)
python3 -c "print('articles/s through the API (workers=${WORKERS:-1}): %.2f (%d in %.1f s)' % ($N/($END-$START), $N, $END-$START))"
echo "server RSS: $(ps -o rss= -p $PID) KB"
kill -TERM $PID; wait $PID; echo "exit $?"
rm -f $DB*
