#!/usr/bin/env bash
# Runs one browser spec against the real gateway:
#   1. installs playwright-core once (npm ci into NODE_DIR, keyed by package-lock.json),
#   2. starts `ehall serve` in demo mode on a free loopback port with a temp data dir,
#   3. runs the spec with node (EHALL_BASE_URL, EHALL_ARTIFACTS_DIR, EHALL_NODE_MODULES, and
#      EHALL_BINARY, EHALL_DATA_DIR, EHALL_SOURCE_DIR for specs that load data first),
#   4. stops the gateway with SIGTERM and fails unless both exited 0.
# Screenshots land in ARTIFACTS_ROOT/<spec name>/ (kept after the run, for a human to look at).
# A spec may set gateway settings in <spec>.env next to it: its EHALL_*=value lines are
# passed to `ehall serve` (e.g. a short kiosk idle countdown).
#
# usage: run_browser_spec.sh EHALL SPEC.mjs ARTIFACTS_ROOT NODE_DIR [PLUGIN_DIR]
set -euo pipefail

ehall=${1:?usage: run_browser_spec.sh EHALL SPEC.mjs ARTIFACTS_ROOT NODE_DIR [PLUGIN_DIR]}
spec=${2:?spec file missing}
mkdir -p "${3:?artifacts root missing}" "${4:?node modules dir missing}"
artifacts_root=$(cd "$3" && pwd)
node_dir=$(cd "$4" && pwd)
plugin_dir=${5:-$(dirname "$ehall")/plugins}
browser_dir=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$browser_dir/../../.." && pwd)
spec_name=$(basename "$spec" .mjs)
spec_name=${spec_name%.spec}

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

for tool in node npm /usr/bin/chromium; do
  command -v "$tool" >/dev/null || fail "$tool not found: run scripts/install-deps"
done

# ---- node modules: once per package-lock.json, one installer at a time ------------------

install_modules() {
  exec 8>"$node_dir/.install.lock"
  flock 8
  if ! cmp -s "$browser_dir/package-lock.json" "$node_dir/package-lock.json" ||
    [ ! -d "$node_dir/node_modules/playwright-core" ]; then
    echo "installing playwright-core into $node_dir"
    cp "$browser_dir/package.json" "$browser_dir/package-lock.json" "$node_dir/"
    (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error) ||
      fail "npm ci failed in $node_dir"
  fi
  exec 8>&-
}
install_modules

# ---- the gateway ------------------------------------------------------------------------

work=$(mktemp -d "${TMPDIR:-/tmp}/ehall-browser-e2e.XXXXXX")
ehall_pid=

stop_ehall() {  # SIGTERM, up to 15 s, then SIGKILL; sets ehall_status
  ehall_status=0
  [ -n "$ehall_pid" ] || return 0
  kill -TERM "$ehall_pid" 2>/dev/null || true
  for _ in $(seq 150); do
    kill -0 "$ehall_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$ehall_pid" 2>/dev/null || true
  wait "$ehall_pid" 2>/dev/null && ehall_status=0 || ehall_status=$?
  ehall_pid=
}

cleanup() {
  local status=$?
  stop_ehall
  if [ "$status" -ne 0 ]; then
    echo "==== ehall service log (last 60 lines)" >&2
    tail -n 60 "$work/ehall.log" >&2 || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

spec_env=()
if [ -f "${spec%.mjs}.env" ]; then
  mapfile -t spec_env < <(grep -E '^EHALL_[A-Z0-9_]+=' "${spec%.mjs}.env" || true)
fi
env "${spec_env[@]}" EHALL_MODE=demo EHALL_PLUGINS_DIR="$plugin_dir" "$ehall" serve \
  --config "$source_dir/config/ehall.json" --listen 127.0.0.1:0 --data-dir "$work/data" \
  --port-file "$work/ehall.port" >"$work/ehall.out" 2>"$work/ehall.log" &
ehall_pid=$!
for _ in $(seq 300); do
  [ -s "$work/ehall.port" ] && break
  kill -0 "$ehall_pid" 2>/dev/null || fail "ehall exited before listening"
  sleep 0.1
done
[ -s "$work/ehall.port" ] || fail "ehall did not listen within 30 s"
base_url="http://127.0.0.1:$(cat "$work/ehall.port")"

# ---- the spec ---------------------------------------------------------------------------

artifacts_dir="$artifacts_root/$spec_name"
rm -rf "$artifacts_dir"
mkdir -p "$artifacts_dir"
echo "spec $spec_name against $base_url; screenshots in $artifacts_dir"
EHALL_BASE_URL=$base_url EHALL_ARTIFACTS_DIR=$artifacts_dir \
  EHALL_NODE_MODULES="$node_dir/node_modules" \
  EHALL_BINARY=$ehall EHALL_DATA_DIR=$work/data EHALL_SOURCE_DIR=$source_dir node "$spec" ||
  fail "spec $spec_name failed"

stop_ehall
[ "$ehall_status" -eq 0 ] || fail "ehall exited with status $ehall_status on SIGTERM"
echo "PASS: $spec_name"
