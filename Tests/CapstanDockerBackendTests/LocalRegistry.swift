import Foundation

/// A Docker registry on 127.0.0.1 (an ephemeral port) serving one image, `slow/busybox:1` (a static busybox),
/// whose layer takes `seconds` to send: for tests of image pulls without the internet.
final class LocalRegistry: @unchecked Sendable {
    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int
    private let process: Process

    /// `127.0.0.1:PORT/slow/busybox:1`.
    var image: String { "127.0.0.1:\(port)/slow/busybox:1" }

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    /// Starts the registry and waits, bounded, until it listens.
    static func start(seconds: Double) async throws -> LocalRegistry {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-registry-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = directory.appendingPathComponent("registry.py")
        try source.write(to: script, atomically: true, encoding: .utf8)
        let portFile = directory.appendingPathComponent("port")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, portFile.path, String(seconds)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<500 where process.isRunning {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) {
                return LocalRegistry(port: port, process: process)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(process.processIdentifier, SIGKILL)
        throw StartError(description: "the test registry did not start within 10 s")
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    static let source = #"""
        # A registry serving one image (a static busybox), its layer sent slowly: for image pull tests on 127.0.0.1.
        # usage: registry.py PORTFILE SECONDS   (listens on an ephemeral port, written to PORTFILE)
        import gzip, hashlib, http.server, io, json, os, shutil, sys, tarfile, time

        port_file, seconds = sys.argv[1], float(sys.argv[2])
        raw = io.BytesIO()
        with tarfile.open(fileobj=raw, mode="w") as tar:
            for name in ["bin", "tmp"]:
                info = tarfile.TarInfo(name); info.type = tarfile.DIRTYPE; info.mode = 0o755; tar.addfile(info)
            tar.add(shutil.which("busybox"), arcname="bin/busybox")
            for name in ["sh", "sleep"]:
                info = tarfile.TarInfo("bin/" + name); info.type = tarfile.SYMTYPE; info.linkname = "busybox"; tar.addfile(info)
        layer_tar = raw.getvalue()
        layer = gzip.compress(layer_tar, mtime=0)
        sha = lambda data: "sha256:" + hashlib.sha256(data).hexdigest()
        config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["/bin/sh"]},
                             "rootfs": {"type": "layers", "diff_ids": [sha(layer_tar)]}, "history": [{}]}).encode()
        manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
            "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": len(config), "digest": sha(config)},
            "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": len(layer),
                        "digest": sha(layer)}]}).encode()
        blobs = {sha(config): config, sha(layer): layer}

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def log_message(self, *args): pass
            def reply(self, body, kind, digest=None, slow=False):
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Docker-Distribution-API-Version", "registry/2.0")
                if digest: self.send_header("Docker-Content-Digest", digest)
                self.end_headers()
                if self.command == "HEAD": return
                if not slow: self.wfile.write(body); return
                chunks = [body[i:i + 32768] for i in range(0, len(body), 32768)]
                for chunk in chunks:
                    self.wfile.write(chunk); self.wfile.flush(); time.sleep(seconds / len(chunks))
            def do_GET(self):
                path = self.path.split("?")[0]
                if path == "/v2/": return self.reply(b"{}", "application/json")
                if "/manifests/" in path:
                    return self.reply(manifest, "application/vnd.docker.distribution.manifest.v2+json", sha(manifest))
                if "/blobs/" in path:
                    digest = path.rsplit("/", 1)[1]
                    if digest in blobs: return self.reply(blobs[digest], "application/octet-stream", digest, digest == sha(layer))
                self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers()
            do_HEAD = do_GET

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        with open(port_file + ".tmp", "w") as f: f.write(str(server.server_address[1]))
        os.rename(port_file + ".tmp", port_file)
        server.serve_forever()
        """#
}
