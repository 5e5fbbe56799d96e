extension DockerEngine {
    /// Removes a local image by reference or ID (`force` also while stopped containers use it);
    /// `notFound` when absent, `conflict` while a container uses it.
    public func removeImage(_ reference: String, force: Bool = false) async throws(DockerError) {
        _ = try await call(
            "DELETE", "/images/\(DockerQuery.escape(reference, keeping: "/:@"))",
            query: [("force", force ? "true" : "false")], what: "remove image \(reference)")
    }
}
