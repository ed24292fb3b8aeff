-- wrk script for scheduling: POST /api/v1/touches, each request a touch for another contact
-- (ids cycled from CONCORD_FIRST over CONCORD_CONTACTS) on another day, so that concurrent
-- writers never share a contact. Reads CONCORD_TOKEN; CONCORD_FIRST lets two wrk processes
-- (one per node) take disjoint halves of the contacts.
local token = os.getenv("CONCORD_TOKEN")
local contacts = tonumber(os.getenv("CONCORD_CONTACTS") or "1000")
local first = tonumber(os.getenv("CONCORD_FIRST") or "1")
local requests = {}
local counter = 0

init = function(args)
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  for n = 0, 9999 do
    local day = 1 + math.floor(n / contacts) % 28
    local body = string.format(
      '{"contact_id":%d,"channel":"email","purpose":"service","scheduled_at":"2031-02-%02dT15:00:00Z","title":"Load"}',
      first + n % contacts, day)
    requests[n + 1] = wrk.format("POST", "/api/v1/touches", headers, body)
  end
end

request = function()
  counter = counter % #requests + 1
  return requests[counter]
end

done = function(summary, latency)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, %d requests, %d non-2xx\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status))
end
