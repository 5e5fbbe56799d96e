import CapstanModel

/// A Slack incoming-webhook message: a readable `text` line plus one coloured attachment with the
/// revision, the metadata and the event id.
struct SlackMessage {
    let event: AppEvent

    /// `:white_check_mark: *shop* SyncSucceeded at `1a2b3c4`: synced 3 resources`.
    var text: String {
        let revision = event.revision.map { " at `\(Self.escape(String($0.prefix(7))))`" } ?? ""
        return "\(icon) *\(Self.escape(event.app))* \(event.reason.rawValue)\(revision): \(Self.escape(event.message))"
    }

    var body: [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.string("text", text)
        json.beginArray("attachments")
        json.beginObject()
        json.string("color", event.severity == .error ? "danger" : "good")
        json.string("fallback", text)
        json.beginArray("fields")
        if let revision = event.revision { field(&json, "Revision", revision) }
        field(&json, "Severity", event.severity.rawValue)
        for key in event.metadata.keys.sorted() {
            field(&json, key, event.metadata[key] ?? "")
        }
        json.endArray()
        json.string("footer", "Capstan · event \(event.id) · \(CapstanJSON.formatTimestamp(event.timestamp))")
        json.endObject()
        json.endArray()
        json.endObject()
        return json.bytes
    }

    private var icon: String {
        switch event.reason {
        case .syncSucceeded: return ":white_check_mark:"
        case .syncFailed, .sourceError: return ":x:"
        case .healthDegraded: return ":warning:"
        case .healthRecovered: return ":green_heart:"
        case .rolloutCompleted: return ":rocket:"
        case .rollbackPerformed: return ":rewind:"
        case .driftCorrected: return ":wrench:"
        }
    }

    private func field(_ json: inout JSONWriter, _ title: String, _ value: String) {
        json.beginObject()
        json.string("title", Self.escape(title))
        json.string("value", Self.escape(value))
        json.bool("short", value.count <= 40)
        json.endObject()
    }

    /// Slack's mrkdwn control characters: `&`, `<`, `>`.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
