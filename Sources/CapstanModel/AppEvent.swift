import Foundation

/// Something that happened to an app that people may want to hear about (the notification events).
/// The reconciler emits them; the notifier filters, de-duplicates, stores and delivers them.
public struct AppEvent: Sendable, Hashable, Codable {
    /// Unique and stable: a retried delivery carries the same id, so receivers can de-duplicate.
    public var id: String
    public var app: String
    /// The commit the event is about (full id), when there is one.
    public var revision: String?
    public var reason: AppEventReason
    public var severity: AppEventSeverity
    /// One readable line; never contains Secret values.
    public var message: String
    public var timestamp: Date
    /// Extra facts: `trigger`, `author`, `changes`, `health`, `durationMs`, `from`, `to`, …
    public var metadata: [String: String]

    public init(
        id: String = UUID().uuidString.lowercased(), app: String, revision: String?, reason: AppEventReason,
        severity: AppEventSeverity? = nil, message: String, timestamp: Date = Date(), metadata: [String: String] = [:]
    ) {
        self.id = id
        self.app = app
        self.revision = revision
        self.reason = reason
        self.severity = severity ?? reason.defaultSeverity
        self.message = message
        self.timestamp = timestamp
        self.metadata = metadata
    }
}

/// The notification event reasons.
public enum AppEventReason: String, Sendable, Hashable, Codable, CaseIterable {
    case syncSucceeded = "SyncSucceeded"
    case syncFailed = "SyncFailed"
    case healthDegraded = "HealthDegraded"
    case healthRecovered = "HealthRecovered"
    case rolloutCompleted = "RolloutCompleted"
    case rollbackPerformed = "RollbackPerformed"
    case driftCorrected = "DriftCorrected"
    case sourceError = "SourceError"

    /// `error` for failures and degradations, `info` otherwise.
    public var defaultSeverity: AppEventSeverity {
        switch self {
        case .syncFailed, .healthDegraded, .sourceError: return .error
        default: return .info
        }
    }
}

/// How serious an event is.
public enum AppEventSeverity: String, Sendable, Hashable, Codable, CaseIterable {
    case info
    case error
}

/// Where the reconciler sends its events (the notifier in the service; nothing in tools and benchmarks).
public protocol AppEventSink: Sendable {
    /// Accepts an event; must not block the caller on delivery.
    func publish(_ event: AppEvent) async
}
