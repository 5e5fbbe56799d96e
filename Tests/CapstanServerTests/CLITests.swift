import CapstanModel
import CapstanTestSupport
import CapstanThreads
import Foundation
import Testing

/// The real `capstan` binary against a running service.
@Suite(.serialized) struct CLITests {
    @Test func clientCommandsPrintTablesAndExactJSON() async throws {
        let git = try GitFixture()
        let commit = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let server = try await ServerHarness.start(git: git)
        _ = try await server.waitForApp { $0[path: ["health", "status"]] == "Healthy" }

        let apps = try await CapstanBinary.run(["apps", "--server", server.baseURL])
        #expect(apps.status == 0)
        #expect(apps.stdout.contains("NAME"))
        #expect(apps.stdout.contains("guestbook   Synced   Healthy   \(commit.prefix(7))"))

        let json = try await CapstanBinary.run(["app", "guestbook", "-o", "json", "--server", server.baseURL])
        #expect(json.status == 0)
        let api = try await server.request("GET", "/api/v1/apps/guestbook")
        let printed = try JSONParser.parse(json.stdout)
        var expected = try JSONParser.parse(api.body)
        expected["reconciledAt"] = printed["reconciledAt"]
        #expect(printed == expected)
        #expect(printed[path: ["sync", "status"]] == "Synced")
        #expect(printed[path: ["health", "status"]] == "Healthy")
        #expect(printed[path: ["sync", "revision"]] == .string(commit))

        let yaml = try await CapstanBinary.run(["app", "guestbook", "-o", "yaml", "--server", server.baseURL])
        #expect(yaml.stdout.contains("name: guestbook"))
        #expect(yaml.stdout.contains("status: Synced"))

        let pods = try await CapstanBinary.run(["get", "pods", "-n", "default", "--server", server.baseURL])
        #expect(pods.stdout.hasPrefix("NAME"))
        #expect(pods.stdout.contains("READY   STATUS    RESTARTS   AGE"))
        #expect(pods.stdout.split(separator: "\n").filter { $0.contains("1/1     Running") }.count == 2)

        let history = try await CapstanBinary.run(["history", "guestbook", "--server", server.baseURL])
        #expect(history.stdout.contains(String(commit.prefix(7))))
        #expect(history.stdout.contains("Ada Lovelace <ada@example.com>: Add guestbook"))
        #expect(history.stdout.contains("created    Deployment/default/frontend"))
        await server.stop()
    }

    @Test func syncWaitFollowsTheRolloutToHealthy() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let server = try await ServerHarness.start(git: git, startDelay: .seconds(1))
        _ = try await server.waitForApp { $0[path: ["health", "status"]] == "Healthy" }
        let next = try git.commit(
            [
                "apps/guestbook/frontend.yaml": GuestbookManifests.deployment(
                    "frontend", replicas: 3, image: "nginx:1.28")
                    + "\n---\n" + GuestbookManifests.service("frontend")
            ], message: "nginx 1.28")
        let sync = try await CapstanBinary.run([
            "sync", "guestbook", "--wait", "--timeout", "30s", "--server", server.baseURL,
        ])
        #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
        #expect(sync.stdout.contains("synced guestbook to \(next.prefix(7))"))
        #expect(sync.stdout.contains("guestbook is Healthy at \(next.prefix(7))"))
        await server.stop()
    }

    @Test func failuresExitNonZeroWithAClearMessage() async throws {
        let unreachable = try await CapstanBinary.run(["apps", "--server", "http://127.0.0.1:1"])
        #expect(unreachable.status != 0)
        #expect(unreachable.stderr.contains("cannot reach the Capstan server at http://127.0.0.1:1"))

        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let server = try await ServerHarness.start(git: git)
        let unknown = try await CapstanBinary.run(["app", "nope", "--server", server.baseURL])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("app \"nope\" not found"))
        await server.stop()
    }

    @Test(arguments: [
        ("server:\n  listen: 127.0.0.1:7070\n  colour: blue\napps: []\n", "capstan.yaml:3"),
        ("apps:\n  - name: a\n    repo: file:///tmp/x\n    interval: 30x\n", "capstan.yaml:4"),
        ("apps:\n  - name: a\n    repo: file:///tmp/x\n  - name: a\n    repo: file:///tmp/y\n", "capstan.yaml:4"),
        ("apps:\n  - name: a\n", "capstan.yaml:2"),
    ])
    func serveRefusesABadConfigNamingTheLine(_ yaml: String, _ place: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capstan-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("capstan.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let result = try await CapstanBinary.run(["serve", "--config", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains(place), "\(result.stderr)")
    }
}

/// Runs the `capstan` executable built next to the test bundle.
enum CapstanBinary {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var path: String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return here.appendingPathComponent("capstan").path
    }

    /// Waits on a thread of its own: waiting for a child must not block Swift's cooperative pool, which the
    /// server under test (in this same process) needs to answer the child. Dispatch's global queues are no way
    /// out: on Linux they share the pool's threads.
    static func run(_ arguments: [String], timeout: Duration = .seconds(60)) async throws -> Outcome {
        try await DedicatedThread.run("capstan-cli-test") { try runBlocking(arguments, timeout: timeout) }
    }

    private static func runBlocking(_ arguments: [String], timeout: Duration) throws -> Outcome {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw FixtureError("no capstan binary at \(path): build it first (make test does)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout.seconds, execute: killer)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
