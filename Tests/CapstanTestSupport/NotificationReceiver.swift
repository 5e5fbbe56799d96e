import Foundation

/// A notification receiver (`NotificationReceiverScript`) run by a test on 127.0.0.1; it records every request in
/// a file that outlives the process, so a receiver restarted on the same port appends to the same list.
public final class NotificationReceiver: @unchecked Sendable {
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    public let port: Int
    public let recordsFile: URL
    private let process: Process

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, recordsFile: URL, process: Process) {
        self.port = port
        self.recordsFile = recordsFile
        self.process = process
    }

    /// Starts a receiver in `directory` (port 0 = ephemeral) and waits, bounded, until it listens.
    public static func start(
        in directory: URL, name: String = "receiver", port: Int = 0, failFirst: Int = 0, failStatus: Int = 500,
        delay: Duration = .zero, secret: String? = nil
    ) async throws -> NotificationReceiver {
        let script = directory.appendingPathComponent("receiver.py")
        if !FileManager.default.fileExists(atPath: script.path) {
            try NotificationReceiverScript.source.write(to: script, atomically: true, encoding: .utf8)
        }
        let readyFile = directory.appendingPathComponent("\(name).port")
        try? FileManager.default.removeItem(at: readyFile)
        let records = directory.appendingPathComponent("\(name).jsonl")
        let log = directory.appendingPathComponent("\(name).log")
        if !FileManager.default.fileExists(atPath: log.path) {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let delayMilliseconds =
            Int(delay.components.seconds * 1000) + Int(delay.components.attoseconds / 1_000_000_000_000_000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script.path, readyFile.path, records.path, String(port), String(failFirst), String(failStatus),
            String(delayMilliseconds), secret ?? "-",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        for _ in 0..<1500 where process.isRunning {
            if let text = try? String(contentsOf: readyFile, encoding: .utf8), let bound = Int(text) {
                return NotificationReceiver(port: bound, recordsFile: records, process: process)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(process.processIdentifier, SIGKILL)
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw StartError(description: "receiver \(name) did not start within 30 s: \(output)")
    }

    /// Kills the receiver and waits (bounded) until it is gone, so its port is closed.
    public func stop() async {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        for _ in 0..<500 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Every request recorded so far, in arrival order.
    public func requests() -> [ReceivedRequest] {
        guard let text = try? String(contentsOf: recordsFile, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap(ReceivedRequest.init(line:))
    }

    /// Waits (bounded) until at least `count` requests arrived and returns them all.
    public func waitForRequests(_ count: Int, within limit: Duration = .seconds(60)) async -> [ReceivedRequest] {
        let deadline = ContinuousClock.now + limit
        var seen = requests()
        while seen.count < count && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
            seen = requests()
        }
        return seen
    }
}
