import CapstanCluster
import CapstanModel

/// A cluster backend that records when each read and write of the real one starts and ends.
struct TimedBackend: ClusterBackend {
    let base: any ClusterBackend
    let timeline: ReconcileTimeline

    var name: String { base.name }

    var kindSupport: KindSupport { base.kindSupport }

    func events() -> AsyncStream<ClusterEvent> { base.events() }

    func list(_ type: ResourceType, namespace: String?) async throws(ClusterError) -> [Resource] {
        try await base.list(type, namespace: namespace)
    }

    func get(_ keys: [ResourceKey]) async throws(ClusterError) -> [ResourceKey: Resource] {
        let start = timeline.begin()
        defer { timeline.record(.get, from: start) }
        return try await base.get(keys)
    }

    func apply(_ resources: [Resource]) async -> [Result<Resource, ClusterError>] {
        let start = timeline.begin()
        defer { timeline.record(.apply, from: start) }
        return await base.apply(resources)
    }

    func validate(_ resources: [Resource]) async -> [ClusterError?] {
        let start = timeline.begin()
        defer { timeline.record(.dryRun, from: start) }
        return await base.validate(resources)
    }

    func delete(_ keys: [ResourceKey]) async -> [Result<Void, ClusterError>] {
        let start = timeline.begin()
        defer { timeline.record(.delete, from: start) }
        return await base.delete(keys)
    }
}
