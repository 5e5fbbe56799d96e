#!/usr/bin/env bash
# Runs the test suite in three passes on a built tree (`make test` builds first): everything else, then the
# service proxy's tests, then the tests of real containers, each on its own (see the Makefile). A failing pass
# stops the run and its failures are printed again at the end, so a CI log cut to its tail still names them.
set -uo pipefail
SWIFT=${SWIFT:-swift}
proxy='CapstanProxyTests'
docker='CapstanDockerTests|CapstanDockerBackendTests|DockerBackendServiceTests'
# Swift Testing starts every test of a pass at once unless told otherwise. On CI's 2 cores that left hundreds of
# tests interleaved on two threads: the "everything else" pass took 80-90 s, a test waited tens of seconds for a
# thread between two steps, and wall-clock bounds failed. 16 at a time runs the same pass in about 40 s.
width=${CAPSTAN_TEST_WIDTH:-16}
log=$(mktemp /tmp/capstan-test-XXXXXX.log)
trap 'rm -f "$log"' EXIT

run_pass() {
    local name=$1
    shift
    echo "== test pass: $name"
    if "$SWIFT" test --skip-build --experimental-maximum-parallelization-width "$width" "$@" 2>&1 | tee "$log"; then
        return 0
    fi
    echo
    echo "== test pass \"$name\" failed; its failures:"
    grep -E '✘|error:|Fatal error|Test run with|Received signal' "$log" | grep -v '^✘ Suite ' | head -n 80
    return 1
}

run_pass "everything else" --skip "$proxy|$docker" &&
    run_pass "service proxy" --filter "$proxy" &&
    run_pass "containers" --filter "$docker"
