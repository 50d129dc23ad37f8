"""What must hold in ehall.db and journal.db after a crash, read with SQLite itself."""

import sqlite3
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


def _one(db, what, sql, args):
    rows = db.execute(sql, args).fetchall()
    if len(rows) != 1:
        raise CrashTestFailure(f"{what}: expected exactly one row, found {len(rows)}")
    return rows[0]


def check_present_once(store_path, attempts):
    """Each attempt's payment or redemption, its ledger entries and its recorded result are
    there exactly once, and say what its reply said."""
    with read_only(store_path) as db:
        for a in attempts:
            what = f"{a.kind} {a.key} ({a.msisdn})"
            _one(db, what + " recorded result", "SELECT 1 FROM operation_results "
                 "WHERE owner = ? AND idempotency_key = ?", (a.msisdn, a.key))
            if a.kind == "pay":
                pid, amount = _one(db, what, "SELECT id, amount_fen FROM payments "
                                   "WHERE idempotency_key = ?", (f"{a.msisdn}:{a.key}",))
                if (pid, amount) != (a.data["payment_id"], a.params["amount_fen"]):
                    raise CrashTestFailure(f"{what}: stored payment {pid} of {amount} fen, "
                                           f"the reply said {a.data}")
                _one(db, what + " ledger entry", "SELECT 1 FROM balance_ledger WHERE msisdn = ? "
                     "AND kind = 'payment' AND reference = ? AND delta_fen = ?",
                     (a.msisdn, a.data["receipt_no"], amount))
            else:
                number = a.data["redemption_no"]
                _one(db, what, "SELECT 1 FROM redemptions WHERE id = ? AND msisdn = ? AND "
                     "item = ?", (int(number[1:]), a.msisdn, a.params["item"]))
                _one(db, what + " points ledger entry", "SELECT 1 FROM points_ledger WHERE "
                     "msisdn = ? AND reason = 'redeem' AND reference = ? AND points_delta < 0",
                     (a.msisdn, number))
                _one(db, what + " phone credit", "SELECT 1 FROM balance_ledger WHERE "
                     "msisdn = ? AND reference = ? AND delta_fen = ?",
                     (a.msisdn, number, a.data["value_fen"]))


def check_no_phantoms(store_path, attempts):
    """Nothing was committed under a key no client sent, and no payment or redemption
    committed without its recorded result (they commit in one transaction)."""
    sent = {(a.msisdn, a.key) for a in attempts if a.sent}
    with read_only(store_path) as db:
        recorded = db.execute("SELECT owner, idempotency_key FROM operation_results "
                              "WHERE idempotency_key LIKE ?", (KEY_PREFIX + "%",)).fetchall()
        orphans = db.execute("""
            SELECT (SELECT COUNT(*) FROM payments p WHERE NOT EXISTS (
                        SELECT 1 FROM operation_results o
                        WHERE o.owner || ':' || o.idempotency_key = p.idempotency_key)),
                   (SELECT COUNT(*) FROM redemptions r WHERE NOT EXISTS (
                        SELECT 1 FROM operation_results o
                        WHERE json_extract(o.result_json, '$.data.redemption_no') =
                              printf('R%08d', r.id)))""").fetchone()
    phantoms = [key for owner, key in recorded if (owner, key) not in sent]
    if phantoms:
        raise CrashTestFailure(f"results recorded under keys never sent: {phantoms[:5]}")
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
