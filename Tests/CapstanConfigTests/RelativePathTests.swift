import CapstanConfig
import Foundation
import Testing

/// Relative paths in the file are resolved against the file's own folder.
struct RelativePathTests {
    static let table: [(repo: String, expected: String)] = [
        ("../repos/guestbook", "file:///srv/repos/guestbook"),
        ("./sample-repo", "file:///srv/capstan/sample-repo"),
        ("sample-repo", "file:///srv/capstan/sample-repo"),
        ("/abs/repo", "file:///abs/repo"),
        ("file:///abs/./x/../repo", "file:///abs/repo"),
        ("https://example.com/org/repo.git", "https://example.com/org/repo.git"),
        ("ssh://git@example.com:2222/org/repo.git", "ssh://git@example.com:2222/org/repo.git"),
        ("git@github.com:org/repo.git", "git@github.com:org/repo.git"),
    ]

    @Test(arguments: table)
    func repository(repo: String, expected: String) throws {
        let yaml = "apps:\n  - name: web\n    repo: \(repo)\n"
        let configuration = try CapstanConfiguration.load(yaml: yaml, baseDirectory: "/srv/capstan")
        #expect(configuration.apps.first?.repo == expected)
    }

    @Test func stateDirectoryAndCredentialFiles() throws {
        let yaml = """
            stateDir: ../state
            apps:
              - name: web
                repo: ./repo
                credentials:
                  passwordFile: secrets/token
                  sshKeyFile: /keys/id_ed25519
                  knownHostsFile: ./known_hosts
            """
        let configuration = try CapstanConfiguration.load(yaml: yaml, baseDirectory: "/srv/capstan/config")
        #expect(configuration.stateDirectory == "/srv/capstan/state")
        let credentials = try #require(configuration.apps.first?.credentials)
        #expect(credentials.passwordFile == "/srv/capstan/config/secrets/token")
        #expect(credentials.sshKeyFile == "/keys/id_ed25519")
        #expect(credentials.knownHostsFile == "/srv/capstan/config/known_hosts")
    }

    @Test func loadFromAFileUsesItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capstan-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("config"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("config/capstan.yaml")
        try "stateDir: data\napps:\n  - name: web\n    repo: ../repo\n".write(
            to: file, atomically: true, encoding: .utf8)
        let configuration = try CapstanConfiguration.load(path: file.path)
        let base = folder.standardizedFileURL.path
        #expect(configuration.stateDirectory == base + "/config/data")
        #expect(configuration.apps.first?.repo == "file://" + base + "/repo")
    }

    @Test func errorsNameTheFileAsGiven() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capstan-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("capstan.yaml")
        try "apps:\n  - name: web\n    repo: ./r\n    interval: 30x\n".write(
            to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigError.self) { try CapstanConfiguration.load(path: file.path) }
        #expect(
            error?.description == "\(file.path):4: apps[0].interval: invalid duration \"30x\" (use e.g. 30s, 5m, 1h)")
    }
}
