import CapstanTestSupport
import Foundation

/// A folder for the offline key and admin commands: `capstan.yaml` (listening on 127.0.0.1:0) naming `state/` and
/// one app on the fixture's repository, plus the paths the commands work on. Removed by `remove()`.
struct OfflineStateFixture {
    let folder: URL
    let state: URL
    let config: String

    init(git: GitFixture) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-offline-\(UUID().uuidString)")
        state = folder.appendingPathComponent("state")
        config = folder.appendingPathComponent("capstan.yaml").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.configuration(git: git).write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// The configuration text; `keyFile` sets `encryption.keyFile` (relative to the folder).
    static func configuration(git: GitFixture, keyFile: String? = nil) -> String {
        "server:\n  listen: 127.0.0.1:0\nstateDir: state\n"
            + (keyFile.map { "encryption: {keyFile: \($0)}\n" } ?? "")
            + "apps:\n  - {name: guestbook, repo: \(git.url), path: apps/guestbook}\n"
    }

    var keyFile: String { state.appendingPathComponent("keys.yaml").path }
    var storePath: String { state.appendingPathComponent("capstan.sqlite").path }

    /// Runs `capstan ARGUMENTS --config capstan.yaml`.
    func capstan(_ arguments: [String]) async throws -> CapstanBinary.Outcome {
        try await CapstanBinary.run(arguments + ["--config", config])
    }

    /// Writes a key file holding one random key named `name` (mode 0600) and a configuration using it; returns the
    /// configuration's path.
    func configuration(withKeyNamed name: String, git: GitFixture) throws -> String {
        let keyFile = "keys-\(name)-\(UUID().uuidString.prefix(8)).yaml"
        let secret = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        _ = FileManager.default.createFile(
            atPath: folder.appendingPathComponent(keyFile).path,
            contents: Data("keys:\n  - name: \(name)\n    secret: \"\(secret)\"\n".utf8),
            attributes: [.posixPermissions: 0o600])
        let path = folder.appendingPathComponent("capstan-\(keyFile)").path
        try Self.configuration(git: git, keyFile: keyFile).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
