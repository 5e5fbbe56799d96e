import CapstanModel

/// One configured receiver of notifications: where to send, how, and which events it wants.
///
/// `url` and `secret` are credentials (Slack URLs carry a token): `description` and `dump` hide them,
/// and errors and logs only ever show `redactedURL`.
public struct NotificationProvider: Sendable, Hashable {
    /// Unique among providers; names the provider in the outbox, logs and the API.
    public let name: String
    public let kind: NotificationProviderKind
    /// The absolute `http://` or `https://` URL to POST to.
    public let url: String
    /// The HMAC key for `generic-hmac` (required there, ignored otherwise).
    public let secret: [UInt8]?
    /// Only these reasons; nil means all.
    public let events: Set<AppEventReason>?
    /// Only events of these apps; nil means all.
    public let apps: Set<String>?
    /// Only events of this severity or worse; nil means all.
    public let minimumSeverity: AppEventSeverity?

    /// Checks the settings: a non-empty name, an http(s) URL, and a secret for `generic-hmac`.
    public init(
        name: String, kind: NotificationProviderKind, url: String, secret: [UInt8]? = nil,
        events: Set<AppEventReason>? = nil, apps: Set<String>? = nil, minimumSeverity: AppEventSeverity? = nil
    ) throws(NotificationConfigurationError) {
        guard !name.isEmpty, !name.contains(where: { $0.isNewline }) else {
            throw NotificationConfigurationError(provider: name, "the name must be non-empty and on one line")
        }
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"),
            ProviderURL.parts(of: url).map({ !$0.authority.isEmpty }) == true
        else {
            throw NotificationConfigurationError(
                provider: name, "url \(ProviderURL.redacted(url)) must be an absolute http:// or https:// URL")
        }
        if kind == .genericHMAC && (secret ?? []).isEmpty {
            throw NotificationConfigurationError(provider: name, "type generic-hmac needs a non-empty secret")
        }
        self.name = name
        self.kind = kind
        self.url = url
        self.secret = secret
        self.events = events
        self.apps = apps
        self.minimumSeverity = minimumSeverity
    }

    /// True when this provider wants `event` (every filter that is set must accept it).
    public func matches(_ event: AppEvent) -> Bool {
        if let events, !events.contains(event.reason) { return false }
        if let apps, !apps.contains(event.app) { return false }
        if let minimumSeverity, event.severity.rank < minimumSeverity.rank { return false }
        return true
    }

    /// The URL without user-info, path or query (`https://hooks.slack.com/…`), safe for logs.
    public var redactedURL: String { ProviderURL.redacted(url) }
}

extension AppEventSeverity {
    /// Orders severities: `info` < `error`.
    var rank: Int {
        switch self {
        case .info: return 0
        case .error: return 1
        }
    }
}
