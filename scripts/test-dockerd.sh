#!/usr/bin/env bash
# A private Docker daemon for the Docker backend's tests and benchmarks (never the host's daemon):
#   scripts/test-dockerd.sh start DIR   start dockerd with its socket, data root and exec root under DIR, wait
#                                       until it answers, import the test image; prints the socket's URL
#   scripts/test-dockerd.sh stop DIR    remove its containers, stop it (bounded), clean up
# Networking is off (--bridge=none, no iptables): containers use host networking and bind 127.0.0.1.
# With TEST_DOCKERD_TLS_PORT=N, start also listens on tcp://127.0.0.1:N with --tlsverify: a CA, a server
# certificate for 127.0.0.1 and a client certificate are generated into DIR/tls (ca.pem, cert.pem, key.pem are the
# client's files), as for a remote daemon.
set -euo pipefail

command=${1:-}
dir=${2:-}
[[ -n $command && -n $dir ]] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
image=capstan-test/busybox:1
socket="$dir/docker.sock"
docker_cli() { docker --host "unix://$socket" "$@"; }

start() {
    for tool in dockerd docker busybox; do
        command -v "$tool" >/dev/null || {
            echo "test-dockerd: $tool is missing: run scripts/install-deps.sh as root (docker.io, busybox-static)" >&2
            exit 1
        }
    done
    [[ $(id -u) -eq 0 ]] || { echo "test-dockerd: dockerd needs root" >&2; exit 1; }
    mkdir -p "$dir"
    if [[ -S $socket ]] && docker_cli version >/dev/null 2>&1; then
        echo "unix://$socket"
        return
    fi
    local tls=()
    if [[ -n ${TEST_DOCKERD_TLS_PORT:-} ]]; then
        make_certificates "$dir/tls"
        tls=(--host "tcp://127.0.0.1:$TEST_DOCKERD_TLS_PORT" --tlsverify --tlscacert "$dir/tls/ca.pem"
            --tlscert "$dir/tls/server-cert.pem" --tlskey "$dir/tls/server-key.pem")
    fi
    # The exec root holds containerd's sockets, whose paths must stay short (108 bytes): keep DIR short.
    dockerd --host "unix://$socket" "${tls[@]}" --data-root "$dir/data" --exec-root "$dir/exec" \
        --pidfile "$dir/docker.pid" --bridge=none --iptables=false --ip-masq=false --ip6tables=false \
        >"$dir/dockerd.log" 2>&1 &
    for _ in $(seq 1 300); do
        docker_cli version >/dev/null 2>&1 && break
        sleep 0.1
    done
    if ! docker_cli version >/dev/null 2>&1; then
        echo "test-dockerd: dockerd did not answer on $socket within 30 s; its log ($dir/dockerd.log) ends:" >&2
        tail -n 20 "$dir/dockerd.log" >&2 || true
        exit 1
    fi
    if ! docker_cli image inspect "$image" >/dev/null 2>&1; then
        # The test image: a static busybox and its applets, imported from a tar (no registry, no network).
        local rootfs="$dir/rootfs"
        rm -rf "$rootfs"
        mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/etc" "$rootfs/www"
        cp "$(command -v busybox)" "$rootfs/bin/busybox"
        for applet in $("$rootfs/bin/busybox" --list); do
            [[ $applet == busybox ]] || ln -sf busybox "$rootfs/bin/$applet"
        done
        echo "root:x:0:0:root:/:/bin/sh" >"$rootfs/etc/passwd"
        tar -C "$rootfs" -c . | docker_cli import --change 'CMD ["/bin/sh"]' - "$image" >/dev/null
        rm -rf "$rootfs"
    fi
    echo "unix://$socket"
}

# A CA, a server certificate for 127.0.0.1 and a client certificate (extendedKeyUsage clientAuth) in $1.
make_certificates() {
    local out=$1
    mkdir -p "$out"
    (
        cd "$out"
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=capstan test CA" \
            -keyout ca-key.pem -out ca.pem 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server-key.pem -out server.csr 2>/dev/null
        printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >server.ext
        openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
            -extfile server.ext -out server-cert.pem 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -subj "/CN=capstan" -keyout key.pem -out client.csr 2>/dev/null
        printf 'extendedKeyUsage=clientAuth\n' >client.ext
        openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
            -extfile client.ext -out cert.pem 2>/dev/null
        chmod 600 ./*-key.pem key.pem
    )
}

stop() {
    [[ -f $dir/docker.pid ]] || return 0
    local pid
    pid=$(cat "$dir/docker.pid")
    if docker_cli version >/dev/null 2>&1; then
        local containers
        containers=$(docker_cli ps --all --quiet)
        [[ -z $containers ]] || docker_cli rm --force $containers >/dev/null 2>&1 || true
    fi
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    # dockerd leaves its network namespace (and any overlay left by a crash) mounted under DIR.
    awk -v dir="$(cd "$dir" && pwd -P)/" 'index($2, dir) == 1 { print $2 }' /proc/mounts | sort -r |
        while read -r mount; do umount "$mount" 2>/dev/null || umount -l "$mount" 2>/dev/null || true; done
    rm -f "$dir/docker.pid" "$socket"
}

case $command in
start) start ;;
stop) stop ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
