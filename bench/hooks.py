"""One SendGrid Event Webhook batch through POST /hooks/{id}, as SendGrid sends it: connects a
SendGrid source with a fresh P-256 key pair, builds EVENTS events (delivered, open, click, a
few bounces, a few opens for addresses no contact has) for the demo company's contacts and
touches, signs it (ECDSA P-256 over timestamp + body) and posts it once, timed; then posts the
same batch again, as a retry, and shows that nothing changed (row counts and the version sums
of contacts and touches, before and after). Prints the figures beside DESIGN's target: the
first ingest of 10 000 events within 2 s.

Usage: hooks.py BASE_URL ADMIN_TOKEN DB [EVENTS]
DB is the SQLite file or the postgres:// URL the server runs on (read here for the demo's
contacts and touches, and for the counts).
"""
import base64
import json
import random
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

base, token, db = sys.argv[1:4]
events = int(sys.argv[4]) if len(sys.argv) > 4 else 10_000
TARGET_SECS = 2.0
MAX_HOOK_BYTES = 16 * 1024 * 1024  # server/src/hooks/mod.rs


def query(sql):
    """The rows of a read-only query, on whichever engine the server uses."""
    if db.startswith("postgres"):
        out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", db, "-c", sql],
                             check=True, capture_output=True, text=True).stdout
        return [tuple(line.split("\t")) for line in out.splitlines() if line]
    path = db.removeprefix("sqlite://").removeprefix("sqlite:")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [tuple(str(v) for v in row) for row in conn.execute(sql)]
    finally:
        conn.close()


def post(path, body, headers):
    request = urllib.request.Request(base + path, data=body, method="POST", headers=headers)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            status, payload = response.status, response.read()
    except urllib.error.HTTPError as e:
        status, payload = e.code, e.read()
    return status, payload, time.monotonic() - started


# What a request can change: every table an event writes, and the version sums (any update).
STATE = [
    ("hook_events", "SELECT COUNT(*) FROM hook_events"),
    ("dead_letters", "SELECT COUNT(*) FROM dead_letters"),
    ("touch_events (deliveries)", "SELECT COUNT(*) FROM touch_events"),
    ("engagements", "SELECT COUNT(*) FROM engagements"),
    ("interactions", "SELECT COUNT(*) FROM interactions"),
    ("audit_log", "SELECT COUNT(*) FROM audit_log"),
    ("contacts: sum(version)", "SELECT COALESCE(SUM(version), 0) FROM contacts"),
    ("touches: sum(version)", "SELECT COALESCE(SUM(version), 0) FROM touches"),
]


def state():
    return [int(query(sql)[0][0]) for _, sql in STATE]


# A fresh key pair; the source keeps the public key (base64 DER, as SendGrid shows it).
key = ec.generate_private_key(ec.SECP256R1())
public = base64.b64encode(key.public_key().public_bytes(
    serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)).decode()
status, payload, _ = post("/api/v1/sources",
                          json.dumps({"kind": "sendgrid", "label": "Bench SendGrid",
                                      "public_key": public}).encode(),
                          {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
if status != 201:
    sys.exit(f"connecting the source: {status} {payload[:300]!r}")
source = json.loads(payload)["id"]

contacts = [email for (email,) in query(
    "SELECT email FROM contacts WHERE email IS NOT NULL AND email <> '' ORDER BY id")]
touches = query("SELECT t.id, c.email, t.status FROM touches t JOIN contacts c ON c.id = t.contact_id "
                "WHERE t.channel = 'email' AND c.email IS NOT NULL ORDER BY t.id")
going_out = [t for t in touches if t[2] in ("planned", "approved", "sent", "failed")]
if not contacts or not going_out:
    sys.exit("the demo company has no email contacts or touches: was the server started with --demo?")

rng = random.Random(1)
now = int(time.time())
batch, mix = [], {}
for n in range(events):
    roll = rng.random()
    if roll < 0.52:
        kind, touch = "delivered", rng.choice(going_out)
    elif roll < 0.82:
        kind, touch = "open", rng.choice(touches) if rng.random() < 0.5 else None
    elif roll < 0.97:
        kind, touch = "click", rng.choice(touches) if rng.random() < 0.5 else None
    elif roll < 0.99:
        kind, touch = "bounce", rng.choice(going_out)
    else:
        kind, touch = "open (unknown address)", None
    mix[kind] = mix.get(kind, 0) + 1
    event = {"timestamp": now - rng.randrange(3600), "sg_event_id": f"bench-{n:05d}-{rng.getrandbits(48):012x}",
             "smtp-id": f"<bench{n}@ourco.example>", "category": ["bench"]}
    if touch is not None:
        event.update(email=touch[1], concord_touch_id=touch[0],
                     sg_message_id=f"bench{touch[0]}.filter0001.1.0")
    else:
        address = "nobody-%d@example.net" % n if kind.startswith("open (") else rng.choice(contacts)
        event.update(email=address, sg_message_id=f"loose{n}.filter0001.1.0")
    event["event"] = kind.split(" ")[0]
    if kind == "delivered":
        event["response"] = "250 OK"
    elif kind == "click":
        event["url"] = "https://ourco.example/spring"
    elif kind == "bounce":
        event.update(type="bounce", status="5.1.1", reason="550 5.1.1 mailbox does not exist")
    batch.append(event)
body = json.dumps(batch, separators=(",", ":")).encode()
assert len(body) < MAX_HOOK_BYTES, f"{len(body)} bytes is over the hooks' body limit"


def signed_headers():
    timestamp = str(int(time.time()))
    signature = key.sign(timestamp.encode() + body, ec.ECDSA(hashes.SHA256()))
    return {"Content-Type": "application/json",
            "X-Twilio-Email-Event-Webhook-Timestamp": timestamp,
            "X-Twilio-Email-Event-Webhook-Signature": base64.b64encode(signature).decode()}


print(f"source {source}; {len(contacts)} contacts with an email, {len(touches)} email touches "
      f"({len(going_out)} going out)")
print(f"batch: {events} events, {len(body) / 1e6:.1f} MB (hook body limit "
      f"{MAX_HOOK_BYTES / 2**20:.0f} MiB); " + ", ".join(f"{k} {v}" for k, v in sorted(mix.items())))
before = state()
status, payload, first = post(f"/hooks/{source}", body, signed_headers())
if status != 200:
    sys.exit(f"first delivery: {status} {payload[:300]!r}")
ratio = first / TARGET_SECS
print(f"first delivery:  {status} {payload.decode()} in {first:.3f} s, {events / first:,.0f} events/s "
      f"(target <= {TARGET_SECS:.0f} s: {ratio:.2f}x the target, {'met' if ratio <= 1 else 'MISSED'})")
after_first = state()
# A retry is signed again (a new timestamp), the body unchanged.
status, payload, second = post(f"/hooks/{source}", body, signed_headers())
if status != 200:
    sys.exit(f"redelivery: {status} {payload[:300]!r}")
print(f"redelivery:      {status} {payload.decode()} in {second:.3f} s")
after_second = state()

print(f"{'':28} {'before':>10} {'after 1st':>10} {'after 2nd':>10}")
for (name, _), b, f, s in zip(STATE, before, after_first, after_second):
    print(f"{name:28} {b:>10} {f:>10} {s:>10}{'' if f == s else '   CHANGED'}")
unchanged = after_first == after_second
print(f"redelivery changed nothing: {'yes' if unchanged else 'NO'}")
sys.exit(0 if unchanged else 1)
