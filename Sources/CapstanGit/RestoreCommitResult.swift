/// What `commitRestoringPath` did: the commit now at the branch head, and the head it was built on.
public struct RestoreCommitResult: Sendable, Hashable {
    /// The pushed commit; when `unchanged`, the existing head.
    public var commit: String
    /// The branch head the commit was made on; when `unchanged`, equal to `commit`.
    public var parent: String
    /// True when the head already had that content at the path: nothing was committed or pushed.
    public var unchanged: Bool

    public init(commit: String, parent: String, unchanged: Bool) {
        self.commit = commit
        self.parent = parent
        self.unchanged = unchanged
    }
}
