"""Concurrent card payments and points redemptions, each with its own idempotency key
(also sent as the request id, so its journal record can be found). Every attempt remembers
when it was sent and, if its success reply arrived, when and what it said."""

import http.client
import json
import threading
import time
from dataclasses import dataclass, field

REDEEM_ITEM = "HF10"  # 1000 points -> 10 yuan phone credit (demo catalog)


@dataclass
class Attempt:
    key: str
    kind: str  # "pay" or "redeem"
    msisdn: str
    params: dict
    sent: float = 0.0  # time.monotonic() just before the request went out
    acked: float | None = None  # when the success reply was read
    data: dict | None = None  # the reply's data
    problem: str | None = None  # an answer other than success, or a failure before the kill

    @property
    def path(self):
        return ("/api/v1/services/billing/pay" if self.kind == "pay"
                else "/api/v1/services/points/redeem")


def call(connection, attempt, token, request_id=None):
    """Sends the attempt and reads the answer: (HTTP status, parsed body)."""
    body = json.dumps(attempt.params)
    connection.request("POST", attempt.path, body, {
        "Content-Type": "application/json",
        "Authorization": "Bearer " + token,
        "Idempotency-Key": attempt.key,
        "X-Request-Id": request_id or attempt.key,
    })
    response = connection.getresponse()
    raw = response.read()
    try:
        return response.status, json.loads(raw)
    except ValueError:
        return response.status, {"unparsed": raw[:200].decode(errors="replace")}


@dataclass
class LoadRun:
    """Clients that send until the gateway is killed; attempts in the order they were made."""
    port: int
    tokens: dict  # msisdn -> bearer token
    round_no: int
    clients: int
    attempts: list = field(default_factory=list)
    killed: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self):
        self.threads = [threading.Thread(target=self._client, args=(n,), daemon=True)
                        for n in range(self.clients)]
        for thread in self.threads:
            thread.start()

    def join(self):
        for thread in self.threads:
            thread.join(timeout=120)

    def acked(self, kind):
        with self.lock:
            return sum(1 for a in self.attempts if a.kind == kind and a.acked is not None)

    def _client(self, n):
        msisdns = sorted(self.tokens)
        msisdn = msisdns[n % len(msisdns)]
        connection = None
        seq = 0
        while not self.killed.is_set():
            seq += 1
            kind = "pay" if seq % 2 else "redeem"
            params = ({"amount_fen": seq % 97 + 1, "method": "card"} if kind == "pay"
                      else {"item": REDEEM_ITEM})
            attempt = Attempt(f"crash-r{self.round_no}-c{n}-{seq:06d}", kind, msisdn, params)
            with self.lock:
                self.attempts.append(attempt)
            try:
                if connection is None:
                    connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                attempt.sent = time.monotonic()
                status, body = call(connection, attempt, self.tokens[msisdn])
                if status == 200 and body.get("status") == "ok":
                    attempt.data = body.get("data", {})
                    attempt.acked = time.monotonic()
                else:
                    attempt.problem = f"answered {status} {body}"
            except (OSError, http.client.HTTPException) as error:
                if connection is not None:
                    connection.close()
                    connection = None
                # The gateway is killed with requests in flight; any other failure is one.
                if not self.killed.wait(timeout=10):
                    attempt.problem = f"failed before the kill: {error!r}"
                    return
        if connection is not None:
            connection.close()
