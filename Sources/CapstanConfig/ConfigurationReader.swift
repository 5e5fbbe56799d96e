import CapstanModel
import CapstanYAML
import Foundation

/// Reads the top level of the configuration file; each section has its own `+Section` extension so new
/// sections (webhooks, notifications, …) are added without touching the others.
struct ConfigurationReader {
    let diagnostics: ConfigDiagnostics
    /// Absolute folder of the configuration file.
    let baseDirectory: String

    static let rootKeys = [
        "server", "stateDir", "logLevel", "simulated", "docker", "webhooks", "git", "notifications", "encryption",
        "apps",
    ]

    /// The configuration, or nil when something was reported.
    func read(_ root: ConfigNode) -> CapstanConfiguration? {
        guard let mapping = root.mapping(keys: Self.rootKeys) else { return nil }
        let server = mapping.optional("server").flatMap(readServer) ?? ServerConfiguration()
        let stateDirectory = absolutePath(mapping.optional("stateDir").flatMap { $0.string() } ?? ".capstan")
        let logLevel = mapping.optional("logLevel").flatMap(readLogLevel) ?? .info
        let simulated = mapping.optional("simulated").flatMap(readSimulated) ?? SimulatedConfiguration()
        let docker = mapping.optional("docker").flatMap(readDocker)
        let apps = readApps(mapping)
        if docker == nil, mapping.optional("docker") == nil, apps.contains(where: { $0.backend == .docker }) {
            root.fail(
                "an app uses backend docker, but there is no docker section (docker: {hosts: [unix:///var/run/docker.sock]})"
            )
        }
        let webhooks = mapping.optional("webhooks").flatMap(readWebhooks) ?? WebhookConfiguration()
        let committer = mapping.optional("git").flatMap(readGit) ?? GitCommitter()
        let keyFile = mapping.optional("encryption").flatMap { node -> String? in
            guard let fields = node.mapping(keys: ["keyFile"]) else { return nil }
            return fields.optional("keyFile")?.string().map(absolutePath)
        }
        let notifications =
            mapping.optional("notifications").map { readNotifications($0, appNames: Set(apps.map(\.name))) } ?? []
        guard diagnostics.isEmpty else { return nil }
        return CapstanConfiguration(
            server: server, stateDirectory: stateDirectory, logLevel: logLevel, simulated: simulated, docker: docker,
            apps: apps, webhooks: webhooks, committer: committer, notifications: notifications,
            encryptionKeyFile: keyFile)
    }

    private func readServer(_ node: ConfigNode) -> ServerConfiguration? {
        guard let mapping = node.mapping(keys: ["listen"]) else { return nil }
        var server = ServerConfiguration()
        if let listenNode = mapping.optional("listen"), let text = listenNode.scalarText() {
            if let address = ListenAddress(text) {
                server.listen = address
            } else {
                listenNode.fail(
                    "invalid listen address \"\(text)\" (use host:port, e.g. 127.0.0.1:7070 or [::1]:7070)")
            }
        }
        return server
    }

    private func readLogLevel(_ node: ConfigNode) -> LogLevel? {
        guard let text = node.string() else { return nil }
        guard let level = LogLevel(rawValue: text) else {
            let names = LogLevel.allCases.map(\.rawValue)
            let choices = names.dropLast().joined(separator: ", ") + " or " + names.last!
            node.fail("unknown log level \"\(text)\" (use \(choices))")
            return nil
        }
        return level
    }

    /// `path` made absolute against the configuration file's folder, with `.` and `..` resolved.
    func absolutePath(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: baseDirectory, isDirectory: true))
            .standardizedFileURL.path
    }

    static let dnsLabelRule = "at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit"
}
