import CapstanModel
import Foundation
import Hummingbird

/// JSON response bodies in the shared convention (sorted keys, pretty, RFC 3339 times).
enum JSONText {
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try CapstanJSON.encode(value, pretty: true)
        return bytes(Array(data) + [0x0A], status: status)
    }

    static func response(_ value: Value, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Array(value.prettyJSONString().utf8) + [0x0A], status: status)
    }

    static func bytes(_ bytes: [UInt8], status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func quote(_ text: String) -> String { Value.string(text).jsonString() }
}
