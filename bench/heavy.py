"""Heavy work must never starve the app: while six campaign previews and a 300 000-row CSV import
run against a 40 000-contact database, /healthz, a sign-in and a small write (planning one
touch through the API) are timed every 100 ms. Prints the
worst and median of each, every status the heavy requests got (a turned-away one must be 429 or
503 with Retry-After, and is retried after it), and a verdict against DESIGN's target: /healthz
and a sign-in under 1 s (worst case), no 5xx but 503 with Retry-After.

Usage: heavy.py BASE_URL TOKEN EMAIL PASSWORD [ROWS]
"""
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

base, token, email, password = sys.argv[1:5]
rows = int(sys.argv[5]) if len(sys.argv) > 5 else 300_000


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def send(method, path, body=None, headers=None, timeout=600):
    request = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    started = time.monotonic()
    try:
        with opener.open(request, timeout=timeout) as response:
            payload = response.read()
            status, retry = response.status, response.headers.get("Retry-After")
    except urllib.error.HTTPError as e:
        payload, status, retry = e.read(), e.code, e.headers.get("Retry-After")
    return status, retry, payload, time.monotonic() - started


def api(method, path, body, content_type="application/json"):
    headers = {"Authorization": f"Bearer {token}", "Content-Type": content_type}
    return send(method, path, body, headers)


heavy = []  # (what, status, retry_after, seconds)
lock = threading.Lock()


def until_accepted(what, call):
    """Runs `call` until it is not turned away (429/503 with Retry-After), waiting as told."""
    for _ in range(60):
        status, retry, payload, seconds = call()
        with lock:
            heavy.append((what, status, retry, seconds))
        if status in (429, 503) and retry:
            time.sleep(float(retry))
            continue
        return status, payload
    return status, payload


preview = json.dumps({"audience": {"stages": ["lead", "prospect", "customer"]}, "channel": "email",
                      "purpose": "newsletter", "scheduled_at": "2027-06-01T14:00:00Z",
                      "title": "Heavy preview"}).encode()
csv = "name,email,timezone,stage\n" + "".join(
    f"Heavy Import {i},heavy{i}@example.org,Europe/Berlin,lead\n" for i in range(rows))
csv = csv.encode()

done = threading.Event()
probes = {"healthz": [], "sign-in": [], "small write": []}
failures = []


def probe():
    form = urllib.parse.urlencode({"email": email, "password": password, "next": "/"}).encode()
    while not done.is_set():
        status, _, _, seconds = send("GET", "/healthz", timeout=30)
        probes["healthz"].append(seconds)
        if status >= 500:
            failures.append(f"/healthz {status}")
        status, _, _, seconds = send("POST", "/auth/sign-in", form,
                                     {"Content-Type": "application/x-www-form-urlencoded"}, timeout=30)
        probes["sign-in"].append(seconds)
        if status != 303:
            failures.append(f"sign-in {status}")
        touch = json.dumps({"contact_id": 1, "channel": "mail", "purpose": "relationship",
                            "scheduled_at": "2027-07-01T15:00:00Z", "title": "Small write"}).encode()
        status, _, _, seconds = api("POST", "/api/v1/touches", touch)
        probes["small write"].append(seconds)
        if status != 201:
            failures.append(f"small write {status}")
        time.sleep(0.1)


prober = threading.Thread(target=probe)
prober.start()
time.sleep(0.5)
workers = [threading.Thread(target=until_accepted,
                            args=(f"preview {n}", lambda: api("POST", "/api/v1/campaigns/preview", preview)))
           for n in range(6)]
imported = {}


def run_import():
    status, payload = until_accepted("import", lambda: api(
        "POST", "/api/v1/contacts/import?partial=true", csv, "text/csv"))
    imported["status"] = status
    try:
        imported["imported"] = json.loads(payload).get("imported")
    except ValueError:
        imported["imported"] = None


workers.append(threading.Thread(target=run_import))
started = time.monotonic()
for w in workers:
    w.start()
for w in workers:
    w.join()
elapsed = time.monotonic() - started
done.set()
prober.join()

print(f"heavy work: 6 previews and a {rows}-row import in {elapsed:.1f} s")
for what, status, retry, seconds in heavy:
    note = f" (Retry-After {retry})" if retry else ""
    print(f"  {what}: {status}{note} in {seconds:.2f} s")
print(f"  import: {imported}")
for name, times in probes.items():
    print(f"{name}: worst {max(times) * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms "
          f"over {len(times)} probes")
bad = [f"{what} {status}" for what, status, retry, _ in heavy
       if status >= 500 and not (status == 503 and retry)] + failures
worst = max(max(probes["healthz"]), max(probes["sign-in"]))
ok = worst < 1.0 and not bad and imported.get("status") == 200
print(f"verdict: {'met' if ok else 'NOT met'} (target: /healthz and sign-in < 1000 ms worst, "
      f"no 5xx but 503 with Retry-After){'; ' + ', '.join(bad) if bad else ''}")
