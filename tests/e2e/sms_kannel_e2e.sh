#!/usr/bin/env bash
# End to end through the real Kannel (Debian packages kannel + kannel-extras):
#
#   fakesmsc (the test SMSC) <-> bearerbox <-> smsbox --get-url--> ehall /sms/mo
#   ehall outbox --sendsms--> smsbox -> bearerbox -> fakesmsc;  smsbox --dlr-url--> /sms/dlr
#
# Everything runs on free loopback ports with generated configs in a temp directory, so a
# packaged Kannel service cannot get in the way; a port taken by someone else between its
# pick and Kannel's bind costs a retry on fresh ports (at most 4 attempts), not the test. First a push is queued while Kannel is
# down (the outbox retries), then Kannel starts and the push arrives and is reported
# delivered; a web login code is texted and logs in; then customer messages go in
# through fakesmsc and every reply that comes back is decoded (plain text, UCS-2,
# concatenated UDH parts) and checked.
#
# usage: sms_kannel_e2e.sh path/to/ehall [plugin dir]
set -euo pipefail
trap '' PIPE  # a dead fakesmsc makes writes fail (and the test with them), not kill us

ehall=${1:?usage: sms_kannel_e2e.sh path/to/ehall [plugin dir]}
plugin_dir=${2:-$(dirname "$ehall")/plugins}
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
fakesmsc=/usr/lib/kannel/test/fakesmsc
admin_token=demo-admin-token

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

for tool in bearerbox smsbox iconv od; do
  command -v "$tool" >/dev/null || fail "$tool not found: run scripts/install-deps (packages kannel, kannel-extras)"
done
[ -x "$fakesmsc" ] || fail "$fakesmsc not found: install the kannel-extras package (scripts/install-deps)"

work=$(mktemp -d "${TMPDIR:-/tmp}/ehall-sms-e2e.XXXXXX")
declare -A pids=()

stop_process() {  # name: SIGTERM, up to 10 s, then SIGKILL; sets stopped_status
  local name=$1 pid=${pids[$1]:-}
  stopped_status=0
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null && stopped_status=0 || stopped_status=$?
  unset "pids[$name]"
}

