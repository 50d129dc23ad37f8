"""Memory of idle keep-alive connections (issue 9): starts the gateway, opens N connections
that each make one request and then stay open and idle, and reads the gateway's VmRSS from
/proc before and after. Fails when the RSS with N idle connections reaches the limit."""

import argparse
import http.client
import json
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time


def vm_rss_kib(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def start(ehall, plugin_dir, work, connections):
    config = {"mode": "demo",
              "gateway": {"access_log": False, "idle_timeout_ms": 600000,
                          "max_connections_per_ip": connections + 100},
              "plugins": {"dir": plugin_dir, "modules": ["billing"]}}
    (work / "config.json").write_text(json.dumps(config))
    env = {k: v for k, v in os.environ.items() if not k.startswith("EHALL_")}
    process = subprocess.Popen(
        [ehall, "serve", "--config", str(work / "config.json"), "--listen", "127.0.0.1:0",
         "--data-dir", str(work / "data"), "--port-file", str(work / "port")],
        stdout=subprocess.DEVNULL, stderr=open(work / "ehall.log", "wb"), env=env)
    for _ in range(600):
        text = (work / "port").read_text() if (work / "port").exists() else ""
        if text.endswith("\n"):
            return process, int(text)
        time.sleep(0.05)
    raise RuntimeError("the gateway did not start")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--connections", type=int, default=5000)
    parser.add_argument("--limit-mib", type=int, default=256)
    parser.add_argument("--ehall", required=True)
    parser.add_argument("--plugin-dir", required=True)
    args = parser.parse_args()

    # Both ends of every connection live here and in the gateway (which inherits the limit).
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = args.connections + 1000
    if hard != resource.RLIM_INFINITY and hard < wanted:
        sys.exit(f"FAIL: the open-files hard limit {hard} is below {wanted}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))

    work = pathlib.Path(tempfile.mkdtemp(prefix="ehall-idle."))
    process, port = start(args.ehall, args.plugin_dir, work, args.connections)
    held = []
    try:
        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(100):
            warm.request("GET", "/healthz")
            warm.getresponse().read()
        warm.close()
        base = vm_rss_kib(process.pid)
        for n in range(args.connections):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/healthz")
            response = connection.getresponse()
            response.read()
            if response.status != 200 or response.getheader("Connection") == "close":
                sys.exit(f"FAIL: connection {n} was answered {response.status} and not kept alive")
            held.append(connection)
        time.sleep(1)
        rss = vm_rss_kib(process.pid)
        # Still open and served: one more request on the first and the last connection.
        for connection in (held[0], held[-1]):
            connection.request("GET", "/healthz")
            if connection.getresponse().read() != b'{"status":"ok"}':
                sys.exit("FAIL: an idle connection no longer answers")
        per_connection = (rss - base) * 1024 / args.connections
        print(f"{args.connections} idle keep-alive connections: gateway VmRSS {rss / 1024:.1f} MiB "
              f"(before {base / 1024:.1f} MiB, {per_connection / 1024:.1f} KiB per connection); "
              f"limit {args.limit_mib} MiB")
        if rss >= args.limit_mib * 1024:
            print("FAIL: over the limit", file=sys.stderr)
            return 1
        return 0
    finally:
        for connection in held:
            connection.close()
        process.terminate()
        process.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
