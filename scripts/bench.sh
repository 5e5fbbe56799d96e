#!/usr/bin/env bash
# `make bench`: builds capstan-bench (release, its own scratch path), generates a git repository of 2,000 app
# groups (10,001 resources) in a temp folder, measures cold and no-change reconciles, our parse against
# PyYAML's CSafeLoader and the peak RSS, the simulated cluster at scale, push webhooks (POST → Healthy latency and
# signed intake throughput), the Docker backend against docker-compose 1.29 on a private daemon (cold and no-change
# converges of the same services), and writes docs/benchmarks.md (keeping its "Notes" section).
#
# Knobs (environment): BENCH_APPS (2000), BENCH_COLD_RUNS (5), BENCH_NO_CHANGE_RUNS (30), BENCH_PARSE_RUNS (7),
# BENCH_SCALE_RUNS (3), BENCH_SCALE_NODES (100), BENCH_SCALE_PODS (10000), BENCH_WEBHOOK_COMMITS (100),
# BENCH_WEBHOOK_REQUESTS (20000), BENCH_WEBHOOK_CONCURRENCY (32), BENCH_DOCKER_SERVICES (30),
# BENCH_DOCKER_COLD_RUNS (9), BENCH_DOCKER_NO_CHANGE_RUNS (20), BENCH_OUTPUT (docs/benchmarks.md).
# BENCH_ONLY=docker runs only the Docker comparison and replaces only its section of the existing report.
# Loopback only: repositories are read over file://, the service listens on 127.0.0.1, the Docker daemon is a
# private one (scripts/test-dockerd.sh, its own socket, no bridge network) stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

apps=${BENCH_APPS:-2000}
cold_runs=${BENCH_COLD_RUNS:-5}
no_change_runs=${BENCH_NO_CHANGE_RUNS:-30}
parse_runs=${BENCH_PARSE_RUNS:-7}
scale_runs=${BENCH_SCALE_RUNS:-3}
scale_nodes=${BENCH_SCALE_NODES:-100}
scale_pods=${BENCH_SCALE_PODS:-10000}
webhook_commits=${BENCH_WEBHOOK_COMMITS:-100}
webhook_requests=${BENCH_WEBHOOK_REQUESTS:-20000}
webhook_concurrency=${BENCH_WEBHOOK_CONCURRENCY:-32}
docker_services=${BENCH_DOCKER_SERVICES:-30}
docker_cold_runs=${BENCH_DOCKER_COLD_RUNS:-9}
docker_no_change_runs=${BENCH_DOCKER_NO_CHANGE_RUNS:-20}
only=${BENCH_ONLY:-}
output=${BENCH_OUTPUT:-docs/benchmarks.md}
bounded() { [[ $2 =~ ^[0-9]+$ ]] && (($2 >= 1 && $2 <= $3)) || { echo "bench: $1 must be 1…$3" >&2; exit 2; }; }
bounded BENCH_APPS "$apps" 100000
bounded BENCH_COLD_RUNS "$cold_runs" 50
bounded BENCH_NO_CHANGE_RUNS "$no_change_runs" 1000
bounded BENCH_PARSE_RUNS "$parse_runs" 100
bounded BENCH_SCALE_RUNS "$scale_runs" 20
bounded BENCH_SCALE_NODES "$scale_nodes" 5000
bounded BENCH_SCALE_PODS "$scale_pods" 200000
bounded BENCH_WEBHOOK_COMMITS "$webhook_commits" 10000
bounded BENCH_WEBHOOK_REQUESTS "$webhook_requests" 1000000
bounded BENCH_WEBHOOK_CONCURRENCY "$webhook_concurrency" 256
bounded BENCH_DOCKER_SERVICES "$docker_services" 200
bounded BENCH_DOCKER_COLD_RUNS "$docker_cold_runs" 50
bounded BENCH_DOCKER_NO_CHANGE_RUNS "$docker_no_change_runs" 1000
[[ -z $only || $only == docker ]] || { echo "bench: BENCH_ONLY must be empty (everything) or docker" >&2; exit 2; }

step() { printf '\n== %s\n' "$*" >&2; }

step "Building capstan-bench (release, .build-bench)"
swift build -c release --scratch-path .build-bench --product capstan-bench
bench="$(swift build -c release --scratch-path .build-bench --show-bin-path)/capstan-bench"

