import Foundation

/// One request the receiver recorded, with the exact body bytes.
public struct ReceivedRequest: Sendable {
    public var sequence: Int
    public var path: String
    /// What the receiver answered.
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: [UInt8]
    /// The receiver's own HMAC check (nil when it was started without a secret).
    public var signatureValid: Bool?

    public var eventID: String? { headers["x-capstan-event-id"] }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed by Foundation, for field checks.
    public func jsonObject() -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// Parses one line of the receiver's records file.
    public init?(line: Substring) {
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
