import CapstanTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny image registry (Registry API v2 over plain HTTP) on 127.0.0.1, run with python3, so pulls
/// are tested without network: the daemon trusts 127.0.0.0/8 registries over HTTP by default.
final class TestRegistry: Sendable {
    /// Why the registry did not start.
    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    private let directory: URL
    private let pid: pid_t
    /// `127.0.0.1:PORT`, the prefix of its image references.
    let address: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-registry-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = directory.appendingPathComponent("registry.py").path
        let portFile = directory.appendingPathComponent("port").path
        try Data(testRegistryScript.utf8).write(to: URL(fileURLWithPath: script))
        let started = Shell.run([
            "/bin/sh", "-c", "python3 \"$0\" >\"$1\" 2>&1 </dev/null & echo $!", script, portFile,
        ])
        pid = pid_t(started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        // The script prints its port once it listens.
        var port: Int?
        for _ in 0..<100 where port == nil {
            let text = (try? String(contentsOfFile: portFile, encoding: .utf8)) ?? ""
            if text.hasSuffix("\n") { port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if port == nil { usleep(50_000) }
        }
        guard pid > 0, let port else {
            if pid > 0 { kill(pid, SIGTERM) }
            throw StartError(description: "the test registry did not report its port within 5 s (python3 missing?)")
        }
        address = "127.0.0.1:\(port)"
    }

    deinit {
        kill(pid, SIGTERM)
        try? FileManager.default.removeItem(at: directory)
    }
}
