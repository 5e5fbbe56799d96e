/// The registry script: `/v2/`, manifests and blobs of two one-layer images, `hello` (intact) and
/// `corrupt` (its layer blob has the wrong bytes); anything else is `manifest unknown`.
let testRegistryScript = #"""
    import gzip, hashlib, http.server, io, json, socketserver, tarfile

    def sha(b): return "sha256:" + hashlib.sha256(b).hexdigest()
    def image(name, content):
        """A one-layer image: its manifest, and its blobs by digest."""
        raw = io.BytesIO()
        with tarfile.open(fileobj=raw, mode="w") as archive:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
        layer = gzip.compress(raw.getvalue(), mtime=0)
        config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["/" + name]},
            "rootfs": {"type": "layers", "diff_ids": [sha(raw.getvalue())]},
            "history": [{"created": "2026-01-01T00:00:00Z"}]}).encode()
        manifest = json.dumps({"schemaVersion": 2, "mediaType": MANIFEST,
            "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": len(config), "digest": sha(config)},
            "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": len(layer), "digest": sha(layer)}]}).encode()
        return manifest, {sha(config): config, sha(layer): layer}, sha(layer)

    MANIFEST = "application/vnd.docker.distribution.manifest.v2+json"
    hello_manifest, hello_blobs, _ = image("hello.txt", b"hello from the test registry\n")
    # "corrupt" is a distinct image whose layer blob is served with the wrong bytes.
    corrupt_manifest, corrupt_blobs, corrupt_layer = image("corrupt.txt", b"never delivered intact\n")
    corrupt_blobs[corrupt_layer] = b"garbage instead of the layer"
    images = {"hello": (hello_manifest, hello_blobs), "corrupt": (corrupt_manifest, corrupt_blobs)}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def log_message(self, *a): pass
        def send(self, code, body=b"", ctype="application/json", extra={}):
            self.send_response(code)
            self.send_header("Content-Type", ctype); self.send_header("Content-Length", str(len(body)))
            self.send_header("Docker-Distribution-API-Version", "registry/2.0")
            for k, v in extra.items(): self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD": self.wfile.write(body)
        def do_HEAD(self): self.do_GET()
        def do_GET(self):
            p = self.path
            if p == "/v2/": return self.send(200, b"{}")
            for marker in ("/manifests/", "/blobs/"):
                if marker in p:
                    repo, ref = p[4:p.index(marker)], p.rsplit("/", 1)[1]
                    manifest, blobs = images.get(repo.rsplit("/", 1)[-1], (None, {}))
                    if marker == "/manifests/" and manifest:
                        return self.send(200, manifest, MANIFEST, {"Docker-Content-Digest": sha(manifest)})
                    if marker == "/blobs/" and ref in blobs:
                        return self.send(200, blobs[ref], "application/octet-stream")
                    code = "MANIFEST_UNKNOWN" if marker == "/manifests/" else "BLOB_UNKNOWN"
                    message = "manifest unknown" if marker == "/manifests/" else "blob unknown"
                    return self.send(404, json.dumps({"errors": [{"code": code, "message": message}]}).encode())
            self.send(404, b"{}")

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """#
