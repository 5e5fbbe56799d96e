import CapstanModel
import CapstanYAML
import Foundation

/// The service configuration file (`capstan.yaml`), validated, with defaults filled in and relative paths
/// made absolute against the file's folder.
public struct CapstanConfiguration: Sendable, Hashable {
    public var server: ServerConfiguration
    /// Where Capstan keeps its state; absolute. Default `.capstan` next to the configuration file.
    public var stateDirectory: String
    public var logLevel: LogLevel
    public var simulated: SimulatedConfiguration
    /// The Docker backend, when configured.
    public var docker: DockerConfiguration?
    /// At least one.
    public var apps: [AppConfiguration]
    public var webhooks: WebhookConfiguration
    /// The author and committer of the commits Capstan makes (rollbacks).
    public var committer: GitCommitter
    public var notifications: [NotificationConfiguration]
    /// `encryption.keyFile`: the key ring for Secrets and ConfigMaps at rest (nil: `<stateDir>/keys.yaml`).
    public var encryptionKeyFile: String?

    public init(
        server: ServerConfiguration = ServerConfiguration(), stateDirectory: String, logLevel: LogLevel = .info,
        simulated: SimulatedConfiguration = SimulatedConfiguration(), docker: DockerConfiguration? = nil,
        apps: [AppConfiguration],
        webhooks: WebhookConfiguration = WebhookConfiguration(), committer: GitCommitter = GitCommitter(),
        notifications: [NotificationConfiguration] = [], encryptionKeyFile: String? = nil
    ) {
        self.server = server
        self.stateDirectory = stateDirectory
        self.logLevel = logLevel
        self.simulated = simulated
        self.docker = docker
        self.apps = apps
        self.webhooks = webhooks
        self.committer = committer
        self.notifications = notifications
        self.encryptionKeyFile = encryptionKeyFile
    }

    /// Reads and validates the file at `path` (relative paths start from the current directory).
    public static func load(path: String) throws(ConfigError) -> CapstanConfiguration {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            var isFolder: ObjCBool = false
            let reason =
                !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
                ? "the file does not exist"
                : isFolder.boolValue ? "it is a folder" : "it is not readable"
            let problem = ConfigProblem(file: path, line: nil, path: "", message: "cannot read the file: \(reason)")
            throw ConfigError(problems: [problem])
        }
        let directory = url.standardizedFileURL.deletingLastPathComponent().path
        return try load(bytes: Array(data), file: path, baseDirectory: directory)
    }

    /// Reads and validates configuration text; `file` names it in errors and `baseDirectory` (absolute)
    /// anchors its relative paths.
    public static func load(yaml: String, file: String = "capstan.yaml", baseDirectory: String) throws(ConfigError)
        -> CapstanConfiguration
    {
        try load(bytes: Array(yaml.utf8), file: file, baseDirectory: baseDirectory)
    }

    static func load(bytes: [UInt8], file: String, baseDirectory: String) throws(ConfigError) -> CapstanConfiguration {
        let documents: [YAMLNode]
        do {
            documents = try YAMLParser.nodes(bytes, file: file)
        } catch {
            throw ConfigError(problems: [ConfigProblem(file: file, line: error.line, path: "", message: error.message)])
        }
        let diagnostics = ConfigDiagnostics(file: file)
        if documents.count > 1 {
            diagnostics.report(line: documents[1].line, path: [], "the file must hold a single YAML document")
        }
        var root = documents.first ?? YAMLNode(content: .mapping([]), line: 1, column: 1)
        if root.value.isNull { root = YAMLNode(content: .mapping([]), line: root.line, column: root.column) }
        let reader = ConfigurationReader(diagnostics: diagnostics, baseDirectory: baseDirectory)
        let configuration = reader.read(ConfigNode(node: root, path: [], diagnostics: diagnostics))
        guard diagnostics.isEmpty, let configuration else { throw diagnostics.error }
        return configuration
    }
}
