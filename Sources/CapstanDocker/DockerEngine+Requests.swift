import CapstanHTTPClient
import CapstanModel

extension DockerEngine {
    /// The full URL of an API path such as `/containers/json`.
    func url(_ path: String, _ query: [(String, String)] = []) -> String {
        endpoint.baseURL + "/" + Self.apiVersion + path + DockerQuery.string(query)
    }

    /// Sends one call and returns the answer; a status outside 2xx and `accepting` throws the daemon's message.
    func call(
        _ method: String, _ path: String, query: [(String, String)] = [], json: Value? = nil,
        body: [UInt8]? = nil, contentType: String? = nil, timeout: Duration? = nil,
        accepting: Set<Int> = [], what: String
    ) async throws(DockerError) -> HTTPResponse {
        var headers: [HTTPHeader] = []
        var bytes = body
        if let json {
            bytes = json.jsonBytes()
            headers.append(HTTPHeader("Content-Type", "application/json"))
        } else if let contentType {
            headers.append(HTTPHeader("Content-Type", contentType))
        }
        let request = HTTPRequest(
            method: method, url: url(path, query), headers: headers, body: bytes, timeout: timeout)
        let response: HTTPResponse
        do {
            response = try await client.send(request)
        } catch {
            throw DockerError.fromTransport(error, what: what)
        }
        guard response.isSuccess || accepting.contains(response.status) else {
            throw DockerError.fromResponse(status: response.status, body: response.body, what: what)
        }
        return response
    }

    /// Sends one call and parses its JSON answer.
    func callJSON(
        _ method: String, _ path: String, query: [(String, String)] = [], json: Value? = nil,
        timeout: Duration? = nil, what: String
    ) async throws(DockerError) -> Value {
        let response = try await call(method, path, query: query, json: json, timeout: timeout, what: what)
        return try Self.parse(response.body, what: what)
    }

    /// Parses a JSON answer, or says which call's answer was unreadable.
    static func parse(_ body: [UInt8], what: String) throws(DockerError) -> Value {
        do {
            return try JSONParser.parse(body)
        } catch {
            throw DockerError.invalidResponse(what, "the answer is not JSON (\(error))")
        }
    }

    /// A path component, percent-encoded (container names and IDs, volume names).
    static func component(_ text: String) -> String {
        DockerQuery.escape(text)
    }
}
