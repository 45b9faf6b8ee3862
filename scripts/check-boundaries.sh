#!/usr/bin/env bash
# `npm run check:boundaries [-- <root>]`: the module boundaries of CaseBridge, checked with dependency-cruiser
# (part of `npm test`). Two passes, both always run, exit 1 if either finds a violation:
#   .dependency-cruiser.cjs            apps never import another app (any path, types too); libs and workflows never
#                                      import apps; libs/legal-time and libs/contracts import no framework
#   .dependency-cruiser.workflows.cjs  *.workflow.ts and everything they reach: only types from the activities, no I/O
# <root> (default: the repository) is the tree to check; scripts/check-boundaries.spec.ts points it at fixtures.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
root="${1:-$repo}"
cd "$root" || exit 2
depcruise="$repo/node_modules/.bin/depcruise"
status=0
dirs=()
for d in apps libs workflows; do [ -d "$d" ] && dirs+=("$d"); done
echo "[boundaries] apps, libs, workflows (${dirs[*]})" >&2
"$depcruise" --config "$repo/.dependency-cruiser.cjs" "${dirs[@]}" || status=1
if [ -d workflows/src ]; then
  echo "[boundaries] workflow sandbox (workflows/src/**/*.workflow.ts and what they reach)" >&2
  "$depcruise" --config "$repo/.dependency-cruiser.workflows.cjs" workflows/src || status=1
fi
exit "$status"
