/// Printing a provider never shows its URL or secret.
extension NotificationProvider: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `ops (generic-hmac, http://127.0.0.1:9000/…)`.
    public var description: String { "\(name) (\(kind.rawValue), \(redactedURL))" }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "name": name, "kind": kind, "url": redactedURL, "secret": secret == nil ? "none" : "<redacted>",
                "events": events as Any, "apps": apps as Any, "minimumSeverity": minimumSeverity as Any,
            ], displayStyle: .struct)
    }
}
