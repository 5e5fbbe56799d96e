import CapstanModel

/// The `subsets` of a selector Service's Endpoints, built as Kubernetes' endpoints controller builds them: one
/// address per eligible pod (Ready ones in `addresses`, the others in `notReadyAddresses`), each Service port's
/// `targetPort` resolved per pod, then repacked so addresses offering the same ports share a subset.
struct EndpointSubsets: Sendable, Equatable {
    /// One address of a subset: a pod's IP and its reference.
    struct Address: Sendable, Hashable {
        var ip: String
        var nodeName: String
        var hostname: String?
        var podNamespace: String
        var podName: String
        var podUID: String

        var value: Value {
            var value: Value = [
                "ip": .string(ip),
                "targetRef": [
                    "kind": "Pod", "namespace": .string(podNamespace), "name": .string(podName),
                    "uid": .string(podUID),
                ],
            ]
            if !nodeName.isEmpty { value["nodeName"] = .string(nodeName) }
            if let hostname { value["hostname"] = .string(hostname) }
            return value
        }

        /// Kubernetes sorts addresses by IP (as text), then uid.
        static func order(_ a: Address, _ b: Address) -> Bool { (a.ip, a.podUID) < (b.ip, b.podUID) }
    }

    /// One port of a subset: the Service port's name and protocol with the pod's resolved number.
    struct Port: Sendable, Hashable {
        var name: String
        var port: Int
        var proto: String
        var appProtocol: String?

        var value: Value {
            var value: Value = ["port": .int(port), "protocol": .string(proto)]
            if !name.isEmpty { value["name"] = .string(name) }
            if let appProtocol { value["appProtocol"] = .string(appProtocol) }
            return value
        }

        static func order(_ a: Port, _ b: Port) -> Bool { (a.name, a.port, a.proto) < (b.name, b.port, b.proto) }
    }

    struct Subset: Sendable, Equatable {
        var addresses: [Address]
        var notReadyAddresses: [Address]
        var ports: [Port]

        var value: Value {
            var value: Value = [:]
            if !addresses.isEmpty { value["addresses"] = .array(addresses.map(\.value)) }
            if !notReadyAddresses.isEmpty { value["notReadyAddresses"] = .array(notReadyAddresses.map(\.value)) }
            if !ports.isEmpty { value["ports"] = .array(ports.map(\.value)) }
            return value
        }
    }

    var subsets: [Subset]

    /// The subsets for `service` over the pods its selector matches.
    init(service: Resource, pods: [Resource]) {
        let publishNotReady = service.spec?["publishNotReadyAddresses"]?.boolValue ?? false
        let servicePorts = service.spec?["ports"]?.arrayValue ?? []
        // Each port (nil: the no-ports sentinel of a headless Service) with the addresses offering it.
        var byPort: [Port?: [Address: Bool]] = [:]
        for pod in pods where pod.belongsInEndpoints(includeTerminating: publishNotReady) {
            guard let ip = pod.podIP else { continue }
            let address = Address(
                ip: ip, nodeName: pod.nodeName, hostname: Self.hostname(of: pod, for: service),
                podNamespace: pod.namespace, podName: pod.name, podUID: pod.uid)
            let ready = publishNotReady || pod.isPodReady
            if servicePorts.isEmpty {
                if service.isHeadlessService { byPort[nil, default: [:]][address, default: false] = ready }
                continue
            }
            for servicePort in servicePorts {
                guard let number = pod.containerPort(for: servicePort) else { continue }
                let port = Port(
                    name: servicePort["name"]?.stringValue ?? "", port: number,
                    proto: servicePort["protocol"]?.stringValue ?? "TCP",
                    appProtocol: servicePort["appProtocol"]?.stringValue)
                // An address both ready and not ready for one port counts as ready.
                let wasReady = byPort[port]?[address] ?? false
                byPort[port, default: [:]][address] = wasReady || ready
            }
        }
        // Ports offered by exactly the same addresses (with the same readiness) share a subset.
        var portsByAddresses: [[Address: Bool]: [Port]] = [:]
        for (port, addresses) in byPort {
            portsByAddresses[addresses, default: []].append(contentsOf: port.map { [$0] } ?? [])
        }
        subsets = portsByAddresses.map { addresses, ports in
            Subset(
                addresses: addresses.filter(\.value).map(\.key).sorted(by: Address.order),
                notReadyAddresses: addresses.filter { !$0.value }.map(\.key).sorted(by: Address.order),
                ports: ports.sorted(by: Port.order))
        }
        subsets.sort(by: Self.order)
    }

    /// The `subsets` field, nil when empty (the API omits it).
    var value: Value? { subsets.isEmpty ? nil : .array(subsets.map(\.value)) }

    var addressCount: Int { subsets.reduce(0) { $0 + $1.addresses.count + $1.notReadyAddresses.count } }

    /// Kubernetes' `ShouldSetHostname`: a pod with `hostname` whose `subdomain` names this Service.
    static func hostname(of pod: Resource, for service: Resource) -> String? {
        guard let hostname = pod.spec?["hostname"]?.stringValue, !hostname.isEmpty,
            pod.spec?["subdomain"]?.stringValue == service.name, pod.namespace == service.namespace
        else { return nil }
        return hostname
    }

    /// A stable order of subsets (Kubernetes orders them by a hash): by their ports, then first address.
    private static func order(_ a: Subset, _ b: Subset) -> Bool {
        let left = a.ports.map { "\($0.name)/\($0.port)/\($0.proto)" }
        let right = b.ports.map { "\($0.name)/\($0.port)/\($0.proto)" }
        if left != right { return left.lexicographicallyPrecedes(right) }
        let firstA = (a.addresses + a.notReadyAddresses).first?.ip ?? ""
        let firstB = (b.addresses + b.notReadyAddresses).first?.ip ?? ""
        return firstA < firstB
    }
}
