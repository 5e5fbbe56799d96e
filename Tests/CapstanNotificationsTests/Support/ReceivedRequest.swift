import Foundation

/// One request the receiver recorded, with the exact body bytes.
struct ReceivedRequest: Sendable {
    var sequence: Int
    var path: String
    /// What the receiver answered.
    var status: Int
    /// Header names lower-cased.
    var headers: [String: String]
    var body: [UInt8]
    /// The receiver's own HMAC check (nil when it was started without a secret).
    var signatureValid: Bool?

    var eventID: String? { headers["x-capstan-event-id"] }

    var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed by Foundation, for field checks.
    func jsonObject() -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// Parses one line of the receiver's records file.
    init?(line: Substring) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
            let sequence = object["n"] as? Int, let path = object["path"] as? String,
            let status = object["status"] as? Int, let headers = object["headers"] as? [String: String],
            let encoded = object["body"] as? String, let body = Data(base64Encoded: encoded)
        else { return nil }
        self.sequence = sequence
        self.path = path
        self.status = status
        self.headers = headers
        self.body = Array(body)
        signatureValid = object["signatureValid"] as? Bool
    }
}
