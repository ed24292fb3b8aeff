#!/usr/bin/env bash
# Property-based API check: starts the release binary on its own port and database, validates
# its OpenAPI document (openapi-spec-validator, unique operation ids), issues an admin token,
# and runs schemathesis against /api/openapi.json (fails on any server error
# or any answer that breaks the documented schema); then plans two touches and checks the
# iCalendar feed (through a feed URL) with Python's icalendar package. Called by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bin="$CARGO_TARGET_DIR/release/concord"
venv="$HOME/.cache/concord/venv"
port="${CONCORD_API_CHECK_PORT:-3218}"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
db="${CONCORD_API_CHECK_DB:-$work/api.db}" # a file, or an empty PostgreSQL database's URL

"$bin" serve --demo --db "$db" --addr "127.0.0.1:$port" --site-root target/site \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
issue_token() {
  "$bin" token create --email ada@example.com --label "$1" --db "$db" 2>/dev/null
}
# The document itself, checked by an independent validator (OpenAPI 3.1, unique operation ids).
curl -fsS "http://127.0.0.1:$port/api/openapi.json" -o "$work/openapi.json"
"$venv/bin/openapi-spec-validator" "$work/openapi.json"
"$venv/bin/python" - "$work/openapi.json" <<'PY'
import collections, json, sys
doc = json.load(open(sys.argv[1]))
ids = [op.get("operationId") for path in doc["paths"].values() for op in path.values()
       if isinstance(op, dict) and "responses" in op]
twice = [i for i, n in collections.Counter(ids).items() if n > 1 or i is None]
if twice:
    sys.exit(f"operation ids missing or used twice: {twice}")
print(f"openapi: {len(ids)} operations, every operation id unique")
PY
# The generator's `filter_too_much` health check says only that it discarded many examples of
# an operation (POST /api/v1/touches has tight patterns); it judges the generator, not the API.
check_api() { # check_api TOKEN [schemathesis filters...]
  local token=$1
  shift
  "$venv/bin/schemathesis" run "http://127.0.0.1:$port/api/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,response_schema_conformance,content_type_conformance \
    --max-examples "${CONCORD_API_CHECK_EXAMPLES:-30}" \
    --seed 1 \
    --suppress-health-check=filter_too_much \
    --no-color "$@" || { echo "server log:"; tail -20 "$work/server.log"; exit 1; }
}
# Every operation but token revocation (it may revoke the token the run uses, and every later
# answer would be a 401), then revocation alone, with a token of its own.
check_api "$(issue_token schemathesis)" --exclude-path '/api/v1/tokens/{id}'
check_api "$(issue_token revocation)" --include-path '/api/v1/tokens/{id}'

# The iCalendar feed, parsed by an independent parser.
token=$(issue_token feed)
api() {
  curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    "http://127.0.0.1:$port$1" -d "$2"
}
contact=$(api /api/v1/contacts '{"name":"Feed Check","email":"feed@example.org","phone":"+1 617 555 0199","timezone":"Europe/Berlin","stage":"lead","consent":{"email":true,"sms":true,"phone":true,"mail":true}}' \
  | "$venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
day=$(date -u -d '+3 day' +%Y-%m-%d)
touch_id() { "$venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["touch"]["id"])'; }
email=$(api /api/v1/touches "{\"contact_id\":$contact,\"channel\":\"email\",\"purpose\":\"newsletter\",\"scheduled_at\":\"${day}T09:15:00Z\",\"title\":\"Feed email\"}" | touch_id)
sms=$(api /api/v1/touches "{\"contact_id\":$contact,\"channel\":\"sms\",\"purpose\":\"service\",\"scheduled_at\":\"${day}T15:45:00Z\",\"title\":\"Feed text\"}" | touch_id)
# The feed opens with a feed URL of its own (made through the API), never with the API token.
feed=$(api /api/v1/me/feeds '{"label":"api check"}' \
  | "$venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["url"])')
refused=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/calendar/$token.ics")
[ "$refused" = 401 ] || { echo "an API token opened the feed ($refused)"; exit 1; }
curl -fsS "$feed" -o "$work/feed.ics"
curl -fsS "$feed?channel=email" -o "$work/email.ics"
"$venv/bin/python" scripts/ics_check.py "$work/feed.ics" "$work/email.ics" \
  "{\"$email\": [\"email\", \"${day}T09:15:00Z\"], \"$sms\": [\"sms\", \"${day}T15:45:00Z\"]}"
