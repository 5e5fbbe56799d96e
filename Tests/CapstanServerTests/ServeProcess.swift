import CapstanTestSupport
import Foundation

/// The real `capstan serve` process on a configuration listening on 127.0.0.1:0: its log (stderr) goes to a file,
/// its port is read from the "listening" line.
final class ServeProcess {
    let process: Process
    let logFile: URL
    let port: Int

    /// Starts `capstan serve --config CONFIG` and waits (at most 20 s) until it listens.
    static func start(config: String, logFile: URL) async throws -> ServeProcess {
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CapstanBinary.path)
        process.arguments = ["serve", "--config", config]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        let marker = "Capstan API listening on http://127.0.0.1:"
        for _ in 0..<400 {
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            if let range = log.range(of: marker), let port = Int(log[range.upperBound...].prefix { $0.isNumber }) {
                return ServeProcess(process: process, logFile: logFile, port: port)
            }
            guard process.isRunning else {
                throw FixtureError("capstan serve exited (\(process.terminationStatus)) before listening:\n\(log)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw FixtureError("capstan serve did not listen within 20 s")
    }

    private init(process: Process, logFile: URL, port: Int) {
        self.process = process
        self.logFile = logFile
        self.port = port
    }

    /// Everything logged so far.
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Stops the process with SIGTERM and waits (at most 10 s); returns its exit status.
    @discardableResult
    func stop() async throws -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<200 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            throw FixtureError("capstan serve still ran 10 s after SIGTERM")
        }
        return process.terminationStatus
    }
}
