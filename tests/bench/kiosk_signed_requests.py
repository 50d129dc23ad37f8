#!/usr/bin/env python3
"""Pre-signs kiosk API calls for scripts/bench, which cannot sign in wrk's Lua.

Writes FILE.1 .. FILE.<threads>, one line "timestamp nonce signature" per request, each
nonce used once (DESIGN §6: X-Signature = hex HMAC-SHA256(key,
METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nhex(SHA256(body)))). tests/bench/kiosk_signed.lua sends them.
  kiosk_signed_requests.py FILE --key K --method POST --path /kiosk/v1/... --body '{}'
                           --count N --threads T
"""
import argparse
import hashlib
import hmac
import os
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--key", required=True)
    parser.add_argument("--method", default="POST")
    parser.add_argument("--path", required=True)
    parser.add_argument("--body", default="{}")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    key = args.key.encode()
    timestamp = str(int(time.time()))
    body_hash = hashlib.sha256(args.body.encode()).hexdigest()
    prefix = f"{args.method}\n{args.path}\n{timestamp}\n"
    run = os.urandom(6).hex()
    per_thread = -(-args.count // args.threads)
    for thread in range(1, args.threads + 1):
        with open(f"{args.file}.{thread}", "w") as out:
            for n in range(per_thread):
                nonce = f"b{run}t{thread}n{n}"
                message = f"{prefix}{nonce}\n{body_hash}".encode()
                signature = hmac.new(key, message, hashlib.sha256).hexdigest()
                out.write(f"{timestamp} {nonce} {signature}\n")


if __name__ == "__main__":
    main()
