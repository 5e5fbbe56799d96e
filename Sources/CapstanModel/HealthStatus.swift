/// The health of a resource or an app (gitops-engine's states).
public enum HealthStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case healthy = "Healthy"
    case progressing = "Progressing"
    case degraded = "Degraded"
    case suspended = "Suspended"
    case missing = "Missing"
    case unknown = "Unknown"

    /// Rank from best to worst, as gitops-engine orders them: an app is as healthy as its worst resource.
    public var severity: Int {
        switch self {
        case .healthy: return 0
        case .suspended: return 1
        case .progressing: return 2
        case .missing: return 3
        case .degraded: return 4
        case .unknown: return 5
        }
    }

    /// True when `self` is worse than `other`.
    public func isWorse(than other: HealthStatus) -> Bool { severity > other.severity }
}

/// A health status with the reason behind it.
public struct HealthAssessment: Sendable, Hashable, Codable {
    public var status: HealthStatus
    public var message: String

    public init(_ status: HealthStatus, _ message: String = "") {
        self.status = status
        self.message = message
    }

    public static let healthy = HealthAssessment(.healthy)
}
