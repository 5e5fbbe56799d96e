/// An error that says whether trying again can help (fluxcd's Stalling vs Waiting).
public protocol ClassifiedError: Error, CustomStringConvertible, Sendable {
    /// True when the same attempt may succeed later (network, lock, transient backend state);
    /// false when only a change of input (a new commit, a config fix) can help.
    var isRetryable: Bool { get }
}
