/// The Python 3 notification receiver the tests start on 127.0.0.1.
///
/// Arguments: ready-file records-file port fail-first fail-status delay-ms secret. It answers every POST
/// with `fail-status` for the first `fail-first` requests and 200 after that, optionally after
/// sleeping `delay-ms`, and appends one JSON line per request to the records file: sequence number,
/// path, answered status, headers (lower-cased names), the raw body in base64 and, when a secret is
/// given (not `-`), whether `X-Signature` equals `sha256=` + Python's own HMAC-SHA256 of the body.
/// A watchdog exits when the test process is gone or after ten minutes.
enum NotificationReceiverScript {
    static let source = #"""
        import base64, hashlib, hmac, http.server, json, os, sys, threading, time

        ready_file, records_file = sys.argv[1], sys.argv[2]
        port, fail_first, fail_status, delay_ms = (int(a) for a in sys.argv[3:7])
        secret = sys.argv[7]
        lock = threading.Lock()
        seen = {"n": 0}

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with lock:
                    seen["n"] += 1
                    n = seen["n"]
                if delay_ms:
                    time.sleep(delay_ms / 1000)
                status = fail_status if n <= fail_first else 200
                valid = None
                if secret != "-":
                    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
                    valid = hmac.compare_digest(expected, self.headers.get("X-Signature", ""))
                record = {
                    "n": n, "path": self.path, "status": status, "signatureValid": valid,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": base64.b64encode(body).decode(),
                }
                with lock:
                    with open(records_file, "a") as out:
                        out.write(json.dumps(record) + "\n")
                payload = b"ok" if status == 200 else b"receiver says no"
                self.send_response(status)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        def watchdog(parent):
            started = time.time()
            while os.getppid() == parent and time.time() - started < 600:
                time.sleep(0.5)
            os._exit(0)

        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        server.daemon_threads = True
        threading.Thread(target=watchdog, args=(os.getppid(),), daemon=True).start()
        with open(ready_file + ".tmp", "w") as out:
            out.write(str(server.server_address[1]))
        os.rename(ready_file + ".tmp", ready_file)
        server.serve_forever()
        """#
}
