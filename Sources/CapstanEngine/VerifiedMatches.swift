import CapstanModel

/// Resources a plan found in sync, by the desired hash and the live object's resourceVersion at that time.
/// Given to the next plan, an object whose hash and resourceVersion are still the same is known to match
/// without walking it again (a live object cannot change without a new resourceVersion).
public struct VerifiedMatches: Sendable, Hashable {
    struct Match: Sendable, Hashable {
        var hash: String
        var resourceVersion: String
    }

    var matches: [ResourceKey: Match]

    public init() { matches = [:] }

    init(matches: [ResourceKey: Match]) { self.matches = matches }

    public var count: Int { matches.count }

    /// True when `live` is the very object version that matched this desired hash before.
    func stillMatches(_ key: ResourceKey, hash: String, live: Resource) -> Bool {
        guard let match = matches[key], match.hash == hash else { return false }
        let version = live.resourceVersion
        return !version.isEmpty && version == match.resourceVersion
    }
}
