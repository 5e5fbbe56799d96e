import CapstanConfig
import CapstanCore
import CapstanDocker
import CapstanDockerBackend
import CapstanGit
import CapstanModel
import CapstanSimulator
import Foundation
import Logging

extension ServiceSettings {
    /// The settings a configuration file describes; reads password files now so a missing one stops start-up.
    public init(configuration: CapstanConfiguration) throws {
        self.init(
            host: configuration.server.listen.host,
            port: configuration.server.listen.port,
            stateDirectory: configuration.stateDirectory,
            simulated: SimulatedClusterOptions(
                startDelay: configuration.simulated.startDelay,
                nodes: configuration.simulated.nodes.map(SimulatedNode.init)),
            timeScale: configuration.simulated.timeScale,
            apps: try configuration.apps.map(AppSettings.init),
            logLevel: Logger.Level(rawValue: configuration.logLevel.rawValue) ?? .info)
        webhooks = configuration.webhooks
        committer = configuration.committer
        notifications = configuration.notifications
        encryptionKeyFile = configuration.encryptionKeyFile
        docker = configuration.docker.map(DockerBackendOptions.init)
    }
}

extension AppSettings {
    init(_ app: AppConfiguration) throws {
        self.init(
            definition: AppDefinition(
                name: app.name, source: AppSource(repo: app.repo, ref: app.ref, path: app.path),
                namespace: app.namespace, interval: app.interval, prune: app.prune, selfHeal: app.selfHeal,
                autoSync: app.autoSync, backend: app.backend.rawValue, autoRollback: app.autoRollback),
            credentials: try Self.credentials(app))
    }

    private static func credentials(_ app: AppConfiguration) throws -> GitCredentials {
        guard let credentials = app.credentials else { return .none }
        if let keyFile = credentials.sshKeyFile {
            return .sshKey(
                privateKeyFile: keyFile, knownHostsFile: credentials.knownHostsFile,
                username: credentials.username)
        }
        var password = credentials.password
        if let file = credentials.passwordFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ServiceError("app \(app.name): cannot read credentials.passwordFile \(file)")
            }
            password = text.trimmingCharacters(in: .newlines)
        }
        guard let password else { return .none }
        return .password(username: credentials.username ?? "git", password: password)
    }
}

extension SimulatedNode {
    init(_ node: SimulatedNodeConfiguration) {
        self.init(
            name: node.name, cpu: node.cpu,
            memory: node.memory, pods: node.pods, labels: node.labels,
            taints: node.taints.map { Taint(key: $0.key, value: $0.value, effect: $0.effect.rawValue) })
    }
}

extension CapstanServerApp {
    /// `capstan serve --config FILE`: load the configuration, build, run until a signal.
    public static func run(configPath: String) async throws {
        let configuration: CapstanConfiguration
        do {
            configuration = try CapstanConfiguration.load(path: configPath)
        } catch {
            throw ServiceError("invalid configuration:\n\(error.description)")
        }
        let settings = try ServiceSettings(configuration: configuration)
        let level = settings.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "capstan")
        let app = try await build(settings, logger: logger)
        try await app.run { host, port in
            logger.notice(
                "Capstan API listening on http://\(host.contains(":") ? "[\(host)]" : host):\(port)",
                metadata: ["apps": .string(settings.apps.map(\.definition.name).joined(separator: ","))])
        }
    }
}

extension DockerBackendOptions {
    init(_ docker: DockerConfiguration) {
        self.init(
            hosts: docker.hosts.map { host in
                let tls = host.caFile.flatMap { ca in
                    host.certFile.flatMap { cert in
                        host.keyFile.map { DockerTLSFiles(caFile: ca, certFile: cert, keyFile: $0) }
                    }
                }
                return DockerHost(name: host.name, endpoint: host.host, tls: tls)
            }, serviceAddress: docker.serviceAddress, portRange: docker.portRange,
            driftInterval: docker.driftCheckInterval, podEvictionTimeout: docker.podEvictionTimeout,
            volumeDirectory: docker.volumeDirectory, pruneVolumes: docker.pruneVolumes)
    }
}
