import CapstanHTTPClient
import CapstanModel
import Foundation

/// Calls the Capstan REST API and turns failures into messages a user can act on.
struct APIClient: Sendable {
    let baseURL: String
    private static let http = CurlHTTPClient(
        configuration: HTTPClientConfiguration(
            connectTimeout: .seconds(3), timeout: .seconds(120)))

    /// GETs `path` and returns the raw JSON body.
    func get(_ path: String) async throws -> [UInt8] {
        try await send("GET", path)
    }

    /// POSTs to `path`, with `json` as the body when given, and returns the raw JSON body.
    func post(_ path: String, json: Value? = nil) async throws -> [UInt8] {
        try await send("POST", path, body: json?.jsonBytes() ?? [])
    }

    /// Decodes a body with the shared JSON convention.
    func decode<T: Decodable>(_ type: T.Type, _ body: [UInt8]) throws -> T {
        do {
            return try CapstanJSON.decode(type, from: Data(body))
        } catch {
            throw CLIError("unexpected response from \(baseURL): \(error)")
        }
    }

    private func send(_ method: String, _ path: String, body: [UInt8]? = nil) async throws -> [UInt8] {
        let url = baseURL + path
        let response: HTTPResponse
        do {
            let headers = body?.isEmpty == false ? [HTTPHeader(name: "Content-Type", value: "application/json")] : []
            response = try await Self.http.send(HTTPRequest(method: method, url: url, headers: headers, body: body))
        } catch {
            throw CLIError(
                "cannot reach the Capstan server at \(baseURL): \(error.detail)\n"
                    + "Is `capstan serve` running? Point to it with --server URL or CAPSTAN_SERVER.")
        }
        guard response.isSuccess else {
            let message = (try? JSONParser.parse(response.body))?["message"]?.stringValue ?? response.text
            throw CLIError("\(message) (HTTP \(response.status))")
        }
        return response.body
    }
}
