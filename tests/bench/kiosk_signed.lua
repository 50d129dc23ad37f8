-- wrk script for signed kiosk calls: thread i sends the pre-signed lines of
-- $KIOSK_REQUESTS.i (tests/bench/kiosk_signed_requests.py) in order, one nonce per request.
-- Past the last line it starts again, and the gateway refuses the reused nonces (401), which
-- scripts/bench reports as non-2xx answers.
wrk.method = "POST"
wrk.body = os.getenv("KIOSK_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Terminal-Id"] = os.getenv("KIOSK_TERMINAL")

local made = 0
function setup(thread)
  made = made + 1
  thread:set("id", made)
end

function init(args)
  timestamps, nonces, signatures = {}, {}, {}
  for line in io.lines(os.getenv("KIOSK_REQUESTS") .. "." .. id) do
    local timestamp, nonce, signature = line:match("(%S+) (%S+) (%S+)")
    timestamps[#timestamps + 1] = timestamp
    nonces[#nonces + 1] = nonce
    signatures[#signatures + 1] = signature
  end
  sent = 0
end

function request()
  sent = sent % #nonces + 1
  wrk.headers["X-Timestamp"] = timestamps[sent]
  wrk.headers["X-Nonce"] = nonces[sent]
  wrk.headers["X-Signature"] = signatures[sent]
  return wrk.format()
end
