import CapstanCluster
import CapstanModel
import CapstanProxy
import CapstanSimulator
import Logging

/// Keeps the service proxy's listeners in step with the control plane's Services, Endpoints and pods: the
/// kube-proxy of the Docker backend. A listener that cannot bind (a port taken by another program or Service)
/// is logged as a warning naming the Service, and the others keep working.
struct ServiceProxyController: Sendable {
    let cluster: SimulatedCluster
    let proxy: ServiceProxy
    let ports: PortAllocator
    let address: String
    let logger: Logger

    func run() async {
        let wake = WakeSignal()
        let watch = Task { [cluster] in
            for await event in cluster.events()
            where ["Service", "Endpoints", "Pod"].contains(event.key.kind) && event.key.group.isEmpty {
                await wake.signal()
            }
        }
        defer { watch.cancel() }
        var last: [ProxyListener]?
        while !Task.isCancelled {
            if let listeners = try? await desired(), listeners != last {
                do {
                    try await proxy.update(listeners)
                } catch {
                    logger.warning("service proxy: \(error)")
                }
                last = listeners
            }
            await wake.wait(timeout: .seconds(5))
        }
        await proxy.shutdown()
    }

    func desired() async throws(ClusterError) -> [ProxyListener] {
        let services = try await cluster.list(ResourceTypes.service, namespace: nil)
        let endpoints = try await cluster.list(ResourceTypes.endpoints, namespace: nil)
        let pods = try await cluster.list(ResourceTypes.pod, namespace: nil)
        return ProxyListeners.build(
            services: services.filter { !($0.namespace == "default" && $0.name == "kubernetes") },
            endpoints: endpoints, pods: pods, podPort: { ports.existingPort(for: $0) }, address: address)
    }
}
