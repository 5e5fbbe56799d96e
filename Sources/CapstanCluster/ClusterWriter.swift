import CapstanModel

/// Changes objects in a cluster (controller-runtime's `client.Writer`).
///
/// Calls take batches so a backend can persist one batch in one transaction or send its requests in parallel;
/// results come back one per input, in order, so one bad object does not hide the outcome of the others.
public protocol ClusterWriter: Sendable {
    /// Creates each object, or replaces the user-set fields of the existing one (status and server-set
    /// metadata are kept), as `kubectl apply` of a whole manifest does.
    func apply(_ resources: [Resource]) async -> [Result<Resource, ClusterError>]
    /// A dry run of `apply`: every check runs (validation, admission, namespaces, immutable fields — for the
    /// batch as a whole, in order) and nothing is kept. One entry per input: nil when it would be accepted.
    func validate(_ resources: [Resource]) async -> [ClusterError?]
    /// Deletes each object; its dependents are garbage-collected through their owner references.
    /// Deleting an object that does not exist succeeds.
    func delete(_ keys: [ResourceKey]) async -> [Result<Void, ClusterError>]
}
