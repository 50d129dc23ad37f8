#!/usr/bin/env bash
# Nothing outside plugins/<id>/ names a plugin (DESIGN §4a): no string literal in the
# core's or the channels' code is a plugin's id or starts with it and a separator
# ("billing", "billing.pay", "/services/billing/..."), and no template is named after one.
# A plugin's words, reports and admin operations live in its own folder. (Result codes and
# business types the contract names, such as family_number_invalid, are not plugin ids.)
#   tests/boundary/core_names_no_plugin.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
failures=0
ids=0
for dir in "$root"/plugins/*/; do
  id=$(basename "$dir")
  ids=$((ids + 1))
  # "<id>" alone or followed by a separator, or a path segment /<id>/ inside a literal.
  pattern="\"$id([\"./:]|$)|\"[^\"]*/$id/"
  if hits=$(grep -rnE --include='*.cpp' --include='*.hpp' "$pattern" \
    "$root/gateway" "$root/channels"); then
    echo "FAIL the core names plugin $id:"
    echo "${hits//$root\//}"
    failures=$((failures + 1))
  fi
  if named=$(find "$root/templates" -name "${id}_*" | grep .); then
    echo "FAIL templates named after plugin $id:"
    echo "${named//$root\//}"
    failures=$((failures + 1))
  fi
done
[ "$ids" -gt 0 ] || { echo "FAIL no plugins found under plugins/"; exit 1; }
[ "$failures" -eq 0 ] || exit 1
echo "ok: gateway/, channels/ and templates/ name none of the $ids plugins"
