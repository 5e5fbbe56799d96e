import CCurl

extension CurlTransfer {
    /// Applies the request and client settings to a fresh or reset easy handle; nil on success.
    func configure(_ easy: UnsafeMutableRawPointer) -> HTTPClientError? {
        self.easy = easy
        if let problem = RequestValidation.problem(in: request) { return problem }
        errorBuffer[0] = 0
        let total = isStreaming ? (request.timeout ?? .zero) : (request.timeout ?? configuration.timeout)
        let connect = request.connectTimeout ?? configuration.connectTimeout
        var codes: [CURLcode] = [
            capstan_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1),
            capstan_curl_setopt_string(easy, CURLOPT_URL, request.url),
            capstan_curl_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"),
            capstan_curl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0),
            capstan_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer),
            capstan_curl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, connect.curlMilliseconds),
            capstan_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, total.curlMilliseconds),
            capstan_curl_setopt_string(easy, CURLOPT_USERAGENT, configuration.userAgent),
            capstan_curl_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1),
        ]
        if !isStreaming {
            codes.append(
                capstan_curl_setopt_off(
                    easy, CURLOPT_MAXFILESIZE_LARGE,
                    curl_off_t(configuration.maxResponseBytes)))
        }
        let paths: [(CURLoption, String?)] = [
            (CURLOPT_UNIX_SOCKET_PATH, configuration.unixSocketPath), (CURLOPT_CAINFO, configuration.caFile),
            (CURLOPT_SSLCERT, configuration.clientCertFile), (CURLOPT_SSLKEY, configuration.clientKeyFile),
        ]
        for case let (option, value?) in paths {
            codes.append(capstan_curl_setopt_string(easy, option, value))
        }
        codes += applyMethodAndBody(easy)
        guard let list = makeHeaderList() else {
            return optionError("out of memory building the header list")
        }
        headerList = list
        if let list {
            codes.append(capstan_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, list))
        }
        codes += installCallbacks(on: easy)
        if let failed = codes.first(where: { $0 != CURLE_OK }) {
            return optionError(String(cString: curl_easy_strerror(failed)))
        }
        return nil
    }

    /// True when the request sends a body (`POST`, `PUT` and `PATCH` always do, maybe empty).
    private var sendsBody: Bool {
        request.method != "HEAD" && (request.body != nil || ["POST", "PUT", "PATCH"].contains(request.method))
    }

    /// Sets the method, and the body with its length (copied by libcurl).
    private func applyMethodAndBody(_ easy: UnsafeMutableRawPointer) -> [CURLcode] {
        if request.method == "HEAD" {
            return [capstan_curl_setopt_long(easy, CURLOPT_NOBODY, 1)]
        }
        guard sendsBody else {
            return request.method == "GET"
                ? [capstan_curl_setopt_long(easy, CURLOPT_HTTPGET, 1)]
                : [capstan_curl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method)]
        }
        let body = request.body ?? []
        var codes = [capstan_curl_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))]
        codes.append(
            body.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return capstan_curl_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, "")
                }
                return capstan_curl_setopt_string(
                    easy, CURLOPT_COPYPOSTFIELDS, base.assumingMemoryBound(to: CChar.self))
            })
        if request.method != "POST" {
            codes.append(capstan_curl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method))
        }
        return codes
    }

    /// The request's headers as a curl list, plus suppressing curl's `Expect: 100-continue` and
    /// form `Content-Type` defaults for bodies. `.some(nil)` is an empty list; nil means libcurl
    /// could not allocate it.
    private func makeHeaderList() -> UnsafeMutablePointer<curl_slist>?? {
        var lines = request.headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
        if sendsBody && request.header("Expect") == nil { lines.append("Expect:") }
        if sendsBody && request.header("Content-Type") == nil { lines.append("Content-Type:") }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let extended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                return .none
            }
            list = extended
        }
        return .some(list)
    }

    private func optionError(_ detail: String) -> HTTPClientError {
        HTTPClientError(
            kind: .invalidRequest, method: request.method, url: request.url,
            detail: detail, isRetryable: false)
    }
}
