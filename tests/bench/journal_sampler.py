#!/usr/bin/env python3
"""The journal under load, from the gateway's /metrics, for scripts/bench: samples
ehall_journal_written_total and ehall_journal_flush_lag_seconds every 50 ms for SECONDS and
prints "records_written_per_second max_flush_lag_ms".
  journal_sampler.py PORT SECONDS
"""
import sys
import time
import urllib.request


def sample(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as reply:
        values = {}
        for line in reply.read().decode().splitlines():
            name, _, value = line.partition(" ")
            if name in ("ehall_journal_written_total", "ehall_journal_flush_lag_seconds"):
                values[name] = float(value)
        return time.monotonic(), values["ehall_journal_written_total"], values[
            "ehall_journal_flush_lag_seconds"]


def main():
    port, seconds = sys.argv[1], float(sys.argv[2])
    start, first_written, max_lag = sample(port)
    now, written = start, first_written
    while now - start < seconds:
        time.sleep(0.05)
        now, written, lag = sample(port)
        max_lag = max(max_lag, lag)
    rate = (written - first_written) / (now - start) if now > start else 0
    print(f"{rate:.0f} {max_lag * 1000:.1f}")


if __name__ == "__main__":
    main()
