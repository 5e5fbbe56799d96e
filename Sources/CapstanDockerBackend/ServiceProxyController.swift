import CapstanCluster
import CapstanModel
import CapstanProxy
import CapstanSimulator
import Logging

/// Keeps the service proxy's listeners in step with the control plane's Services, Endpoints and pods: the
/// kube-proxy of the Docker backend. Two Services with the same port on the proxy address: the later one is
/// not served and gets a Warning event `PortInUse` (served once the port is free). A listener that cannot bind
/// (a port taken by another program) gets the same event, is logged, and is tried again; the others keep working.
struct ServiceProxyController: Sendable {
    let cluster: SimulatedCluster
    let proxy: ServiceProxy
    let ports: PortAllocator
    let address: String
    let logger: Logger

    func run() async {
        let wake = WakeSignal()
        let changes = cluster.events()
        let watch = Task {
            for await event in changes
            where ["Service", "Endpoints", "Pod"].contains(event.key.kind) && event.key.group.isEmpty {
                await wake.signal()
            }
        }
        defer { watch.cancel() }
        var last: [ProxyListener]?
        var clashing: Set<PortClash> = []
        var failing: Set<String> = []
        while !Task.isCancelled {
            if let (listeners, services) = try? await desired() {
                let serving = Set(last?.map(\.name) ?? [])
                let resolved = ProxyListeners.resolveClashes(listeners, services: services, serving: serving)
                await report(Set(resolved.clashes), previously: &clashing)
                if resolved.served != last {
                    do {
                        try await proxy.update(resolved.served)
                        last = resolved.served
                        failing = []
                    } catch {
                        await report(error, services: services, failing: &failing)
                        last = nil  // tried again on the next round
                    }
                }
            }
            await wake.wait(timeout: .seconds(5))
        }
        await proxy.shutdown()
    }

    func desired() async throws(ClusterError) -> (listeners: [ProxyListener], services: [Resource]) {
        let services = try await cluster.list(ResourceTypes.service, namespace: nil).filter {
            !($0.namespace == "default" && $0.name == "kubernetes")
        }
        let endpoints = try await cluster.list(ResourceTypes.endpoints, namespace: nil)
        let pods = try await cluster.list(ResourceTypes.pod, namespace: nil)
        let listeners = ProxyListeners.build(
            services: services, endpoints: endpoints, pods: pods, podPort: { ports.existingPort(for: $0) },
            address: address)
        return (listeners, services)
    }

    /// A Warning event and a log line for each new clash; a log line for each clash that is over.
    func report(_ clashes: Set<PortClash>, previously: inout Set<PortClash>) async {
        for clash in clashes.subtracting(previously).sorted(by: { $0.listener < $1.listener }) {
            logger.warning("service proxy: Service \(clash.service.namespace)/\(clash.service.name): \(clash.message)")
            try? await cluster.recordEvent(
                about: clash.service, .init(isWarning: true, reason: "PortInUse", message: clash.message))
        }
        for clash in previously.subtracting(clashes) where !clashes.contains(where: { $0.listener == clash.listener }) {
            logger.notice("service proxy: \(clash.listener) has port \(clash.port) on \(clash.host) now")
        }
        previously = clashes
    }

    /// A Warning event and a log line for each listener that newly fails to bind.
    func report(_ error: ProxyError, services: [Resource], failing: inout Set<String>) async {
        let failures = [error] + error.moreFailures
        for failure in failures where !failing.contains(failure.listener) {
            logger.warning("\(failure)")
            let id = failure.listener.split(separator: ":").dropLast().joined(separator: ":")
            guard let service = services.first(where: { "\($0.namespace)/\($0.name)" == id }) else { continue }
            let message = "Cannot listen on \(failure.host):\(failure.port): \(failure.detail)"
            try? await cluster.recordEvent(
                about: service.key, .init(isWarning: true, reason: "PortInUse", message: message))
        }
        failing = Set(failures.map(\.listener))
    }
}
