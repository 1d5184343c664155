#!/usr/bin/env python3
"""Hook latency under a burst: N signed comments (default 1,000) posted to a running
`crosscheck serve` on loopback from C connections at once; prints p50/p90/p99/max in ms and the rate.

    CROSSCHECK_HOOK_SECRET=... crosscheck serve --demo --port 18090 &
    scripts/bench-hook.py --port 18090 --secret ... [--comments 1000] [--connections 8]

Comments are on-topic, off-topic and template ones in turn, on the demo story, so the thread grows
as the burst goes on (each is screened against the thread so far). Standard library only."""
import argparse, hashlib, hmac, http.client, json, random, statistics, threading, time

STORY = "https://ledger.example/news/2026/03/harbour-bridge-repair"
TEXTS = [
    "Will the lane closures on the Harbour Bridge start before the June date the council gave?",
    "AI-based detection of linguistic patterns in misinformation is a fascinating research field with many open problems.",
    "This is a development worth watching closely. It raises the stakes for everyone involved.",
    "The $48 million figure seems high for 14 cables; did the inspectors price replacing them one at a time?",
    "Made $3,000 last week from home! DM me to learn how: http://quick-profits.example/join",
]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=18090)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--comments", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    random.seed(7)
    bodies = []
    for n in range(args.comments):
        text = TEXTS[n % len(TEXTS)] + ("" if n < len(TEXTS) else f" ({n})")
        body = json.dumps({"id": f"b{n}", "text": text, "author": f"reader{n % 97}", "story_url": STORY}).encode()
        signature = hmac.new(args.secret.encode(), body, hashlib.sha256).hexdigest()
        bodies.append((body, signature))
    latencies, errors, lock = [], [], threading.Lock()
    queue = list(enumerate(bodies))

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
        while True:
            with lock:
                if not queue:
                    return
                _, (body, signature) = queue.pop(0)
            start = time.perf_counter()
            connection.request("POST", "/hooks/comments", body, {"Content-Type": "application/json", "X-Crosscheck-Signature": "sha256=" + signature})
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                (latencies if response.status == 200 else errors).append(elapsed if response.status == 200 else response.status)

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    for thread in threads: thread.start()
    for thread in threads: thread.join()
    wall = time.perf_counter() - start
    latencies.sort()
    def pct(p): return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]
    print(f"{len(latencies)} comments screened, {len(errors)} errors, {len(latencies) / wall:.0f}/s over {args.connections} connections")
    print(f"latency ms: p50 {pct(50):.1f}  p90 {pct(90):.1f}  p99 {pct(99):.1f}  max {latencies[-1]:.1f}  mean {statistics.mean(latencies):.1f}")

if __name__ == "__main__":
    main()
