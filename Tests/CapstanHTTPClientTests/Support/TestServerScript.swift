/// The Python 3 HTTP server the tests start: one TCP listener on 127.0.0.1 (optionally TLS with
/// required client certificates) and optionally one unix-socket listener, same routes on both.
///
/// Routes: `/echo` (request body back; request headers as `X-Echo-<name>`, method as
/// `X-Echo-Method`; `?status=N`), `/status/N`, `/sleep?ms=N`, `/big?bytes=N[&chunked=1]`,
/// `/chunks?n=N&delay_ms=M` (chunked, one line per chunk; counts aborts), `/gated?n=N` (sends
/// chunk i only after i calls of `/release`, else breaks off after 10 s), `/redirect`, `/stats`.
/// Every response carries `X-Connection-Id`, a number per accepted connection.
enum TestServerScript {
    static let source = #"""
        import http.server, json, os, socket, socketserver, ssl, sys, threading, time
        from urllib.parse import urlparse, parse_qs

        lock = threading.Lock()
        stats = {"connections": 0, "aborted": 0, "released": 0}

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self):
                # Nagle would delay each response behind curl's delayed ACK (TCP only).
                self.disable_nagle_algorithm = self.request.family != socket.AF_UNIX
                super().setup()
                with lock:
                    stats["connections"] += 1
                    self.connection_id = stats["connections"]

            def log_message(self, *args):
                pass

            def address_string(self):
                return "client"

            def do_GET(self):
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = url.path
                if path == "/echo":
                    extra = [("X-Echo-Method", self.command), ("X-Echo-Path", self.path)]
                    extra += [("X-Echo-" + k, v) for k, v in self.headers.items()]
                    self.reply(int(query.get("status", "200")), body, extra)
                elif path.startswith("/status/"):
                    code = int(path.split("/")[2])
                    self.reply(code, ("status %d" % code).encode())
                elif path == "/sleep":
                    time.sleep(int(query.get("ms", "1000")) / 1000)
                    self.reply(200, b"slept")
                elif path == "/big":
                    self.big(int(query["bytes"]), query.get("chunked") == "1")
                elif path == "/chunks":
                    self.chunks(int(query.get("n", "3")), int(query.get("delay_ms", "200")) / 1000)
                elif path == "/gated":
                    self.chunks(int(query.get("n", "3")), 0, gated=True)
                elif path == "/release":
                    with lock:
                        stats["released"] += 1
                    self.reply(200, b"released")
                elif path == "/redirect":
                    self.reply(302, b"moved", [("Location", "/echo")])
                elif path == "/stats":
                    with lock:
                        payload = json.dumps(stats).encode()
                    self.reply(200, payload, [("Content-Type", "application/json")])
                else:
                    self.reply(404, b"not found")

            do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_GET

            def reply(self, status, payload, extra=()):
                self.send_response(status)
                for name, value in extra:
                    self.send_header(name, value)
                self.send_header("X-Connection-Id", str(self.connection_id))
                if status in (204, 304):
                    self.end_headers()
                    return
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            def big(self, size, chunked):
                self.send_response(200)
                self.send_header("X-Connection-Id", str(self.connection_id))
                self.send_header("Transfer-Encoding" if chunked else "Content-Length", "chunked" if chunked else str(size))
                self.end_headers()
                block = b"x" * 65536
                sent = 0
                try:
                    while sent < size:
                        part = block[: min(len(block), size - sent)]
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part) if chunked else part)
                        sent += len(part)
                    if chunked:
                        self.wfile.write(b"0\r\n\r\n")
                except OSError:
                    self.close_connection = True

            def chunks(self, count, delay, gated=False):
                self.send_response(200)
                self.send_header("X-Connection-Id", str(self.connection_id))
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                try:
                    for i in range(count):
                        if gated and not self.wait_for_release(i):
                            self.close_connection = True
                            return
                        data = ("chunk-%d\n" % i).encode()
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                        self.wfile.flush()
                        time.sleep(delay)
                    self.wfile.write(b"0\r\n\r\n")
                except OSError:
                    with lock:
                        stats["aborted"] += 1
                    self.close_connection = True

            def wait_for_release(self, count):
                deadline = time.time() + 10
                while time.time() < deadline:
                    with lock:
                        if stats["released"] >= count:
                            return True
                    time.sleep(0.005)
                return False

        class TCPServer(http.server.ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 512

        class UnixServer(socketserver.ThreadingUnixStreamServer):
            daemon_threads = True
            request_queue_size = 512

        def watchdog(parent):
            deadline = time.time() + 600
            while os.getppid() == parent and time.time() < deadline:
                time.sleep(0.2)
            os._exit(0)

        def main():
            ready_file, unix_path = sys.argv[1], sys.argv[2]
            tls = sys.argv[3:6]
            threading.Thread(target=watchdog, args=(os.getppid(),), daemon=True).start()
            servers = [TCPServer(("127.0.0.1", 0), Handler)]
            if tls:
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                context.load_cert_chain(tls[0], tls[1])
                context.load_verify_locations(tls[2])
                context.verify_mode = ssl.CERT_REQUIRED
                servers[0].socket = context.wrap_socket(servers[0].socket, server_side=True)
            if unix_path != "-":
                servers.append(UnixServer(unix_path, Handler))
            for server in servers:
                threading.Thread(target=server.serve_forever, daemon=True).start()
            with open(ready_file + ".tmp", "w") as f:
                f.write(str(servers[0].server_address[1]))
            os.rename(ready_file + ".tmp", ready_file)
            while True:
                time.sleep(3600)

        main()
        """#
}
