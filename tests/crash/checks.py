"""What must hold in ehall.db, journal.db and journal-summary.db after a crash, read with
SQLite itself."""

import sqlite3
from collections import Counter, defaultdict
from contextlib import closing

from gateway import CrashTestFailure

KEY_PREFIX = "crash-"


def read_only(path):
    return closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30))


def integrity(path):
    with read_only(path) as db:
        result = [row[0] for row in db.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        raise CrashTestFailure(f"PRAGMA integrity_check on {path.name}: {result[:5]}")


def accounts_minus_ledgers(store_path):
    """Per customer: balance, points and e-coins minus the sums of their ledgers. Every
    movement is in a ledger, so these offsets (the opening amounts) never change."""
    with read_only(store_path) as db:
        rows = db.execute("""
            SELECT a.msisdn,
                   a.balance_fen - (SELECT COALESCE(SUM(delta_fen), 0) FROM balance_ledger b
                                    WHERE b.msisdn = a.msisdn),
                   a.points - (SELECT COALESCE(SUM(points_delta), 0) FROM points_ledger p
                               WHERE p.msisdn = a.msisdn),
                   a.ecoins - (SELECT COALESCE(SUM(ecoins_delta), 0) FROM points_ledger p
                               WHERE p.msisdn = a.msisdn)
            FROM accounts a ORDER BY a.msisdn""").fetchall()
    return {row[0]: row[1:] for row in rows}


def totals(store_path):
    """Row counts and balances: what a replayed retry must leave exactly as it was."""
    with read_only(store_path) as db:
        counts = tuple(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in
                       ("payments", "redemptions", "balance_ledger", "points_ledger",
                        "operation_results"))
        accounts = tuple(db.execute(
            "SELECT msisdn, balance_fen, points, ecoins FROM accounts ORDER BY msisdn"))
    return counts, accounts


def check_balances(store_path, opening):
    now = accounts_minus_ledgers(store_path)
    for msisdn, offsets in opening.items():
        if now.get(msisdn) != offsets:
            raise CrashTestFailure(
                f"{msisdn}: balance/points/e-coins minus their ledgers moved from {offsets} to "
                f"{now.get(msisdn)}: an account changed without its ledger entry, or the reverse")


def _once(what, count):
    if count != 1:
        raise CrashTestFailure(f"{what}: expected exactly one row, found {count}")


def check_present_once(store_path, attempts):
    """Each attempt's payment or redemption, its ledger entries and its recorded result are
    there exactly once, and say what its reply said. The tables are read once each, so
    long runs stay linear."""
    with read_only(store_path) as db:
        results = Counter(db.execute("SELECT owner, idempotency_key FROM operation_results "
                                     "WHERE idempotency_key LIKE ?", (KEY_PREFIX + "%",)))
        payments = defaultdict(list)
        for key, pid, amount in db.execute("SELECT idempotency_key, id, amount_fen FROM payments"):
            payments[key].append((pid, amount))
        ledger = db.execute("SELECT msisdn, kind, reference, delta_fen FROM balance_ledger").fetchall()
        points = Counter(db.execute("SELECT msisdn, reason, reference, points_delta < 0 "
                                    "FROM points_ledger"))
        redemptions = Counter(db.execute("SELECT id, msisdn, item FROM redemptions"))
    by_kind = Counter(ledger)
    by_reference = Counter((msisdn, reference, delta) for msisdn, _, reference, delta in ledger)
    for a in attempts:
        what = f"{a.kind} {a.key} ({a.msisdn})"
        _once(what + " recorded result", results[(a.msisdn, a.key)])
        if a.kind == "pay":
            stored = payments[f"{a.msisdn}:{a.key}"]
            _once(what, len(stored))
            if stored[0] != (a.data["payment_id"], a.params["amount_fen"]):
                raise CrashTestFailure(f"{what}: stored payment {stored[0]}, the reply said "
                                       f"{a.data}")
            _once(what + " ledger entry",
                  by_kind[(a.msisdn, "payment", a.data["receipt_no"], a.params["amount_fen"])])
        else:
            number = a.data["redemption_no"]
            _once(what, redemptions[(int(number[1:]), a.msisdn, a.params["item"])])
            _once(what + " points ledger entry", points[(a.msisdn, "redeem", number, 1)])
            _once(what + " phone credit", by_reference[(a.msisdn, number, a.data["value_fen"])])


def check_no_phantoms(store_path, attempts):
    """Nothing was committed under a key no client sent, and no payment or redemption
    committed without its recorded result (they commit in one transaction)."""
    sent = {(a.msisdn, a.key) for a in attempts if a.sent}
    with read_only(store_path) as db:
        recorded = db.execute("SELECT owner, idempotency_key, json_extract(result_json, "
                              "'$.data.redemption_no') FROM operation_results").fetchall()
        payment_keys = [row[0] for row in db.execute("SELECT idempotency_key FROM payments")]
        redemption_ids = [row[0] for row in db.execute("SELECT id FROM redemptions")]
    keys = {f"{owner}:{key}" for owner, key, _ in recorded}
    numbers = {number for *_, number in recorded if number}
    phantoms = [key for owner, key, _ in recorded
                if key.startswith(KEY_PREFIX) and (owner, key) not in sent]
    if phantoms:
        raise CrashTestFailure(f"results recorded under keys never sent: {phantoms[:5]}")
    orphans = (sum(1 for key in payment_keys if key not in keys),
               sum(1 for i in redemption_ids if f"R{i:08d}" not in numbers))
    if orphans != (0, 0):
        raise CrashTestFailure(f"{orphans[0]} payment(s) and {orphans[1]} redemption(s) "
                               "committed without their recorded result")


def journal_rows(journal_path):
    """request_id -> number of interaction records, for the test's requests."""
    with read_only(journal_path) as db:
        rows = db.execute("SELECT request_id, COUNT(*) FROM interactions WHERE request_id "
                          "LIKE ? GROUP BY request_id", (KEY_PREFIX + "%",)).fetchall()
    return dict(rows)


def check_journal_loss(journal_path, attempts, killed_at, flush_interval_ms):
    """Records are queued before the reply and written in queue order, so only a tail can be
    lost: an acknowledged request may be missing only if no request sent after its reply
    arrived was journaled. Decided by that order, not by timing; the ages are reported."""
    journaled = journal_rows(journal_path)
    doubled = [key for key, count in journaled.items() if count > 1]
    if doubled:
        raise CrashTestFailure(f"requests journaled more than once: {doubled[:5]}")
    acked = [a for a in attempts if a.acked is not None]
    lost = [a for a in acked if a.key not in journaled]
    last_journaled_send = max((a.sent for a in attempts if a.key in journaled), default=0.0)
    holes = [a for a in lost if a.acked < last_journaled_send]
    if holes:
        raise CrashTestFailure(
            f"{len(holes)} acknowledged request(s) missing from the journal although later "
            f"ones were journaled (not just the unflushed tail), e.g. {holes[0].key}")
    # Replies already on their way when the signal was sent may be read just after it.
    oldest_ms = max((max(killed_at - a.acked, 0.0) * 1000 for a in lost), default=0.0)
    return (f"journal: {len(acked) - len(lost)}/{len(acked)} acknowledged requests journaled; "
            f"{len(lost)} lost, acknowledged at most {oldest_ms:.0f} ms before the kill "
            f"(flush interval {flush_interval_ms} ms)")


def check_all_journaled(journal_path, request_ids):
    """After a clean shutdown nothing is lost."""
    journaled = journal_rows(journal_path)
    missing = [key for key in request_ids if key not in journaled]
    if missing:
        raise CrashTestFailure(f"{len(missing)} acknowledged request(s) not journaled after a "
                               f"clean shutdown, e.g. {missing[0]}")


# What journal_summary.hpp counts in monthly_usage: ok rows of these businesses, by Shanghai
# month, recounted here with SQLite's own date functions.
COUNTED_BUSINESSES = ("payment", "topup", "bill_query", "balance_query", "package_change",
                      "points_redeem", "offer_accept", "other")
RECOUNT = f"""
    SELECT CAST(strftime('%Y%m', ts_ms / 1000 + 8 * 3600, 'unixepoch') AS INTEGER), business,
           COALESCE(msisdn, ''), channel, COUNT(*)
    FROM main.interactions
    WHERE id <= ? AND outcome = 'ok' AND business IN {COUNTED_BUSINESSES}
    GROUP BY 1, 2, 3, 4"""


def summary_path(journal_path):
    return journal_path.with_name(journal_path.stem + "-summary" + journal_path.suffix)


def check_summary(journal_path, caught_up):
    """The summary file passes integrity_check and, up to its mark, equals a recount of the
    journal: a crash mid-pass lost or doubled no count. With `caught_up` (after a clean stop)
    the mark is the journal's last row."""
    path = summary_path(journal_path)
    integrity(path)
    with read_only(journal_path) as db:
        db.execute("ATTACH DATABASE ? AS summary", (f"file:{path}?mode=ro",))
        db.execute("BEGIN")  # one snapshot of both files while the gateway's passes go on
        mark = db.execute("SELECT merged_to FROM summary.summary_state").fetchone()[0]
        last = db.execute("SELECT COALESCE(MAX(id), 0) FROM main.interactions").fetchone()[0]
        entries = db.execute("SELECT msisdn, ts_ms, id FROM summary.customer_interactions "
                             "ORDER BY 1, 2, 3").fetchall()
        expected_entries = db.execute(
            "SELECT msisdn, ts_ms, id FROM main.interactions WHERE id <= ? AND msisdn IS NOT "
            "NULL ORDER BY 1, 2, 3", (mark,)).fetchall()
        usage = db.execute("SELECT month, business, msisdn, channel, n FROM "
                           "summary.monthly_usage ORDER BY 1, 2, 3, 4").fetchall()
        expected_usage = db.execute(RECOUNT + " ORDER BY 1, 2, 3, 4", (mark,)).fetchall()
    if mark > last or (caught_up and mark != last):
        raise CrashTestFailure(f"{path.name}: merged to row {mark}, the journal's last is {last}")
    if entries != expected_entries:
        raise CrashTestFailure(f"{path.name}: {len(entries)} customer_interactions entries up to "
                               f"row {mark}, the journal has {len(expected_entries)} (or they "
                               "differ)")
    if usage != expected_usage:
        raise CrashTestFailure(f"{path.name}: monthly_usage up to row {mark} differs from a "
                               f"recount of the journal ({len(usage)} against "
                               f"{len(expected_usage)} rows)")
    return mark, last
