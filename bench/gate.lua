-- wrk script for the send gate: POST /api/v1/check for random contacts, channels and purposes.
-- Reads CONCORD_TOKEN and CONCORD_CONTACTS (how many contacts, ids 1..N) from the environment.
local token = os.getenv("CONCORD_TOKEN")
local contacts = tonumber(os.getenv("CONCORD_CONTACTS") or "100")
local channels = { "email", "sms", "phone", "mail" }
local purposes = { "promotional", "newsletter", "sales_followup", "relationship", "service" }

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

local counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"contact_id":%d,"channel":"%s","purpose":"%s"}',
    (counter * 7919) % contacts + 1, channels[counter % 4 + 1], purposes[counter % 5 + 1])
  return wrk.format(nil, "/api/v1/check", nil, body)
end

local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency)
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests/s %.0f, errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.requests / (summary.duration / 1e6), summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout))
end
