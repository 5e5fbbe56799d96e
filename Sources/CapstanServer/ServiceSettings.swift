import CapstanConfig
import CapstanCore
import CapstanDockerBackend
import CapstanGit
import CapstanNotifications
import CapstanSimulator
import Logging

/// Everything the service needs to start, from the config file or built directly by tests.
public struct ServiceSettings: Sendable {
    /// The address the API listens on.
    public var host: String
    /// The port; 0 asks the system for a free one (tests).
    public var port: Int
    /// Where the state store and git caches live.
    public var stateDirectory: String
    public var simulated: SimulatedClusterOptions
    /// Simulated seconds per real second.
    public var timeScale: Double
    public var apps: [AppSettings]
    public var logLevel: Logger.Level
    /// Push-webhook secrets and limits.
    public var webhooks: WebhookConfiguration = WebhookConfiguration()
    /// Who Capstan's rollback commits are made by.
    public var committer: GitCommitter = GitCommitter()
    /// Where notification events go.
    public var notifications: [NotificationConfiguration] = []
    /// The key ring that encrypts Secrets and ConfigMaps at rest; nil: `<stateDirectory>/keys.yaml`, generated
    /// on first start.
    public var encryptionKeyFile: String?
    /// The Docker backend, when configured (apps with `backend: docker`).
    public var docker: DockerBackendOptions?
    /// Timeouts, retries and de-duplication of notification deliveries (tests shorten them).
    public var notifierSettings = NotifierSettings()

    public init(
        host: String = "127.0.0.1", port: Int = 7070, stateDirectory: String,
        simulated: SimulatedClusterOptions = SimulatedClusterOptions(), timeScale: Double = 1,
        apps: [AppSettings], logLevel: Logger.Level = .info
    ) {
        self.host = host
        self.port = port
        self.stateDirectory = stateDirectory
        self.simulated = simulated
        self.timeScale = timeScale
        self.apps = apps
        self.logLevel = logLevel
    }
}

/// One app and the credentials to read its repository.
public struct AppSettings: Sendable {
    public var definition: AppDefinition
    public var credentials: GitCredentials

    public init(definition: AppDefinition, credentials: GitCredentials = .none) {
        self.definition = definition
        self.credentials = credentials
    }
}
