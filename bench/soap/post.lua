-- bench/run-soap.sh's wrk script: POSTs the SOAP body in the file named by BENCH_BODY on every
-- request of every connection (HTTP/1.1 keep-alive), and prints one summary line for the script.
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/soap+xml; charset=utf-8"
-- The Kerberos case: the session cookie one SPNEGO authentication got (bench/README.md).
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d bytes=%d "
      .. "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
      summary.bytes, e.connect, e.read, e.write, e.status, e.timeout))
end
