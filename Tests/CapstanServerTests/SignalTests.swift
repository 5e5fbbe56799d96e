import CapstanHTTPClient
import CapstanTestSupport
import Foundation
import Testing

/// The real `capstan serve` process: it answers, then stops cleanly on SIGTERM and SIGINT.
@Suite(.serialized) struct SignalTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func serveStopsGracefullyOnASignal(_ signal: Int32) async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capstan-signal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = Int.random(in: 20_000...29_999)
        let config = folder.appendingPathComponent("capstan.yaml")
        try """
        server:
          listen: 127.0.0.1:\(port)
        stateDir: state
        apps:
          - name: guestbook
            repo: \(git.url)
            path: apps/guestbook
        """.write(to: config, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CapstanBinary.path)
        process.arguments = ["serve", "--config", config.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let client = CurlHTTPClient(configuration: HTTPClientConfiguration(connectTimeout: .seconds(1)))
        var answered = false
        for _ in 0..<1200 where !answered {
            let response = try? await client.send(HTTPRequest(url: "http://127.0.0.1:\(port)/api/v1/apps/guestbook"))
            answered = response?.text.contains("\"Synced\"") == true
            if !answered { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(answered, "the service did not sync within 60 s")

        kill(process.processIdentifier, signal)
        for _ in 0..<200 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "still running 10 s after the signal")
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("state/capstan.sqlite").path))
    }
}
