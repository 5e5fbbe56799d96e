import CapstanModel
import Crypto
import Foundation

/// The de-duplication key: equal for events with the same app, reason, revision and message.
enum EventDeduplication {
    static func key(for event: AppEvent) -> String {
        var hasher = SHA256()
        for part in [event.app, event.reason.rawValue, event.revision ?? "", event.message] {
            hasher.update(data: Data(part.utf8))
            hasher.update(data: Data([0]))
        }
        return HexText.lowercase(Array(hasher.finalize()))
    }
}
