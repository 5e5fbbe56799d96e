import CapstanModel

/// One entry of `notifications:`: where events are sent, how, and which ones.
public struct NotificationConfiguration: Sendable, Hashable {
    public static let types = ["generic", "generic-hmac", "slack"]

    public var name: String
    /// `generic`, `generic-hmac` or `slack`.
    public var type: String
    /// Never shown in errors or logs (it may carry a token).
    public var url: String
    public var secret: SecretReference?
    /// nil: every event.
    public var events: Set<AppEventReason>?
    /// nil: every app.
    public var apps: Set<String>?
    /// nil: every severity; `error`: only errors.
    public var severity: AppEventSeverity?

    public init(
        name: String, type: String, url: String, secret: SecretReference? = nil, events: Set<AppEventReason>? = nil,
        apps: Set<String>? = nil, severity: AppEventSeverity? = nil
    ) {
        self.name = name
        self.type = type
        self.url = url
        self.secret = secret
        self.events = events
        self.apps = apps
        self.severity = severity
    }
}
