import Foundation

/// A git smart-HTTP server on 127.0.0.1: Python's http.server running `git http-backend` as CGI,
/// behind HTTP Basic authentication. It logs one line per request: `METHOD path auth-ok|auth-bad|no-auth`.
/// Pushes (`git-receive-pack`) are served too, with the repository's hooks; they may need another password.
final class SmartHTTPServer: @unchecked Sendable {
    let port: Int
    private let process: Process
    private let logPath: String

    /// Serves the bare repositories under `root` at `http://127.0.0.1:<port>/<name>.git`.
    /// - Parameter pushPassword: the password pushes need; nil means the same as for fetches.
    init(
        root: String, username: String, password: String, pushPassword: String? = nil,
        directory: TemporaryDirectory
    ) throws {
        let script = directory.appending("git_http_server.py")
        logPath = directory.appending("requests.log")
        try Data(Self.script.utf8).write(to: URL(fileURLWithPath: script))
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, root, username, password, logPath, pushPassword ?? password]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The server prints its port on its first line; readLine stops at EOF if it dies.
        let line = output.fileHandleForReading.readLine()
        guard let port = line.flatMap(Int.init) else {
            kill(process.processIdentifier, SIGKILL)
            throw Command.Failure(description: "smart HTTP server did not start (printed \(line ?? "nothing"))")
        }
        self.port = port
    }

    deinit {
        // SIGKILL: a child spawned from a Dispatch thread may inherit a mask that blocks SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// The requests served so far, one `METHOD path auth-state` string each.
    var requests: [String] {
        ((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    private static let script = #"""
        import base64, http.server, os, re, subprocess, sys

        root, user, password, log_path, push_password = sys.argv[1:6]

        def basic(secret):
            return "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def body(self):
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    data = b""
                    while True:
                        size = int(self.rfile.readline().strip().split(b";")[0], 16)
                        if size == 0:
                            self.rfile.readline()
                            return data
                        data += self.rfile.read(size)
                        self.rfile.readline()
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def handle_any(self):
                auth = self.headers.get("Authorization")
                expected = basic(push_password if "git-receive-pack" in self.path else password)
                state = "auth-ok" if auth == expected else ("auth-bad" if auth else "no-auth")
                with open(log_path, "a") as log:
                    log.write(f"{self.command} {self.path} {state}\n")
                body = self.body()
                if state != "auth-ok":
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="capstan-test"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                path, _, query = self.path.partition("?")
                env = dict(os.environ, GIT_PROJECT_ROOT=root, GIT_HTTP_EXPORT_ALL="1", PATH_INFO=path,
                           QUERY_STRING=query, REQUEST_METHOD=self.command, REMOTE_USER=user,
                           REMOTE_ADDR="127.0.0.1", CONTENT_TYPE=self.headers.get("Content-Type", ""),
                           CONTENT_LENGTH=str(len(body)))
                if self.headers.get("Content-Encoding"):
                    env["HTTP_CONTENT_ENCODING"] = self.headers["Content-Encoding"]
                if self.headers.get("Git-Protocol"):
                    env["GIT_PROTOCOL"] = self.headers["Git-Protocol"]
                out = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True).stdout
                head, payload = re.split(rb"\r?\n\r?\n", out, maxsplit=1)
                status, headers = 200, []
                for line in head.decode().splitlines():
                    name, _, value = line.partition(":")
                    if name.lower() == "status":
                        status = int(value.strip().split()[0])
                    else:
                        headers.append((name, value.strip()))
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = handle_any
            do_POST = handle_any

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#
}

extension FileHandle {
    /// Reads one line (without the newline); nil at end of file before any byte. Bounded by the line length.
    fileprivate func readLine(maximumLength: Int = 1024) -> String? {
        var bytes: [UInt8] = []
        while bytes.count < maximumLength {
            guard let byte = try? read(upToCount: 1), let first = byte.first else { break }
            if first == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(first)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
