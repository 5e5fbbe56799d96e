/// The branch a push moved, or why the push is not one Capstan deploys.
enum PushRef {
    /// The branch name for `ref`; 202-ignored for tags and other refs, 400 for an empty branch name.
    /// `bareIsBranch` treats a ref without `refs/` as a branch name (the generic format's `main`).
    static func branch(
        _ ref: String, field: String, bareIsBranch: Bool = false
    ) throws(WebhookRejection) -> Result<String, Ignored> {
        let ref = String(ref.trimmingSpaces)
        if ref.hasPrefix("refs/heads/") {
            let branch = String(ref.dropFirst("refs/heads/".count))
            guard !branch.isEmpty else { throw .badRequest("field \"\(field)\" names no branch: \"\(ref)\"") }
            return .success(branch)
        }
        if ref.hasPrefix("refs/tags/") {
            return .failure(Ignored("ref \(ref) is a tag; only branch pushes are deployed"))
        }
        if bareIsBranch, !ref.hasPrefix("refs/") {
            guard !ref.isEmpty else { throw .badRequest("field \"\(field)\" must not be empty") }
            return .success(ref)
        }
        guard !ref.isEmpty else { throw .badRequest("field \"\(field)\" must not be empty") }
        return .failure(Ignored("ref \(ref) is not a branch"))
    }

    /// True for an `after` of only zeros: the branch was deleted.
    static func isDeletion(_ after: String?) -> Bool {
        guard let after, !after.isEmpty else { return false }
        return after.allSatisfy { $0 == "0" }
    }

    /// A reason to ignore a delivery.
    struct Ignored: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
