/// Rejects requests libcurl would send malformed: unsupported schemes, control characters in
/// the URL, and methods or headers that could split the request (CR/LF injection).
enum RequestValidation {
    /// The first problem with `request`, or nil when it can be sent.
    static func problem(in request: HTTPRequest) -> HTTPClientError? {
        func invalid(_ kind: HTTPClientError.Kind, _ detail: String) -> HTTPClientError {
            HTTPClientError(kind: kind, method: request.method, url: request.url, detail: detail, isRetryable: false)
        }
        let lowered = request.url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            return invalid(.invalidURL, "only http:// and https:// URLs are supported")
        }
        guard !request.url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
            return invalid(.invalidURL, "the URL contains spaces or control characters")
        }
        guard isToken(request.method) else {
            return invalid(.invalidRequest, "the method is not a valid HTTP token")
        }
        for header in request.headers {
            guard isToken(header.name) else {
                return invalid(.invalidRequest, "header name '\(header.name.prefix(64))' is not a valid HTTP token")
            }
            guard !header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                return invalid(.invalidRequest, "the value of header '\(header.name)' contains a line break")
            }
        }
        return nil
    }

    /// RFC 9110 `token`: visible ASCII except separators.
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                byte > 0x20 && byte < 0x7F && !"\"(),/:;<=>?@[\\]{}".utf8.contains(byte)
            }
    }
}
