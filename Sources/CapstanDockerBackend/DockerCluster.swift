import CapstanCluster
import CapstanDocker
import CapstanHTTPClient
import CapstanModel
import CapstanProxy
import CapstanSimulator
import CapstanStore
import Foundation
import Logging

/// The Docker backend (docs/docker-backend.md): the control plane — the simulated cluster's API server,
/// controllers and scheduler, on the wall clock, stored under its own name — with one `DockerNodeAgent` per
/// daemon as the kubelet of its node. `control` is the `ClusterBackend` apps sync to.
public final class DockerCluster: Sendable {
    public let control: SimulatedCluster
    public let agents: [DockerNodeAgent]
    /// The kube-proxy of this backend: a listener per Service port on `options.serviceAddress`.
    public let proxy: ServiceProxy
    let ports: PortAllocator
    let logger: Logger
    let options: DockerBackendOptions

    /// Opens the control plane stored in `store` with one node per daemon. A daemon's capacity (CPUs, memory)
    /// is read from `GET /info`; a daemon that does not answer is logged, gets a default capacity (4 CPUs, 8 GiB)
    /// and is marked failed by its agent. An endpoint that is not a Docker URL is an error naming it.
    public static func open(
        _ options: DockerBackendOptions, store: StateStore?, logger: Logger
    ) async throws -> DockerCluster {
        var nodes: [SimulatedNode] = []
        var engines: [(DockerHost, DockerEngine)] = []
        for host in options.hosts {
            try checkReadable(host)
            let engine = try DockerEngine(host.endpoint, tls: host.tls)
            var cpu = Quantity(milliValue: 4000)
            var memory = Quantity(milliValue: 8 << 40)
            do {
                let info = try await engine.info()
                cpu = Quantity(milliValue: Int64(info.cpus) * 1000)
                memory = Quantity(milliValue: Int64(info.memoryBytes) * 1000)
            } catch {
                // Not fatal: its agent marks the node failed after a few passes and recovers it when it answers.
                logger.error(
                    "docker daemon of node \(host.name) does not answer at \(host.endpoint): \(error.message)")
            }
            nodes.append(
                SimulatedNode(
                    name: host.name, cpu: cpu, memory: memory, pods: 250, labels: ["capstan.io/runtime": "docker"]))
            engines.append((host, engine))
        }
        let control = try SimulatedCluster(
            options: SimulatedClusterOptions(
                // A random seed: names and uids become container names and labels on a daemon that other Capstan
                // installations may share; the wall-clock control plane has nothing to replay.
                nodes: nodes, seed: UInt64.random(in: 1...UInt64.max), name: options.name,
                defaultTolerationSeconds: Int(options.podEvictionTimeout.components.seconds),
                sharedServiceAddress: options.serviceAddress, kindSupport: kindSupport), store: store)
        let ports = PortAllocator(range: options.portRange)
        let http = CurlHTTPClient(configuration: HTTPClientConfiguration(connectTimeout: .seconds(1)))
        let agents = engines.map { host, engine in
            DockerNodeAgent(
                node: host.name, engine: engine, cluster: control, ports: ports,
                hostIP: Self.address(of: host.endpoint), serviceAddress: options.serviceAddress, http: http,
                logger: logger, settings: options.agentSettings)
        }
        return DockerCluster(
            control: control, agents: agents, proxy: ServiceProxy(logger: logger), ports: ports, logger: logger,
            options: options)
    }

    private init(
        control: SimulatedCluster, agents: [DockerNodeAgent], proxy: ServiceProxy, ports: PortAllocator,
        logger: Logger, options: DockerBackendOptions
    ) {
        self.control = control
        self.agents = agents
        self.proxy = proxy
        self.ports = ports
        self.logger = logger
        self.options = options
    }

    /// Runs the control plane's clock, every node agent and the service proxy until the task is cancelled.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.control.runRealTime(clock: ContinuousClock(), timeScale: 1) }
            group.addTask {
                await ServiceProxyController(
                    cluster: self.control, proxy: self.proxy, ports: self.ports, address: self.options.serviceAddress,
                    logger: self.logger
                ).run()
            }
            for agent in agents {
                group.addTask { await agent.run(driftInterval: self.options.driftInterval) }
            }
            await group.waitForAll()
        }
    }

    /// A host's TLS files must be readable at start: a missing key is a configuration error, not a daemon that
    /// does not answer.
    static func checkReadable(_ host: DockerHost) throws(DockerError) {
        guard let tls = host.tls else { return }
        for (name, path) in [("caFile", tls.caFile), ("certFile", tls.certFile), ("keyFile", tls.keyFile)]
        where !FileManager.default.isReadableFile(atPath: path) {
            throw DockerError(
                kind: .invalidEndpoint, what: "use Docker host \(host.name) (\(host.endpoint))",
                message: "its \(name) \(path) cannot be read", isRetryable: false)
        }
    }

    /// Where the pods of a daemon are reached: 127.0.0.1 for a unix socket, else the tcp host.
    static func address(of endpoint: String) -> String {
        guard endpoint.hasPrefix("tcp://"), let host = URL(string: endpoint)?.host, !host.isEmpty else {
            return "127.0.0.1"
        }
        return host
    }
}
