#!/usr/bin/env bash
# Runs a command with a private Docker daemon (scripts/test-dockerd.sh) started for it and stopped afterwards,
# its socket in CAPSTAN_TEST_DOCKER_HOST: `scripts/with-test-dockerd.sh swift test --skip-build`.
# When the daemon cannot start, the command does not run and this fails, saying why (Docker tests never skip).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/cdk-XXXXXX)
cleanup() {
    "$here/test-dockerd.sh" stop "$dir" || true
    rm -rf "$dir" 2>/dev/null || true
}
trap cleanup EXIT
CAPSTAN_TEST_DOCKER_HOST=$("$here/test-dockerd.sh" start "$dir")
export CAPSTAN_TEST_DOCKER_HOST
"$@"
