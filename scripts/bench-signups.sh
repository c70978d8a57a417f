#!/usr/bin/env bash
# A burst of public sign-ups against one region: N new volunteers (default 1,000) sign up to the demo region's live
# plan at once (CONCURRENCY clients, default 50), each confirmed with the code its e-mail carries (a local SMTP sink in
# this script reads them), and DUPLICATES of them sign up a second time with the same e-mail. Prints: sign-ups stored
# (and duplicates among them), the time until every one has joined the live plan and until the live plan sends each
# out at least once where it can, the number of sign-up repairs (versions of kind "sign-ups"), and /actuator/health
# answer times polled every 50 ms from the start of the burst until all have joined (p50, p99, max).
#   bash scripts/bench-signups.sh
#   N=200 CONCURRENCY=20 bash scripts/bench-signups.sh
# Starts its own service (in-memory store, demo region M seed 7 solved 5 s and published at startup, no quiet hours)
# on a free loopback port with its SMTP server pointed at the sink, and stops both at the end. Nothing but 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000}
CONCURRENCY=${CONCURRENCY:-50}
DUPLICATES=${DUPLICATES:-100}
JAR=${JAR:-api/target/fieldplan-api.jar}
KEY=bench-strategist
if [[ ! -f $JAR ]]; then
  bash scripts/ensure-build-tools.sh
  mvn -B -q -Dstyle.color=never -pl api -am package -DskipTests
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
SMTP_PORT=$(free_port)
log=$(mktemp)
codes=$(mktemp -d)
# The sink: one file per recipient with every code e-mailed to them, a line each.
python3 - "$SMTP_PORT" "$codes" <<'PY' &
import re, socketserver, sys, os
port, folder = int(sys.argv[1]), sys.argv[2]
class Smtp(socketserver.StreamRequestHandler):
    def handle(self):
        w = lambda line: (self.wfile.write((line + "\r\n").encode()), self.wfile.flush())
        w("220 sink")
        rcpt = None
        while True:
            line = self.rfile.readline().decode(errors="replace")
            if not line:
                return
            verb = line[:4].upper()
            if verb in ("EHLO", "HELO"):
                w("250 sink")
            elif verb == "RCPT":
                rcpt = re.search(r"<([^>]*)>", line).group(1)
                w("250 ok")
            elif verb == "DATA":
                w("354 go on")
                data = []
                while True:
                    l = self.rfile.readline().decode(errors="replace")
                    if l in (".\r\n", ".\n", ""):
                        break
                    data.append(l)
                code = re.search(r"sign-up is ([0-9]{6})", "".join(data))
                if code and rcpt:
                    with open(os.path.join(folder, rcpt), "a") as f:
                        f.write(code.group(1) + "\n")
                w("250 queued")
            elif verb == "QUIT":
                w("221 bye")
                return
            else:
                w("250 ok")
