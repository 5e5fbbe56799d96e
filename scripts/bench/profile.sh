#!/usr/bin/env bash
# Profiles one benchmark with `perf record` and prints its top functions (run `make bench` first: it uses
# the capstan-bench binary in .build-bench). Usage: scripts/bench/profile.sh cold|no-change [apps]
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:-no-change}
apps=${2:-2000}
[[ $what == cold || $what == no-change ]] || { echo "usage: $0 cold|no-change [apps]" >&2; exit 2; }
[[ $apps =~ ^[0-9]+$ ]] && ((apps >= 1 && apps <= 100000)) || { echo "profile: apps must be 1…100000" >&2; exit 2; }
command -v perf >/dev/null || { echo "profile: perf is not installed" >&2; exit 1; }
bench="$(swift build -c release --scratch-path .build-bench --show-bin-path)/capstan-bench"
[[ -x $bench ]] || { echo "profile: $bench is missing; run make bench first" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/capstan-profile.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/state"
python3 scripts/bench/generate_repo.py "$work/repo" --apps "$apps" >/dev/null
fleet=(--repo "file://$work/repo" --path apps/fleet --apps "$apps" --work "$work/state")
if [[ $what == cold ]]; then
    perf record -q -F 999 -g -o "$work/perf.data" -- "$bench" cold "${fleet[@]}" >/dev/null
    filter=()
else
    # Many runs so the no-change reconciles outweigh the first (cold) one; the plan-only timing is left out.
    perf record -q -F 499 -g -o "$work/perf.data" -- "$bench" no-change "${fleet[@]}" --runs 300 >/dev/null
    filter=(--include AppReconciler --exclude planSamples)
fi
perf script -i "$work/perf.data" -F comm,tid,ip,sym 2>/dev/null >"$work/perf.txt"
python3 scripts/bench/perf_top.py "$work/perf.txt" "${filter[@]}" --top 30
