/// How a push that reached the remote ended for the branch: updated, or refused because the branch moved.
enum PushOutcome: Equatable {
    case pushed
    /// Another push changed the branch first; the reason is the remote's (or libgit2's) words.
    case branchMoved(String)

    /// The remote's `ng` reasons that mean the branch was not where we expected: git's receive-pack answers
    /// `failed to update ref` or `failed to lock` when its compare-and-swap loses, `fetch first` or
    /// `non-fast-forward` when it checks ancestry, `stale info` for a failed lease.
    static func isBranchMoved(_ reason: String) -> Bool {
        let reason = reason.lowercased()
        return [
            "non-fast-forward", "fetch first", "stale info", "failed to update ref", "failed to lock", "cannot lock",
        ]
        .contains { reason.contains($0) }
    }
}
