"""Crash test (issue 9): concurrent card payments and points redemptions, `kill -9` of the
gateway mid-load, a restart on the same data dir, then checks that nothing acknowledged was
lost or doubled, and the journal's summary file still equals a recount. Run through scripts/crash-test; exits 1 naming the first failed check."""

import argparse
import http.client
import json
import pathlib
import shutil
import sqlite3
import sys
import tempfile
import time

import checks
from gateway import CrashTestFailure, Gateway
from load import LoadRun, call

CUSTOMERS = {"13800138000": "135790", "13900139000": "246802"}
POINTS_GRANT = 1_000_000_000  # a million HF10 redemptions per customer: any long run
MIN_ACKS = 20  # of each kind before the kill, so no round passes on an idle gateway
MAX_LOAD_SECONDS = 300
RETRY_SUFFIX = "-retry"


def prepare(gateway):
    """First start creates the demo data; then both demo customers get a bank card and
    points to spend, each grant with its ledger entry."""
    gateway.start()
    status = gateway.stop()
    if status != 0:
        raise CrashTestFailure(f"first clean stop exited {status}")
    with sqlite3.connect(gateway.store_path) as db:
        db.execute("UPDATE customers SET bank_card = '6222 **** **** 0002' "
                   "WHERE bank_card IS NULL OR bank_card = ''")
        for msisdn in CUSTOMERS:
            db.execute("UPDATE accounts SET points = points + ? WHERE msisdn = ?",
                       (POINTS_GRANT, msisdn))
            db.execute("INSERT INTO points_ledger (msisdn, ts_ms, points_delta, reason, "
                       "reference) VALUES (?, 0, ?, 'crash_test_grant', 'setup')",
                       (msisdn, POINTS_GRANT))
    db.close()


def log_in(port):
    tokens = {}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for msisdn, password in CUSTOMERS.items():
        connection.request("POST", "/api/v1/login",
                           json.dumps({"msisdn": msisdn, "password": password}),
                           {"Content-Type": "application/json"})
        body = json.loads(connection.getresponse().read())
        if body.get("status") != "ok":
            raise CrashTestFailure(f"login of {msisdn} failed: {body}")
        tokens[msisdn] = body["data"]["token"]
    connection.close()
    return tokens


def load_then_kill(gateway, tokens, round_no, clients, seconds):
    run = LoadRun(gateway.port, tokens, round_no, clients)
    started = time.monotonic()
    run.start()
    while (time.monotonic() - started < seconds or
           min(run.acked("pay"), run.acked("redeem")) < MIN_ACKS):
        if time.monotonic() - started > MAX_LOAD_SECONDS:
            raise CrashTestFailure(f"fewer than {MIN_ACKS} payments and redemptions "
                                   f"acknowledged in {MAX_LOAD_SECONDS} s")
        if any(a.problem for a in list(run.attempts)):
            break
        time.sleep(0.05)
    killed_at = time.monotonic()
    gateway.kill()
    run.killed.set()
    run.join()
    problems = [a for a in run.attempts if a.problem]
    if problems:
        raise CrashTestFailure(f"{problems[0].kind} {problems[0].key}: {problems[0].problem}")
    return run.attempts, killed_at


