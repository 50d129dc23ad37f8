"""A customer's latency while sign-ins flood the gateway (issue 23): starts `ehall serve` on
the default config (config/ehall.json: demo mode, every plugin), signs the demo customer in,
and times her `family.show` requests, first alone, then while 12 clients at 12 loopback
addresses log in to random numbers with wrong passwords as fast as they can. Prints the
median and the worst latency of each phase and what the flood got back."""

import argparse
import http.client
import json
import os
import pathlib
import random
import shutil
import statistics
import subprocess
import tempfile
import threading
import time


def start(ehall, config, work, overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("EHALL_")}
    env.update(overrides)
    process = subprocess.Popen(
        [ehall, "serve", "--config", config, "--listen", "127.0.0.1:0",
         "--data-dir", str(work / "data"), "--port-file", str(work / "port")],
        stdout=subprocess.DEVNULL, stderr=open(work / "ehall.log", "wb"), env=env)
    for _ in range(600):
        text = (work / "port").read_text() if (work / "port").exists() else ""
        if text.endswith("\n"):
            return process, int(text)
        time.sleep(0.05)
    raise RuntimeError("the gateway did not start")


def post(connection, path, body, headers=None):
    connection.request("POST", path, json.dumps(body),
                       {"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    return response.status, json.loads(response.read() or b"{}")


def time_family_show(port, token, count):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    latencies = []
    for _ in range(count):
        started = time.perf_counter()
        status, _ = post(connection, "/api/v1/services/family/show", {},
                         {"Authorization": "Bearer " + token})
        latencies.append((time.perf_counter() - started) * 1000)
        assert status == 200, status
        time.sleep(0.02)
    return latencies


def flood(port, address, stop, codes, lock):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                            source_address=(address, 0))
    while not stop.is_set():
        msisdn = "137" + str(random.randrange(10**7, 10**8))
        _, body = post(connection, "/api/v1/login", {"msisdn": msisdn, "password": "123456"})
        with lock:
            codes[body.get("code", "?")] = codes.get(body.get("code", "?"), 0) + 1


def summary(name, latencies):
    return (f"{name}: {len(latencies)} family.show, median {statistics.median(latencies):.2f} ms, "
            f"worst {max(latencies):.2f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ehall", required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=12)
    parser.add_argument("--no-address-limit", action="store_true",
                        help="web.sign_in_per_address_per_min=0: only the sign-in pool bounds it")
    args = parser.parse_args()

    work = pathlib.Path(tempfile.mkdtemp(prefix="ehall-flood."))
    overrides = {"EHALL_GATEWAY_ACCESS_LOG": "false"}
    if args.no_address_limit:
        overrides["EHALL_WEB_SIGN_IN_PER_ADDRESS_PER_MIN"] = "0"
    process, port = start(args.ehall, args.config, work, overrides)
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        status, body = post(connection, "/api/v1/login",
                            {"msisdn": "13800138000", "password": "135790"})
        assert status == 200, body
        token = body["data"]["token"]
        quiet = time_family_show(port, token, args.requests)
        stop, lock, codes = threading.Event(), threading.Lock(), {}
        flooders = [threading.Thread(target=flood, args=(port, f"127.0.2.{i + 1}", stop, codes, lock))
                    for i in range(args.clients)]
        for flooder in flooders:
            flooder.start()
        time.sleep(1)
        loud = time_family_show(port, token, args.requests)
        stop.set()
        for flooder in flooders:
            flooder.join()
        print(summary("without the flood", quiet))
        print(summary(f"while {args.clients} clients flood password logins", loud))
        print("the flood's answers:", ", ".join(f"{code} {n}" for code, n in sorted(codes.items())))
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
