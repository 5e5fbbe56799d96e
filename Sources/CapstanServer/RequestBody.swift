import CapstanModel
import Hummingbird

/// A JSON object read from a request body with a size limit; field accessors answer 400 naming the field.
struct RequestBody {
    /// The largest body the API reads.
    static let limit = 64 * 1024
    let fields: [String: Value]

    /// Reads the body; an empty body is an empty object. Fields outside `allowed` are refused, so a typo
    /// (`cout`) is an error instead of a silent default.
    static func read(_ request: Request, allowed: Set<String>) async throws -> RequestBody {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "the request body is larger than \(limit / 1024) KiB")
        }
        let bytes = Array(buffer.readableBytesView)
        guard bytes.contains(where: { !" \t\r\n".utf8.contains($0) }) else { return RequestBody(fields: [:]) }
        let value: Value
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw APIError(.badRequest, "the request body is not valid JSON: \(error.description)")
        }
        guard let fields = value.objectValue else {
            throw APIError(.badRequest, "the request body must be a JSON object, got \(value.typeName)")
        }
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            let expected = allowed.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            throw APIError(.badRequest, "unknown field \"\(unknown)\" in the request body (expected \(expected))")
        }
        return RequestBody(fields: fields)
    }

    /// A string field; nil when absent and not required.
    func string(_ name: String, required: Bool) throws -> String? {
        guard let value = fields[name], !value.isNull else {
            if required { throw APIError(.badRequest, "field \"\(name)\" is required") }
            return nil
        }
        guard let text = value.stringValue else {
            throw APIError(.badRequest, "field \"\(name)\" must be a string, got \(value.typeName)")
        }
        guard !text.isEmpty else { throw APIError(.badRequest, "field \"\(name)\" must not be empty") }
        return text
    }

    /// A required number within `range`.
    /// An optional boolean field; nil when absent or null.
    func bool(_ name: String) throws -> Bool? {
        guard let value = fields[name], !value.isNull else { return nil }
        guard let flag = value.boolValue else { throw APIError(.badRequest, "field \"\(name)\" must be true or false") }
        return flag
    }

    func number(_ name: String, in range: ClosedRange<Double>) throws -> Double {
        guard let value = fields[name], !value.isNull else {
            throw APIError(.badRequest, "field \"\(name)\" is required")
        }
        guard let number = value.doubleValue, range.contains(number) else {
            throw APIError(
                .badRequest,
                "field \"\(name)\" must be a number from \(Self.text(range.lowerBound)) to "
                    + "\(Self.text(range.upperBound)), got \(value.jsonString())")
        }
        return number
    }

    /// A required whole number within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int {
        guard let value = fields[name], !value.isNull else {
            throw APIError(.badRequest, "field \"\(name)\" is required")
        }
        guard let number = value.intValue, range.contains(number) else {
            throw APIError(
                .badRequest,
                "field \"\(name)\" must be a whole number from \(range.lowerBound) to \(range.upperBound), "
                    + "got \(value.jsonString())")
        }
        return number
    }

    private static func text(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