class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
Server(("127.0.0.1", port), Smtp).serve_forever()
PY
sink=$!
FIELDPLAN_STRATEGIST_KEY=$KEY FIELDPLAN_NOW=2026-10-31T08:00 SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$SMTP_PORT \
  java ${JAVA_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --fieldplan.messages.quiet-start=00:00 --fieldplan.messages.quiet-end=00:00 \
  --fieldplan.signups.per-address=1000000 >"$log" 2>&1 &
service=$!
stop() {
  kill $service 2>/dev/null || true
  for _ in $(seq 1 10); do kill -0 $service 2>/dev/null || break; sleep 1; done
  kill -9 $service 2>/dev/null || true
  kill $sink 2>/dev/null || true
  wait $service $sink 2>/dev/null || true
  rm -rf "$log" "$codes"
}
trap stop EXIT
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/api/sign-up/demo" >/dev/null 2>&1 && break
  kill -0 $service 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done

python3 - "$PORT" "$KEY" "$N" "$CONCURRENCY" "$DUPLICATES" "$codes" <<'PY'
import http.client, json, os, random, statistics, sys, threading, time
from concurrent.futures import ThreadPoolExecutor
port, key, n, concurrency, duplicates, codes = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
rng = random.Random(7)

def call(method, path, body=None, api_key=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Content-Type": "application/json"}
    if api_key:
        headers["X-Api-Key"] = api_key
    c.request(method, path, None if body is None else json.dumps(body), headers)
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, json.loads(data) if data else None

status, options = call("GET", "/api/sign-up/demo")
assert status == 200, options
slots = [s["id"] for s in options["slots"]]
lo_lon, lo_lat, hi_lon, hi_lat = options["bounds"]

def form(i):
    return {"name": f"Burst {i}", "email": f"burst{i}@bench.test",
            "home": {"lon": rng.uniform(lo_lon, hi_lon), "lat": rng.uniform(lo_lat, hi_lat)},
            "travelMode": "CAR", "maxTravelMinutes": 45, "skills": ["CANVASS"], "languages": ["en"],
            "slotIds": rng.sample(slots, 2)}

forms = [form(i) for i in range(n)]
answers, health, done = {}, [], threading.Event()

def poll_health():
    while not done.is_set():
        t0 = time.monotonic()
        s, _ = call("GET", "/actuator/health")
        health.append((time.monotonic() - t0, s))
        time.sleep(0.05)

def sign_up(i):
    s, body = call("POST", "/api/sign-up/demo", forms[i])
    answers[i] = (s, body)

def received(path):
    try:
        with open(path) as f:
            return f.read().split()
    except FileNotFoundError:
        return []

def confirm(i):
    path = os.path.join(codes, forms[i]["email"])
    expected = 2 if i < duplicates else 1
    for _ in range(1200):
        if len(received(path)) >= expected:
            break
        time.sleep(0.1)
    # Signing up again sent a new code, which may arrive before the first: the newest that works.
    for code in received(path):
        s, body = call("POST", f"/api/sign-up/demo/{answers[i][1]['signUpId']}/confirm", {"code": code})
        if s == 200:
            return
    raise AssertionError(f"no code of {forms[i]['email']} confirms: {body}")

poller = threading.Thread(target=poll_health)
t0 = time.monotonic()
poller.start()
with ThreadPoolExecutor(concurrency) as pool:
    list(pool.map(sign_up, range(n)))
    # The same people again (a second tab, a double tap): merged, each gets a new code.
    list(pool.map(sign_up, range(duplicates)))
    burst = time.monotonic() - t0
    bad = [a for a in answers.values() if a[0] != 202]
    assert not bad, bad[:3]
    list(pool.map(confirm, range(n)))
confirmed = time.monotonic() - t0
joined_at = placed_at = None
while time.monotonic() - t0 < 600 and placed_at is None:
    s, listed = call("GET", "/api/regions/demo/sign-ups", api_key=key)
    if joined_at is None and sum(1 for x in listed if x["status"] == "JOINED") == n:
        joined_at = time.monotonic() - t0
    if joined_at is not None:
        s, plan = call("GET", "/api/regions/demo/live/plan", api_key=key)
        sent = {a["volunteerId"] for a in plan["assignments"] if a["volunteerId"].startswith("S-") and a.get("precinctId")}
        placed = len(sent)
        placed_at = time.monotonic() - t0
        break
    time.sleep(0.2)
done.set()
poller.join()
s, listed = call("GET", "/api/regions/demo/sign-ups", api_key=key)
emails = [x["email"] for x in listed]
s, versions = call("GET", "/api/regions/demo/live/versions", api_key=key)
repairs = [v for v in versions if v["kind"] == "sign-ups"]
times = sorted(h[0] for h in health)
q = lambda p: times[min(len(times) - 1, int(p * len(times)))]
print(f"sign-ups sent: {n} + {duplicates} again with the same e-mail, {concurrency} clients; all answered 202 in {burst:.1f} s; codes confirmed by {confirmed:.1f} s")
print(f"stored: {len(listed)}, distinct e-mails: {len(set(emails))}")
print(f"all {n} joined the live plan after: {joined_at:.1f} s; sent out at least once: {placed} of {n} (read at {placed_at:.1f} s)")
print(f"sign-up repairs (versions of kind sign-ups): {len(repairs)}; newcomers per repair: "
      f"{[len(v['reason'].split(': ', 1)[1].split(', ')) for v in repairs]}")
print(f"health: {len(times)} polls, p50 {q(0.5)*1000:.0f} ms, p99 {q(0.99)*1000:.0f} ms, max {times[-1]*1000:.0f} ms, "
      f"non-200: {sum(1 for h in health if h[1] != 200)}")
PY
