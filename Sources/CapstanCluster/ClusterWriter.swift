import CapstanModel

/// Changes objects in a cluster (controller-runtime's `client.Writer`).
///
/// Calls take batches so a backend can persist one batch in one transaction or send its requests in parallel;
/// results come back one per input, in order, so one bad object does not hide the outcome of the others.
public protocol ClusterWriter: Sendable {
    /// Creates each object, or replaces the user-set fields of the existing one (status and server-set
    /// metadata are kept), as `kubectl apply` of a whole manifest does. With `dryRun`, every check runs
    /// (validation, admission, namespaces, immutable fields — for the batch as a whole) and nothing is kept.
    func apply(_ resources: [Resource], dryRun: Bool) async -> [Result<Resource, ClusterError>]
    /// Deletes each object; its dependents are garbage-collected through their owner references.
    /// Deleting an object that does not exist succeeds.
    func delete(_ keys: [ResourceKey]) async -> [Result<Void, ClusterError>]
}

extension ClusterWriter {
    /// Creates or updates each object for real.
    public func apply(_ resources: [Resource]) async -> [Result<Resource, ClusterError>] {
        await apply(resources, dryRun: false)
    }
}