work=$(mktemp -d "${TMPDIR:-/tmp}/capstan-bench.XXXXXX")
# The daemon's folder stays short: containerd's socket paths under it must fit in 108 bytes.
dockerd_dir=$(mktemp -d /tmp/cdk-XXXXXX)
cleanup() {
    scripts/test-dockerd.sh stop "$dockerd_dir" || true
    rm -rf "$work" "$dockerd_dir" 2>/dev/null || true
}
trap cleanup EXIT
mkdir -p "$work/results" "$work/state"

if [[ $only != docker ]]; then
    step "Generating $apps app groups in $work/repo"
    commit=$(python3 scripts/bench/generate_repo.py "$work/repo" --apps "$apps")
    echo "commit $commit" >&2
    fleet=(--repo "file://$work/repo" --path apps/fleet --apps "$apps" --work "$work/state")

    for run in $(seq 1 "$cold_runs"); do
        step "Cold reconcile $run/$cold_runs (own process, fresh state and git cache)"
        "$bench" cold "${fleet[@]}" >"$work/results/cold-$run.json"
        python3 -c 'import json,sys; r=json.load(sys.stdin); print("  %.0f ms, peak RSS %.0f MB" % (r["milliseconds"], r["peakResidentBytes"]/1e6))' \
            <"$work/results/cold-$run.json" >&2
    done

    step "No-change reconciles ($no_change_runs runs)"
    "$bench" no-change "${fleet[@]}" --runs "$no_change_runs" >"$work/results/no-change.json"

    step "Our parse: ManifestDecoder ($parse_runs runs, parallel and one thread)"
    "$bench" parse --folder "$work/repo" --path apps/fleet --runs "$parse_runs" >"$work/results/parse.json"

    for run in $(seq 1 "$scale_runs"); do
        step "Simulated cluster at scale $run/$scale_runs: $scale_pods pods on $scale_nodes nodes (own process)"
        "$bench" sim-scale --work "$work/state" --nodes "$scale_nodes" --pods "$scale_pods" >"$work/results/sim-scale-$run.json"
    done

    step "Webhook → Healthy latency: $webhook_commits commits, 50 resources (service in-process on 127.0.0.1)"
    "$bench" webhook-latency --work "$work/state" --commits "$webhook_commits" --resources 50 \
        >"$work/results/webhook-latency.json"
    python3 -c 'import json,sys; r=json.load(sys.stdin)["healthy"]; print("  p50 %.1f ms, p99 %.1f ms" % (r["p50"], r["p99"]))' \
        <"$work/results/webhook-latency.json" >&2

    step "Webhook intake: $webhook_requests signed deliveries, $webhook_concurrency senders (at most 60 s)"
    "$bench" webhook-throughput --work "$work/state" --requests "$webhook_requests" \
        --concurrency "$webhook_concurrency" --seconds 60 >"$work/results/webhook-throughput.json"
    python3 -c 'import json,sys; r=json.load(sys.stdin); print("  %.0f requests/s, %s, %d reconciles seen" % (r["requestsPerSecond"], r["statusCounts"], r["reconcilesSeen"]))' \
        <"$work/results/webhook-throughput.json" >&2

    step "PyYAML CSafeLoader ($parse_runs runs)"
    python3 scripts/bench/pyyaml_parse.py "$work/repo/apps/fleet" --runs "$parse_runs" >"$work/results/pyyaml.json"
fi

step "Docker backend vs docker-compose: $docker_services services, $docker_cold_runs cold and $docker_no_change_runs no-change runs each (private daemon)"
docker_host=$(scripts/test-dockerd.sh start "$dockerd_dir")
"$bench" docker-converge --docker-host "$docker_host" --work "$work/state" --services "$docker_services" \
    --cold-runs "$docker_cold_runs" --no-change-runs "$docker_no_change_runs" --image capstan-test/busybox:1 \
    >"$work/results/docker-converge.json"

step "Writing $output"
mkdir -p "$(dirname "$output")"
"$bench" report --results "$work/results" --output "$output" --swift-version "$(swift --version 2>&1 | head -n 1)"
if [[ $only == docker ]]; then
    sed -n '/^## Docker backend vs docker-compose/,/^Where Capstan/p' "$output" | grep '^|' >&2
else
    sed -n '/^## Results/,/^## Where the cold/p' "$output" | head -n -1 >&2
fi
