#!/usr/bin/env bash
# A plugin's sources compile with the SDK's headers (sdk/include) and the system's, and
# nothing else of the tree (DESIGN §4a): every plugin folder and the out-of-tree example
# are preprocessed with only -I sdk/include, and every header they reach must come from
# sdk/include/ehall/, the plugin's own folder or the system.
#   tests/boundary/plugin_includes.sh [c++ compiler]
set -euo pipefail
cxx=${1:-c++}
root=$(cd "$(dirname "$0")/../.." && pwd)
sdk="$root/sdk/include"
failures=0
checked=0
for dir in "$root"/plugins/*/ "$root"/tests/plugins/*/ "$root/examples/plugin/"; do
  dir=${dir%/}
  for source in "$dir"/*.cpp; do
    [ -e "$source" ] || continue
    checked=$((checked + 1))
    # -MM lists the headers that are not system headers, one dependency per word.
    if ! deps=$("$cxx" -std=c++20 -MM -I "$sdk" "$source" 2>&1); then
      echo "FAIL ${source#$root/}: does not compile with only -I sdk/include:"
      echo "$deps" | head -5
      failures=$((failures + 1))
      continue
    fi
    for dep in $(echo "$deps" | tr -d '\\' | cut -d: -f2-); do
      dep=$(realpath -m "$dep")
      case "$dep" in
        "$sdk"/ehall/* | "$dir"/* | /usr/*) ;;
        *)
          echo "FAIL ${source#$root/}: includes ${dep#$root/}, outside the SDK and its folder"
          failures=$((failures + 1))
          ;;
      esac
    done
  done
done
echo "$checked plugin sources checked, $failures outside the SDK"
[ "$checked" -gt 0 ] && [ "$failures" -eq 0 ]
