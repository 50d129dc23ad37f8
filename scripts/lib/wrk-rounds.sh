# Helpers scripts/bench and scripts/bench-postgres share (sourced, not run): free ports, a wrk
# run reduced to "requests/s p99_ms non2xx", medians and ratios. They expect $out (a temp
# dir), $wrk_threads, $connections and $duration to be set.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do curl -fs "http://127.0.0.1:$1$2" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "server on $1 did not start" >&2; exit 1; }

wrk_summary() {  # wrk output file -> "requests_per_second p99_ms non2xx"
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
value, unit = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", text).groups()
p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
print(f"{rps:.0f} {p99:.2f} {bad.group(1) if bad else 0}")
PY
}

median() { python3 -c 'import statistics,sys; print(f"{statistics.median(map(float, sys.argv[1:])):.2f}")' "$@"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
