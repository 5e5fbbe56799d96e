import CapstanCluster
import CapstanModel
import Foundation

/// How a simulated cluster is built: its nodes, how long pods take to start, and its random seed.
public struct SimulatedClusterOptions: Sendable {
    /// Image pull plus container start time of every pod.
    public var startDelay: Duration
    /// Nodes to create when the cluster has none yet (a restarted cluster keeps its stored nodes).
    public var nodes: [SimulatedNode]
    /// Seed of the generator behind names, uids and IPs: the same seed and inputs give the same cluster.
    public var seed: UInt64
    /// Simulated time of a new cluster; nil = the wall clock at creation.
    public var startTime: Date?
    /// Events kept; the oldest are dropped beyond this (Kubernetes expires them after an hour).
    public var maxEvents: Int
    /// Name of the cluster in the state store.
    public var name: String
    /// How long pods stay on a node that is not ready or unreachable before they are evicted (the
    /// DefaultTolerationSeconds admission plugin's 300 s unless set).
    public var defaultTolerationSeconds: Int
    /// When set, every new Service's cluster IP is this address rather than one from 10.96.0.0/16: the Docker
    /// backend serves all Services on one host address, told apart by port (docs/docker-backend.md).
    public var sharedServiceAddress: String?
    /// The kinds the backend built on this cluster runs (`SimulatedCluster.kindSupport`): every kind for the
    /// simulated backend; the Docker backend's control plane declares its own.
    public var kindSupport: KindSupport

    public init(
        startDelay: Duration = .seconds(2), nodes: [SimulatedNode] = SimulatedNode.defaults(count: 3),
        seed: UInt64 = 1, startTime: Date? = nil, maxEvents: Int = 2000, name: String = "simulated",
        defaultTolerationSeconds: Int = 300, sharedServiceAddress: String? = nil,
        kindSupport: KindSupport = .everything
    ) {
        self.sharedServiceAddress = sharedServiceAddress
        self.kindSupport = kindSupport
        self.defaultTolerationSeconds = defaultTolerationSeconds
        self.startDelay = startDelay
        self.nodes = nodes
        self.seed = seed
        self.startTime = startTime
        self.maxEvents = maxEvents
        self.name = name
    }
}

/// A node of the simulated cluster: its capacity, labels and taints.
public struct SimulatedNode: Sendable, Hashable {
    public var name: String
    public var cpu: Quantity
    public var memory: Quantity
    public var pods: Int
    public var labels: [String: String]
    public var taints: [Taint]

    public init(
        name: String, cpu: Quantity = Quantity("4")!, memory: Quantity = Quantity("8Gi")!, pods: Int = 110,
        labels: [String: String] = [:], taints: [Taint] = []
    ) {
        self.name = name
        self.cpu = cpu
        self.memory = memory
        self.pods = pods
        self.labels = labels
        self.taints = taints
    }

    /// `count` identical nodes named `node-1` … `node-N`.
    public static func defaults(
        count: Int, cpu: Quantity = Quantity("4")!, memory: Quantity = Quantity("8Gi")!,
        pods: Int = 110
    ) -> [SimulatedNode] {
        (1...max(count, 1)).map { SimulatedNode(name: "node-\($0)", cpu: cpu, memory: memory, pods: pods) }
    }

    /// A node taint.
    public struct Taint: Sendable, Hashable {
        public var key: String
        public var value: String
        /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
        public var effect: String

        public init(key: String, value: String = "", effect: String) {
            self.key = key
            self.value = value
            self.effect = effect
        }

        var asValue: Value {
            var value: Value = ["key": .string(key), "effect": .string(effect)]
            if !self.value.isEmpty { value["value"] = .string(self.value) }
            return value
        }
    }
}
