-- wrk script for the send gate: POST /api/v1/check for varied contacts, channels and purposes.
-- Reads CONCORD_TOKEN and CONCORD_CONTACTS (how many contacts, ids 1..N) from the environment.
-- The requests are formatted once, in init, and cycled: the load generator shares the two cores
-- with the server, so it should spend them on sending, not on building strings. wrk counts
-- answers other than 2xx/3xx itself (errors.status below).
local token = os.getenv("CONCORD_TOKEN")
local contacts = tonumber(os.getenv("CONCORD_CONTACTS") or "100")
local channels = { "email", "sms", "phone", "mail" }
local purposes = { "promotional", "newsletter", "sales_followup", "relationship", "service" }

local requests = {}
local counter = 0

init = function(args)
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  for n = 1, 4000 do
    local body = string.format('{"contact_id":%d,"channel":"%s","purpose":"%s"}',
      (n * 7919) % contacts + 1, channels[n % 4 + 1], purposes[n % 5 + 1])
    requests[n] = wrk.format("POST", "/api/v1/check", headers, body)
  end
end

request = function()
  counter = counter % #requests + 1
  return requests[counter]
end

done = function(summary, latency)
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests/s %.0f, errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.requests / (summary.duration / 1e6), summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout))
end
