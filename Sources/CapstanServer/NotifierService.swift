import CapstanConfig
import CapstanHTTPClient
import CapstanModel
import CapstanNotifications
import CapstanStore
import Logging
import ServiceLifecycle

/// Runs the notifier's delivery workers inside the service group; stops with graceful shutdown.
struct NotifierService: Service {
    let notifier: Notifier

    func run() async throws { await cancelWhenGracefulShutdown { await notifier.run() } }

    /// The notifier for the configured providers (secret files are read now, so a missing one stops start-up).
    static func notifier(
        _ configurations: [NotificationConfiguration], settings: NotifierSettings, store: StateStore, logger: Logger
    ) throws -> Notifier {
        let providers = try configurations.map { configuration in
            guard let kind = NotificationProviderKind(rawValue: configuration.type) else {
                throw ServiceError("notification \(configuration.name): unknown type \(configuration.type)")
            }
            return try NotificationProvider(
                name: configuration.name, kind: kind, url: configuration.url,
                secret: try configuration.secret?.read(for: "notification \(configuration.name)"),
                events: configuration.events, apps: configuration.apps, minimumSeverity: configuration.severity)
        }
        return try Notifier(
            providers: providers, store: store, client: CurlHTTPClient(), settings: settings, logger: logger)
    }
}