cleanup() {
  local status=$?
  # fakesmsc first (it must not see its input close while running), smsbox before bearerbox.
  for name in fakesmsc smsbox bearerbox ehall; do
    stop_process "$name"
  done
  exec 7>&-
  if [ "$status" -ne 0 ]; then
    for log in ehall.log fakesmsc.out bearerbox.out bearerbox.log smsbox.out smsbox.log; do
      [ -f "$work/$log" ] || continue
      echo "==== $log (last 60 lines)" >&2
      tail -n 60 "$work/$log" >&2
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

# ---- helpers ----------------------------------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until SECONDS DESCRIPTION COMMAND...: polls every 0.1 s.
wait_until() {
  local limit=$1 what=$2
  shift 2
  local deadline=$((SECONDS + limit))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || fail "timed out after ${limit}s waiting for $what"
    sleep 0.1
  done
}

# wait_for SECONDS READY BROKEN: polls READY every 0.1 s; returns 1, instead of failing,
# on timeout or as soon as BROKEN holds.
wait_for() {
  local deadline=$((SECONDS + $1))
  until $2; do
    if $3 || [ "$SECONDS" -ge "$deadline" ]; then
      return 1
    fi
    sleep 0.1
  done
}

used_ports=" "
pick_port() {  # variable name: a loopback port nobody listens on
  local port
  for _ in $(seq 500); do
    port=$((20000 + RANDOM % 40000))
    [[ $used_ports == *" $port "* ]] && continue
    port_open "$port" && continue
    used_ports+="$port "
    printf -v "$1" '%s' "$port"
    return 0
  done
  fail "no free port found"
}

running() { kill -0 "${pids[$1]:-0}" 2>/dev/null; }
process_alive() { running "$1" || fail "$1 exited early (see its log)"; }

# Percent-decodes (with '+' as space) to raw bytes on stdout, NUL bytes included.
url_decode() {
  local s=${1//+/ }
  printf '%b' "${s//%/\\x}"
}

# The UTF-16BE bytes of UTF-8 text, percent-encoded: fakesmsc's "ucs2" input.
ucs2_encode() {
  printf '%s' "$1" | iconv -f UTF-8 -t UTF-16BE | od -An -v -tx1 | tr -d ' \n' | sed 's/../%&/g'
}

admin() {  # METHOD PATH [JSON]
  local args=(-sS -X "$1" -H "Authorization: Bearer $admin_token")
  [ $# -lt 3 ] || args+=(-H 'Content-Type: application/json' --data-binary "$3")
  curl "${args[@]}" "http://127.0.0.1:$gateway_port$2"
}

outbox_field() {  # ID FIELD: a scalar field of the push as the admin API shows it
  admin GET "/admin/v1/sms/outbox/$1" | grep -o "\"$2\":\(\"[^\"]*\"\|[0-9]*\)" | head -n 1 |
    sed 's/^"[^"]*"://; s/^"//; s/"$//'
}

# ---- fakesmsc: what it received ---------------------------------------------------------

fifo=$work/fakesmsc.in
seen=0  # "Got message" lines already consumed

send_mo() {  # FROM TYPE DATA: one message from a handset (type text or ucs2)
  echo "$1 10086 $2 $3" >&7
}

# Reads the next complete SMS fakesmsc got (one line, or every part of a concatenated
# one): sets reply_to, reply_type and reply (decoded to UTF-8). False while incomplete.
declare -A parts=()
next_sms() {
  process_alive fakesmsc
  echo >&7  # an empty line wakes fakesmsc, which only reads the socket between lines
  local lines line
  mapfile -t lines < <(grep -o 'Got message [0-9]*: <.*>$' "$work/fakesmsc.out" || true)
  while [ "$seen" -lt "${#lines[@]}" ]; do
    line=${lines[$seen]#*: <}
    line=${line%>}
    seen=$((seen + 1))
    local from to type rest
    read -r from to type rest <<<"$line"
    reply_to=$to
    case $type in
      text)
        reply_type=text
        reply=$rest
        return 0
        ;;
      ucs-2)
        reply_type=ucs-2
        reply=$(url_decode "$rest" | iconv -f UTF-16BE -t UTF-8)
        return 0
        ;;
      udh)  # udh <udh> <text|data> <payload>: one part of a concatenated SMS
        local udh payload_type payload header total number
        read -r udh payload_type payload <<<"$rest"
        header=$(url_decode "$udh" | od -An -v -tx1 | tr -d ' \n')
        [ "${header:0:6}" = "050003" ] || fail "unexpected UDH $header in: $line"
        total=$((16#${header:8:2}))
        number=$((16#${header:10:2}))
        parts[$number]=$payload
        [ "${#parts[@]}" -lt "$total" ] && continue
        if [ "$payload_type" = text ]; then  # GSM-7 parts come as plain text
          reply_type=text
          reply=$(for i in $(seq "$total"); do printf '%s' "${parts[$i]}"; done)
        else  # UCS-2 parts: percent-encoded UTF-16BE
          reply_type=ucs-2
          reply=$(for i in $(seq "$total"); do url_decode "${parts[$i]}"; done |
            iconv -f UTF-16BE -t UTF-8)
        fi
        parts=()
        return 0
        ;;
      *) fail "fakesmsc got a message of type '$type': $line" ;;
    esac
  done
  return 1
}

# expect_reply TO NEEDLE...: the next SMS goes to TO, arrived intact, and holds each NEEDLE.
expect_reply() {
  local to=$1
  shift
  wait_until 20 "a reply to $to at fakesmsc" next_sms
  echo "  -> [$reply_type] $reply"
  [ "$reply_to" = "$to" ] || fail "the reply went to $reply_to, expected $to"
  local needle
  for needle in "$@"; do
    [[ $reply == *"$needle"* ]] && continue
    if [ "$reply_type" = text ] && [[ $reply == *"?"* ]]; then
      fail "the reply reached the SMSC as GSM-7 with its Chinese replaced by '?': '$reply'." \
        "A reply that is not GSM-7 must tell Kannel to send it as UCS-2: /sms/mo must" \
        "answer it with the header X-Kannel-Coding: 2 (accept-x-kannel-headers is on)"
    fi
    fail "the reply '$reply' lacks '$needle'"
  done
}

# ---- the gateway ------------------------------------------------------------------------

pick_kannel_ports() {
  pick_port kannel_admin_port
  pick_port smsbox_port
  pick_port sendsms_port
  pick_port smsc_port
}

write_ehall_config() {
  cat >"$work/ehall.json" <<EOF
{
  "mode": "demo",
  "data_dir": "$work/data",
  "gateway": {"listen": "127.0.0.1:$gateway_port", "threads": 2, "worker_threads": 4},
  "plugins": {"dir": "$plugin_dir", "modules": ["billing", "family", "points"]},
  "sms": {
    "templates_dir": "$source_dir/templates/sms",
    "sendsms_url": "http://127.0.0.1:$sendsms_port/cgi-bin/sendsms",
    "sendsms_user": "ehall",
    "sendsms_password": "e2e-sendsms-password",
    "dlr_url": "http://127.0.0.1:$gateway_port/sms/dlr"
  }
}
EOF
}

start_ehall() {
  write_ehall_config
  echo "gateway on 127.0.0.1:$gateway_port; Kannel: admin $kannel_admin_port, smsbox $smsbox_port," \
    "sendsms $sendsms_port, fake SMSC $smsc_port"
  rm -f "$work/ehall.port"
  "$ehall" serve --config "$work/ehall.json" --port-file "$work/ehall.port" \
    >>"$work/ehall.out" 2>>"$work/ehall.log" &
  pids[ehall]=$!
  ehall_listening() { process_alive ehall && [ -s "$work/ehall.port" ]; }
  wait_until 30 "ehall to listen" ehall_listening
}

pick_port gateway_port
pick_kannel_ports
start_ehall

# ---- a push while Kannel is down: queued, retried with backoff --------------------------

push_text="【优惠】OFFER-12593 长途5折，回复YH查看"
answer=$(admin POST /admin/v1/sms/push "{\"msisdn\":\"13900139000\",\"text\":\"$push_text\"}")
push_id=$(grep -o '"id":[0-9]*' <<<"$answer" | head -n 1 | cut -d: -f2)
[ -n "$push_id" ] || fail "push not accepted: $answer"
echo "push $push_id queued while Kannel is down"
retried_twice() {
  local status attempts
  status=$(outbox_field "$push_id" status)
  attempts=$(outbox_field "$push_id" attempts)
  [ "$status" = queued ] && [ "${attempts:-0}" -ge 2 ]
}
wait_until 20 "the push to be retried" retried_twice
error=$(outbox_field "$push_id" last_error)
[[ $error == *"cannot reach Kannel"* ]] || fail "unexpected last_error '$error'"
echo "  retried $(outbox_field "$push_id" attempts) times: $error"

# ---- Kannel: bearerbox with the fake SMSC, fakesmsc, smsbox -----------------------------

write_kannel_config() {
  cat >"$work/kannel.conf" <<EOF
group = core
admin-port = $kannel_admin_port
admin-password = e2e-admin
admin-allow-ip = "127.0.0.1"
smsbox-port = $smsbox_port
box-allow-ip = "127.0.0.1"
log-file = "$work/bearerbox.log"
log-level = 0
access-log = "$work/access.log"
dlr-storage = internal

group = smsc
smsc = fake
smsc-id = fake
port = $smsc_port
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = $smsbox_port
sendsms-port = $sendsms_port
log-file = "$work/smsbox.log"
log-level = 0
mo-recode = false

group = sms-service
keyword = default
catch-all = true
get-url = "http://127.0.0.1:$gateway_port/sms/mo?from=%p&to=%P&text=%b&id=%I&coding=%c&charset=%C"
max-messages = 3
concatenation = true
accept-x-kannel-headers = true
omit-empty = true

group = sendsms-user
username = ehall
password = e2e-sendsms-password
user-allow-ip = "127.0.0.1"
max-messages = 3
concatenation = true
EOF
}

# Kannel's own words for a port it could not bind (bearerbox: admin, smsbox or fake SMSC
# port, smsbox: sendsms port); it then panics and exits.
bind_failed() {
  grep -qs -e 'ERROR: bind failed' -e 'Failed to create fake smsc connection' \
    "$work/bearerbox.log" "$work/bearerbox.out" "$work/smsbox.log" "$work/smsbox.out"
}
kannel_broken() { bind_failed || ! running bearerbox || { [ -n "${pids[fakesmsc]:-}" ] && ! running fakesmsc; }; }

# Starts bearerbox, fakesmsc and smsbox; returns 1 when one of them cannot bind or connect.
# Readiness is read from Kannel's logs: a port that answers may belong to someone else.
start_kannel() {
  write_kannel_config
  bearerbox -v 1 "$work/kannel.conf" >"$work/bearerbox.out" 2>&1 &
  pids[bearerbox]=$!
  bearerbox_ready() {
    grep -q 'MAIN: Start-up done' "$work/bearerbox.log" 2>/dev/null && port_open "$smsbox_port"
  }
  wait_for 30 bearerbox_ready kannel_broken || return 1

  mkfifo "$fifo"
  "$fakesmsc" -H 127.0.0.1 -r "$smsc_port" -i 0 <"$fifo" >"$work/fakesmsc.out" 2>&1 &
  pids[fakesmsc]=$!
  exec 7>"$fifo"  # held open for the whole test: fakesmsc crashes on end of input
  fakesmsc_connected() { grep -q 'Fakesmsc client connected' "$work/bearerbox.log"; }
  wait_for 20 fakesmsc_connected kannel_broken || return 1

  smsbox -v 1 "$work/kannel.conf" >"$work/smsbox.out" 2>&1 &
  pids[smsbox]=$!
  smsbox_ready() {
    grep -qs "Set up send sms service at port $sendsms_port" "$work/smsbox.log" &&
      grep -q 'Connected to bearerbox' "$work/smsbox.log"
  }
  smsbox_broken() { kannel_broken || ! running smsbox; }
  wait_for 30 smsbox_ready smsbox_broken
}

# Stops what start_kannel started and keeps the logs of the failed attempt aside.
stop_kannel() {
  for name in fakesmsc smsbox bearerbox; do
    stop_process "$name"
  done
  exec 7>&-
  rm -f "$fifo"
  for log in fakesmsc.out bearerbox.out bearerbox.log smsbox.out smsbox.log access.log; do
    [ ! -f "$work/$log" ] || mv "$work/$log" "$work/$log.failed"
  done
}

for attempt in 1 2 3 4; do
  start_kannel && break
  [ "$attempt" -lt 4 ] || fail "Kannel did not start in $attempt attempts (see its logs)"
  echo "Kannel could not bind or connect (attempt $attempt); again on fresh ports"
  stop_kannel
  stop_process ehall  # its sendsms URL names the old port
  pick_kannel_ports
  start_ehall
done

# ---- the push arrives, and Kannel reports it delivered ----------------------------------

echo "push $push_id:"
expect_reply 13900139000 "OFFER-12593"
[ "$reply" = "$push_text" ] || fail "the push arrived as '$reply', expected '$push_text'"
[ "$reply_type" = ucs-2 ] || fail "a Chinese push must go out as UCS-2, went as $reply_type"
delivered() { [ "$(outbox_field "$push_id" status)" = delivered ]; }
wait_until 20 "the delivery report for push $push_id" delivered
echo "  outbox: delivered after $(outbox_field "$push_id" attempts) attempts," \
  "Kannel said '$(outbox_field "$push_id" kannel_reference)'"

# ---- a one-time login code for the web hall reaches the handset and logs in ------------

echo "web login code:"
sent=$(curl -sS -X POST -H 'Content-Type: application/json' \
  --data-binary '{"msisdn":"13800138000"}' "http://127.0.0.1:$gateway_port/api/v1/login/code")
[[ $sent == *'"code":"ok"'* ]] || fail "code request refused: $sent"
expect_reply 13800138000 "网上营业厅登录验证码" "5分钟内有效"
login_code=$(grep -o '验证码为[0-9]\{6\}' <<<"$reply" | grep -o '[0-9]\{6\}' || true)
[ -n "$login_code" ] || fail "no 6-digit code in '$reply'"
logged_in=$(curl -sS -X POST -H 'Content-Type: application/json' \
  --data-binary "{\"msisdn\":\"13800138000\",\"code\":\"$login_code\"}" \
  "http://127.0.0.1:$gateway_port/api/v1/login")
[[ $logged_in == *'"token"'* ]] || fail "the texted code did not log in: $logged_in"
echo "  the texted code logged in"

# ---- customer commands through Kannel ---------------------------------------------------

mo() {  # FROM TYPE TEXT (ucs2: TEXT is UTF-8, sent as UTF-16BE)
  local data=$3
  [ "$2" = ucs2 ] && data=$(ucs2_encode "$3")
  echo "MO from $1 ($2): $3"
  send_mo "$1" "$2" "$data"
}

mo 13800138000 text "YE"
expect_reply 13800138000 "58.60" "余额"
mo 13800138000 ucs2 "余额"
expect_reply 13800138000 "58.60" "余额"
mo +8613800138000 ucs2 "ＹＥ"
expect_reply +8613800138000 "58.60" "余额"
mo 13800138000 text "HELLO"
expect_reply 13800138000 "YE" "QQB KT" "TD" "余额"
mo 13800138000 text "JF 10"
expect_reply 13800138000 "10.00" "Y" "确认"
mo 13800138000 text "Y"
expect_reply 13800138000 "10.00" "68.60" "成功"
mo 13800138000 text "QQB KT"
expect_reply 13800138000 "收费业务" "Y"
mo 13800138000 text "Y"
expect_reply 13800138000 "QQB TJ" "亲情"
mo 13800138000 ucs2 "CZ 1000000000000000003"
expect_reply 13800138000 "50.00" "115.60" "充值"

# Nothing else came back (no duplicates, no stray replies).
if next_sms; then
  fail "an unexpected extra SMS to $reply_to: $reply"
fi

# ---- clean shutdown ---------------------------------------------------------------------

stop_process ehall
[ "$stopped_status" -eq 0 ] || fail "ehall exited with status $stopped_status on SIGTERM"
echo "PASS: SMS hall through Kannel (push, delivery report, web login code, 8 commands)"
