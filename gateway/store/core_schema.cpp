// The gateway's own schema, as numbered migrations. Plugins add their tables through
// their manifests' migrations; these are the tables several parts of the system share.
#include "gateway/store/core_schema.hpp"

namespace ehall {

const std::vector<Migration>& core_migrations() {
    static const std::vector<Migration> migrations = {
        {1, R"sql(
CREATE TABLE customers (
    msisdn TEXT PRIMARY KEY CHECK (length(msisdn) = 11),
    name TEXT NOT NULL,
    brand TEXT NOT NULL CHECK (brand IN ('全球通', '动感地带', '神州行')),
    home_area TEXT NOT NULL,
    join_date TEXT NOT NULL,            -- YYYY-MM-DD, Asia/Shanghai
    password_hash TEXT,                 -- libsodium argon2id string, NULL: no password set
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
    tier TEXT NOT NULL DEFAULT 'standard',
    bank_card TEXT                      -- masked bound card, NULL when none
);
CREATE TABLE accounts (
    msisdn TEXT PRIMARY KEY REFERENCES customers(msisdn),
    balance_fen INTEGER NOT NULL DEFAULT 0,
    points INTEGER NOT NULL DEFAULT 0 CHECK (points >= 0),
    ecoins INTEGER NOT NULL DEFAULT 0 CHECK (ecoins >= 0)
);
CREATE TABLE bills (
    id INTEGER PRIMARY KEY,
    msisdn TEXT NOT NULL REFERENCES customers(msisdn),
    month TEXT NOT NULL,                -- YYYY-MM, the month billed
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    status TEXT NOT NULL CHECK (status IN ('due', 'paid')),
    issued_at_ms INTEGER NOT NULL,
    paid_at_ms INTEGER,
    UNIQUE (msisdn, month)
);
-- Every movement of balance: payments, top-ups, bill settlements, fees.
CREATE TABLE balance_ledger (
    id INTEGER PRIMARY KEY,
    msisdn TEXT NOT NULL REFERENCES customers(msisdn),
    ts_ms INTEGER NOT NULL,
    delta_fen INTEGER NOT NULL,
    kind TEXT NOT NULL,                 -- payment, topup, voucher, bill_settlement, fee, credit
    channel TEXT,
    reference TEXT
);
CREATE INDEX balance_ledger_by_customer ON balance_ledger (msisdn, ts_ms);
CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    msisdn TEXT NOT NULL REFERENCES customers(msisdn),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    method TEXT NOT NULL,
    channel TEXT NOT NULL,
    terminal_id TEXT,
    ts_ms INTEGER NOT NULL,
    result_json TEXT NOT NULL
);
CREATE INDEX payments_by_customer ON payments (msisdn, ts_ms);
CREATE TABLE vouchers (
    pin TEXT PRIMARY KEY CHECK (length(pin) = 19),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    used_by TEXT,
    used_at_ms INTEGER
);
CREATE TABLE points_ledger (
    id INTEGER PRIMARY KEY,
    msisdn TEXT NOT NULL REFERENCES customers(msisdn),
    ts_ms INTEGER NOT NULL,
    points_delta INTEGER NOT NULL DEFAULT 0,
    ecoins_delta INTEGER NOT NULL DEFAULT 0,
    reason TEXT NOT NULL,
    reference TEXT
);
CREATE TABLE rewards (
    item TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('phone_credit', 'service_fee', 'gift', 'merchant_voucher')),
    points_price INTEGER NOT NULL DEFAULT 0,
    ecoins_price INTEGER NOT NULL DEFAULT 0,
    value_fen INTEGER NOT NULL DEFAULT 0,
    stock INTEGER,                      -- NULL: unlimited
    brands TEXT NOT NULL DEFAULT ''     -- comma-separated brands, empty: all
);
CREATE TABLE segments (
    msisdn TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (msisdn, tag)
);
CREATE TABLE terminals (
    id TEXT PRIMARY KEY,
    hall TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    key TEXT NOT NULL,                  -- HMAC key, shared with the terminal
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    last_seen_ms INTEGER,
    device_json TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE plugin_channels (
    plugin TEXT NOT NULL,
    channel TEXT NOT NULL,
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    PRIMARY KEY (plugin, channel)
);
CREATE TABLE ops_audit (
    id INTEGER PRIMARY KEY,
    ts_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,        -- SHA-256 of the bearer token, never the token
    msisdn TEXT NOT NULL,
    channel TEXT NOT NULL,
    terminal_id TEXT,
    created_ms INTEGER NOT NULL,
    last_seen_ms INTEGER NOT NULL,
    expires_ms INTEGER NOT NULL,
    csrf_token TEXT NOT NULL
);
CREATE TABLE login_failures (
    msisdn TEXT NOT NULL,
    ts_ms INTEGER NOT NULL
);
CREATE INDEX login_failures_by_customer ON login_failures (msisdn, ts_ms);
)sql"},
        {2, R"sql(
-- The first result of every state-changing operation, by idempotency key (gateway/idempotency.hpp).
CREATE TABLE operation_results (
    owner TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    plugin TEXT NOT NULL,
    operation TEXT NOT NULL,
    params_json TEXT NOT NULL,
    result_json TEXT NOT NULL,
    ts_ms INTEGER NOT NULL,
    PRIMARY KEY (owner, idempotency_key)
);
)sql"},
        {3, R"sql(
-- SMS hall (channels/sms): the reply to each Kannel message id (a retry gets it again and
-- runs nothing), pending two-step confirmations, and numbers that texted TD.
CREATE TABLE sms_mo (
    msisdn TEXT NOT NULL,
    message_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('processing', 'answered')),
    reply TEXT,
    ts_ms INTEGER NOT NULL,
    PRIMARY KEY (msisdn, message_id)
);
CREATE INDEX sms_mo_by_time ON sms_mo (ts_ms);
CREATE TABLE sms_pending (
    msisdn TEXT PRIMARY KEY,
    plugin TEXT NOT NULL,
    operation TEXT NOT NULL,
    params_json TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    expires_ms INTEGER NOT NULL
);
CREATE TABLE sms_opt_out (
    msisdn TEXT PRIMARY KEY,
    ts_ms INTEGER NOT NULL
);
)sql"},
        {4, R"sql(
-- Kiosk channel (channels/kiosk): nonces seen within the signature window (replays are
-- refused across restarts and instances), printed receipts, one-time activation codes.
CREATE TABLE kiosk_nonces (
    terminal_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    ts_ms INTEGER NOT NULL,             -- the request's signed timestamp
    PRIMARY KEY (terminal_id, nonce)
);
CREATE INDEX kiosk_nonces_by_time ON kiosk_nonces (ts_ms);
CREATE TABLE kiosk_receipts (
    receipt_no TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    json TEXT NOT NULL,
    ts_ms INTEGER NOT NULL,
    kiosk_txn TEXT,                     -- customer|operation|kiosk txn: a retry gets this receipt
    UNIQUE (terminal_id, kiosk_txn)
);
CREATE TABLE kiosk_activation_codes (
    terminal_id TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL,            -- SHA-256 of terminal id and code, never the code
    expires_ms INTEGER NOT NULL,
    used_ms INTEGER
);
)sql"},
        {5, R"sql(
-- SMS pushes (channels/sms/outbox): queued until Kannel's sendsms accepts them, retried
-- with backoff, then updated by Kannel's delivery reports.
CREATE TABLE sms_outbox (
    id INTEGER PRIMARY KEY,
    msisdn TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'sent', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms INTEGER NOT NULL,   -- when a queued message is (re)tried
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    last_error TEXT,
    kannel_reference TEXT               -- Kannel's answer to the accepted sendsms call
);
CREATE INDEX sms_outbox_due ON sms_outbox (status, next_attempt_ms);
)sql"},
        {7, R"sql(
-- Kiosk cash (channels/kiosk/cash_*, docs/kiosk-cash.md). A row per cash transaction at a
-- terminal: an intake, which the terminal's acceptor fills note by note, or a payment the
-- terminal reported whole; either is held against the caps before it is paid.
CREATE TABLE kiosk_cash (
    terminal_id TEXT NOT NULL,
    kiosk_txn TEXT NOT NULL,            -- the intake id, or the terminal's own number
    msisdn TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    day TEXT NOT NULL,                  -- Asia/Shanghai YYYY-MM-DD it counts against
    state TEXT NOT NULL CHECK (state IN ('open', 'paying', 'paid')),
    by_notes INTEGER NOT NULL CHECK (by_notes IN (0, 1)),  -- 1: an intake
    opened_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,        -- opened, or the last note accepted
    paid_ms INTEGER,
    PRIMARY KEY (terminal_id, kiosk_txn)
);
CREATE INDEX kiosk_cash_by_day ON kiosk_cash (terminal_id, day);
CREATE INDEX kiosk_cash_by_paid ON kiosk_cash (terminal_id, paid_ms);
-- One intake at a time per terminal until it is paid: the notes go to it.
CREATE UNIQUE INDEX kiosk_cash_one_intake ON kiosk_cash (terminal_id)
    WHERE by_notes = 1 AND state IN ('open', 'paying');
-- Every note the acceptor held in escrow, by the terminal's own note number: a retry gets
-- the first verdict. Accepted notes (code 'ok') went into the cash box.
CREATE TABLE kiosk_cash_notes (
    terminal_id TEXT NOT NULL,
    note_id TEXT NOT NULL,
    amount_fen INTEGER NOT NULL,
    kiosk_txn TEXT,                     -- the intake credited; NULL when refused
    code TEXT NOT NULL,                 -- 'ok', or why it was refused
    message TEXT NOT NULL DEFAULT '',
    ts_ms INTEGER NOT NULL,
    PRIMARY KEY (terminal_id, note_id)
);
CREATE INDEX kiosk_cash_notes_by_time ON kiosk_cash_notes (terminal_id, ts_ms);
-- Ops emptied a terminal's cash box and counted it; what it should have held then.
CREATE TABLE kiosk_cash_collections (
    id INTEGER PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    ts_ms INTEGER NOT NULL,
    counted_fen INTEGER NOT NULL CHECK (counted_fen >= 0),
    expected_fen INTEGER NOT NULL,
    actor TEXT NOT NULL
);
CREATE INDEX kiosk_cash_collections_by_terminal ON kiosk_cash_collections (terminal_id, id);
)sql"},
        {8, R"sql(
-- Every sign-in attempt sweeps the failures that aged out, whoever made them
-- (gateway/sign_in_attempts.hpp).
CREATE INDEX login_failures_by_time ON login_failures (ts_ms);
-- A customer's e-coins earned today, summed before each award (plugins/billing/ecoin_award).
CREATE INDEX points_ledger_by_customer ON points_ledger (msisdn, ts_ms);
)sql"},
    };
    return migrations;
}

}  // namespace ehall
