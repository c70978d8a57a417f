#!/usr/bin/env bash
# Admission control under a burst: N parallel region submissions (POST /api/jobs
# {"regionId":"demo",...}) against a fresh service on loopback; prints the answers by status, the time to the last
# answer, answer-time percentiles and the service's peak RSS (VmHWM) as a Markdown table row.
#   bash scripts/bench-admission.sh                          # the jar built from this tree
#   JAR=/elsewhere/fieldplan-api.jar LABEL=before bash scripts/bench-admission.sh
# Starts its own service (in-memory store, demo region M seed 7 solved 5 s at startup) on a free loopback port and
# stops it at the end. Bounded: N requests (default 500), each with a 180 s client timeout, nothing but 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-500}
LABEL=${LABEL:-this tree}
JAR=${JAR:-api/target/fieldplan-api.jar}
KEY=bench-strategist
if [[ ! -f $JAR ]]; then
  bash scripts/ensure-build-tools.sh
  mvn -B -q -Dstyle.color=never -pl api -am package -DskipTests
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
FIELDPLAN_STRATEGIST_KEY=$KEY FIELDPLAN_NOW=2026-10-31T08:00 java ${JAVA_OPTS:-} -jar "$JAR" \
  --server.address=127.0.0.1 --server.port="$PORT" >"$log" 2>&1 &
service=$!
# Graceful shutdown waits for requests still being worked on (the old code built a problem for each): give it 10 s.
stop() {
  kill $service 2>/dev/null || true
  for _ in $(seq 1 10); do kill -0 $service 2>/dev/null || break; sleep 1; done
  kill -9 $service 2>/dev/null || true
  wait $service 2>/dev/null || true
  rm -f "$log"
}
trap stop EXIT
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 $service 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done
rss_before=$(awk '/VmRSS/ {print $2}' /proc/$service/status)

python3 - "$PORT" "$KEY" "$N" "$service" "$LABEL" "$rss_before" <<'PY'
import http.client, json, statistics, sys, threading, time
port, key, n, pid, label, rss_before = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], int(sys.argv[6])
body = json.dumps({"regionId": "demo", "from": "2026-10-31", "to": "2026-11-03", "seconds": 10})
results, lock, start = [], threading.Lock(), threading.Event()

def submit():
    start.wait()
    t0 = time.monotonic()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=180)
        c.request("POST", "/api/jobs", body, {"Content-Type": "application/json", "X-Api-Key": key})
        r = c.getresponse()
        r.read()
        status, retry = r.status, r.getheader("Retry-After")
        c.close()
    except Exception as e:  # no answer: reset, closed or timed out
        status, retry = "no answer (" + type(e).__name__ + ")", None
    with lock:
        results.append((status, time.monotonic() - t0, retry))

def peak_rss():
    with open(f"/proc/{pid}/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmHWM"))

threads = [threading.Thread(target=submit) for _ in range(n)]
for t in threads:
    t.start()
t0 = time.monotonic()
start.set()
for t in threads:
    t.join()
elapsed = time.monotonic() - t0
times = sorted(r[1] for r in results)
counts = {}
for status, _, _ in results:
    counts[status] = counts.get(status, 0) + 1
q = lambda p: times[min(len(times) - 1, int(p * len(times)))]
retry = sorted({r[2] for r in results if r[2]})
print(f"| {label} | {n} | {', '.join(f'{v}× {k}' for k, v in sorted(counts.items(), key=str))} "
      f"| {elapsed:.1f} s | {q(0.5):.2f} s | {q(0.99):.2f} s | {rss_before/1024:.0f} MB | {peak_rss()/1024:.0f} MB "
      f"| {','.join(retry) or '-'} |")
PY
