-- wrk calls done() once when a run ends. It prints one line that demo/bench/wrk.py reads: the count and
-- duration of the requests, the latency percentiles in microseconds and the errors by kind.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "LOKET-BENCH requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d " ..
    "connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout
  ))
end
