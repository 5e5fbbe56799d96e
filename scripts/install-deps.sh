#!/usr/bin/env bash
# Installs the system packages Capstan builds, tests and benchmarks with, when they are missing (Debian, as root).
set -euo pipefail

# --test adds what the tests need (a private Docker daemon, a busybox image and openssl for the TLS certificates of
# the Docker backend's tests); --bench adds docker-compose, the peer of the Docker benchmarks.
packages=(libgit2-dev libcurl4-openssl-dev libsqlite3-dev pkg-config git openssh-server openssh-client)
for flag in "$@"; do
    case $flag in
    --test) packages+=(docker.io busybox-static openssl) ;;
    --bench) packages+=(docker.io busybox-static docker-compose) ;;
    *) echo "usage: $0 [--test] [--bench]" >&2; exit 2 ;;
    esac
done

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# openssh-server: the git tests run a private sshd on 127.0.0.1 to test ssh transport with keys.
# Tests and benchmarks use Python 3 with PyYAML (a test HTTP peer; the parser reference).
python3 -c 'import yaml' 2>/dev/null || missing+=(python3 python3-yaml)

if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "capstan: missing packages: ${missing[*]}; run as root, or: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing ${missing[*]} …"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null; then
    echo "capstan: the Swift toolchain (6.3 or newer) is not on PATH; install it from swift.org and retry." >&2
    exit 1
fi
