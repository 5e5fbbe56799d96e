/// How manifests are decoded.
public struct ManifestDecodingOptions: Sendable, Hashable {
    /// The namespace given to namespaced resources that do not name one.
    public var defaultNamespace: String
    /// At most this many problems are reported (all are counted).
    public var maximumProblems: Int
    /// Decode files on several threads when there is enough work.
    public var parallel: Bool

    public init(defaultNamespace: String = "default", maximumProblems: Int = 20, parallel: Bool = true) {
        self.defaultNamespace = defaultNamespace
        self.maximumProblems = maximumProblems
        self.parallel = parallel
    }
}