def retry(port, tokens, attempts, expect_replayed):
    """Sends each attempt again with its key (and a request id of its own): an acknowledged
    one must be replayed with the same answer; an unanswered one gets its first answer now."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for a in attempts:
        status, body = call(connection, a, tokens[a.msisdn], request_id=a.key + RETRY_SUFFIX)
        data = body.get("data", {})
        if status != 200 or body.get("status") != "ok":
            raise CrashTestFailure(f"retry of {a.kind} {a.key}: answered {status} {body}")
        if expect_replayed:
            same = {k: v for k, v in data.items() if k != "replayed"} == a.data
            if data.get("replayed") is not True or not same:
                raise CrashTestFailure(f"retry of acknowledged {a.kind} {a.key} was not a replay "
                                       f"of {a.data}: {data}")
        else:
            a.data = {k: v for k, v in data.items() if k != "replayed"}
            a.acked = time.monotonic()
    connection.close()


def check_round(gateway, attempts, earlier, killed_at, opening, flush_ms):
    sent = [a for a in attempts if a.sent]
    acked = [a for a in sent if a.acked is not None]
    unanswered = [a for a in sent if a.acked is None]
    for path in (gateway.store_path, gateway.journal_path):
        checks.integrity(path)
    checks.check_present_once(gateway.store_path, acked)
    checks.check_no_phantoms(gateway.store_path, earlier + sent)
    checks.check_balances(gateway.store_path, opening)
    journal = checks.check_journal_loss(gateway.journal_path, sent, killed_at, flush_ms)
    mark, last = checks.check_summary(gateway.journal_path, caught_up=False)
    journal += f"; summary equal to a recount up to row {mark} of {last}"
    before = checks.totals(gateway.store_path)
    return acked, unanswered, journal, before


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3, help="load before each kill")
    parser.add_argument("--rounds", type=int, default=2, help="kill and restart this often")
    parser.add_argument("--clients", type=int, default=8, help="concurrent connections")
    parser.add_argument("--flush-interval-ms", type=int, default=100)
    parser.add_argument("--ehall", required=True)
    parser.add_argument("--plugin-dir", required=True)
    parser.add_argument("--keep", action="store_true", help="keep the work dir")
    args = parser.parse_args()

    work = pathlib.Path(tempfile.mkdtemp(prefix="ehall-crash-test."))
    gateway = Gateway(args.ehall, args.plugin_dir, work, args.flush_interval_ms)
    try:
        prepare(gateway)
        opening = checks.accounts_minus_ledgers(gateway.store_path)
        gateway.start()
        tokens = log_in(gateway.port)
        retried, earlier = [], []
        for round_no in range(1, args.rounds + 1):
            attempts, killed_at = load_then_kill(gateway, tokens, round_no, args.clients,
                                                 args.seconds)
            gateway.start()
            acked, unanswered, journal, before = check_round(
                gateway, attempts, earlier, killed_at, opening, args.flush_interval_ms)
            retry(gateway.port, tokens, acked, expect_replayed=True)
            if checks.totals(gateway.store_path) != before:
                raise CrashTestFailure("replayed retries changed the store")
            retry(gateway.port, tokens, unanswered, expect_replayed=False)
            checks.check_present_once(gateway.store_path, acked + unanswered)
            earlier += [a for a in attempts if a.sent]
            checks.check_no_phantoms(gateway.store_path, earlier)
            checks.check_balances(gateway.store_path, opening)
            retried = acked + unanswered
            pays = sum(1 for a in acked if a.kind == "pay")
            print(f"round {round_no}: {pays} payments and {len(acked) - pays} redemptions "
                  f"acknowledged, {len(unanswered)} in flight at the kill; all present once "
                  f"after restart and retries; balances equal ledgers; {journal}", flush=True)
        status = gateway.stop()
        if status != 0:
            raise CrashTestFailure(f"clean stop exited {status}")
        for path in (gateway.store_path, gateway.journal_path):
            checks.integrity(path)
        checks.check_summary(gateway.journal_path, caught_up=True)
        checks.check_all_journaled(gateway.journal_path,
                                   [a.key + RETRY_SUFFIX for a in retried])
    except CrashTestFailure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        print(f"gateway log (last lines):\n{gateway.log_tail()}", file=sys.stderr)
        return 1
    finally:
        gateway.ensure_stopped()
        if args.keep:
            print(f"work dir kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"PASS: {args.rounds} crash rounds; integrity_check ok on ehall.db, journal.db and "
          "journal-summary.db, the summary equal to a recount")
    return 0


if __name__ == "__main__":
    sys.exit(main())
