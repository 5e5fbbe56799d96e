import CapstanCluster
import CapstanModel

/// The cluster's DNS (CoreDNS's kubernetes plugin over the `cluster.local` zone), answered from the stored
/// Services and Endpoints as a pod with `dnsPolicy: ClusterFirst` sees it: relative names go through the search
/// path `NS.svc.cluster.local svc.cluster.local cluster.local` with `ndots:5`. Addresses exist only inside the
/// simulation.
struct ClusterDNS {
    static let zone = "cluster.local"
    /// A name with at least this many dots is tried as is before the search path (resolv.conf `ndots`).
    static let ndots = 5
    /// CNAME hops followed at most (ExternalName Services pointing into the cluster).
    static let maxAliases = 8

    let store: ObjectStore

    /// The A records `name` resolves to for a pod in `namespace`, empty when it resolves to nothing.
    func addresses(of name: String, from namespace: String) -> [String] {
        var name = name.lowercased()
        let absolute = name.hasSuffix(".")
        if absolute { name.removeLast() }
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("..") else { return [] }
        let search = ["\(namespace).svc.\(Self.zone)", "svc.\(Self.zone)", Self.zone].map { "\(name).\($0)" }
        let dots = name.reduce(0) { $0 + ($1 == "." ? 1 : 0) }
        let candidates = absolute ? [name] : dots >= Self.ndots ? [name] + search : search + [name]
        for candidate in candidates {
            let found = lookup(candidate, depth: 0)
            if !found.isEmpty { return found }
        }
        return []
    }

    /// The records of one fully qualified name.
    private func lookup(_ fqdn: String, depth: Int) -> [String] {
        guard depth <= Self.maxAliases, fqdn.hasSuffix(".\(Self.zone)") else { return [] }
        let labels = fqdn.dropLast(Self.zone.count + 1).split(separator: ".", omittingEmptySubsequences: false)
            .map(String.init)
        switch labels.count {
        case 3 where labels[2] == "svc":
            return serviceRecords(namespace: labels[1], name: labels[0], depth: depth)
        case 4 where labels[3] == "svc":
            return endpointHostRecords(namespace: labels[2], service: labels[1], host: labels[0])
        case 3 where labels[2] == "pod":
            // `1-2-3-4.NS.pod.cluster.local` (CoreDNS's `pods insecure` mode, kubeadm's default).
            return Self.dashedIPv4(labels[0]).map { [$0] } ?? []
        default:
            return []
        }
    }

    /// `NAME.NS.svc`: the cluster IP; a headless Service's ready endpoint addresses; an ExternalName's target
    /// when it lies inside the cluster zone (anything outside the simulation resolves to nothing).
    private func serviceRecords(namespace: String, name: String, depth: Int) -> [String] {
        guard let service = store[ResourceKey(group: "", kind: "Service", namespace: namespace, name: name)] else {
            return []
        }
        if service.serviceType == "ExternalName" {
            guard var target = service.spec?["externalName"]?.stringValue?.lowercased() else { return [] }
            if target.hasSuffix(".") { target.removeLast() }
            return lookup(target, depth: depth + 1)
        }
        if service.isHeadlessService {
            return Array(Set(readyAddresses(namespace: namespace, service: name).map(\.ip))).sorted()
        }
        return ServiceLinkEnvironment.hasClusterIP(service) ? [service.spec!["clusterIP"]!.stringValue!] : []
    }

    /// `HOST.NAME.NS.svc` of a headless Service: the ready address whose `hostname` is HOST (a pod with
    /// `hostname` and `subdomain: NAME`, e.g. a StatefulSet's `web-0.web`), or whose IP written with dashes is HOST.
    private func endpointHostRecords(namespace: String, service name: String, host: String) -> [String] {
        guard let service = store[ResourceKey(group: "", kind: "Service", namespace: namespace, name: name)],
            service.isHeadlessService
        else { return [] }
        let matching = readyAddresses(namespace: namespace, service: name).filter {
            $0.hostname == host || $0.ip.replacingDots() == host
        }
        return Array(Set(matching.map(\.ip))).sorted()
    }

    private func readyAddresses(namespace: String, service: String) -> [(ip: String, hostname: String?)] {
        let key = ResourceKey(group: "", kind: "Endpoints", namespace: namespace, name: service)
        return (store[key]?.value["subsets"]?.arrayValue ?? []).flatMap { subset in
            (subset["addresses"]?.arrayValue ?? []).compactMap { address in
                address["ip"]?.stringValue.map { ($0, address["hostname"]?.stringValue) }
            }
        }
    }

    private static func dashedIPv4(_ label: String) -> String? {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil && $0.count <= 3 }) else { return nil }
        return parts.joined(separator: ".")
    }
}

extension String {
    fileprivate func replacingDots() -> String { String(map { $0 == "." ? "-" : $0 }) }
}
