import CapstanModel

/// The JSON bodies sent to receivers; equal events always give equal bytes.
enum EventBody {
    /// The `generic` / `generic-hmac` body: `id`, `app`, `revision`, `reason`, `severity`, `message`,
    /// `timestamp` (RFC 3339 UTC with milliseconds), `metadata` (keys sorted), in this order.
    static func generic(_ event: AppEvent) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.string("id", event.id)
        json.string("app", event.app)
        json.string("revision", event.revision)
        json.string("reason", event.reason.rawValue)
        json.string("severity", event.severity.rawValue)
        json.string("message", event.message)
        json.string("timestamp", CapstanJSON.formatTimestamp(event.timestamp))
        json.beginObject("metadata")
        for key in event.metadata.keys.sorted() {
            json.string(key, event.metadata[key])
        }
        json.endObject()
        json.endObject()
        return json.bytes
    }

    /// The body for `kind`.
    static func body(_ event: AppEvent, for kind: NotificationProviderKind) -> [UInt8] {
        switch kind {
        case .generic, .genericHMAC: return generic(event)
        case .slack: return SlackMessage(event: event).body
        }
    }
}
