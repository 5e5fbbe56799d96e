import CCurl

extension CurlTransfer {
    /// Installs the body and header callbacks, with this transfer as their user data.
    /// The loop keeps the transfer alive while its handle is in the multi handle.
    func installCallbacks(on easy: UnsafeMutableRawPointer) -> [CURLcode] {
        let userData = Unmanaged.passUnretained(self).toOpaque()
        return [
            capstan_curl_setopt_write_function(easy) { data, size, count, userData in
                guard let data, let userData else { return 0 }
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(userData).takeUnretainedValue()
                return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
            },
            capstan_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, userData),
            capstan_curl_setopt_header_function(easy) { data, size, count, userData in
                guard let data, let userData else { return 0 }
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(userData).takeUnretainedValue()
                transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
                return size * count
            },
            capstan_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, userData),
        ]
    }

    /// Takes one piece of body; returning less than its size makes libcurl abort the transfer.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        if cancelRequested.load(ordering: .relaxed) { return 0 }
        guard isStreaming else {
            guard body.count + bytes.count <= configuration.maxResponseBytes else {
                exceededLimit = true
                return 0
            }
            body.append(contentsOf: bytes)
            return bytes.count
        }
        if status == 0, let easy {
            capstan_curl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        }
        if (200..<300).contains(status) {
            guard case .stream(let continuation) = sink else { return 0 }
            if case .terminated = continuation.yield(Array(bytes)) { return 0 }
        } else if body.count < Self.maxErrorBodyBytes {
            body.append(contentsOf: bytes.prefix(Self.maxErrorBodyBytes - body.count))
        }
        return bytes.count
    }

    /// Takes one header line; a status line starts a new response (after `100 Continue`).
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var line = Substring(String(decoding: bytes, as: UTF8.self))
        while let last = line.last, last.isNewline { line.removeLast() }
        if line.hasPrefix("HTTP/") {
            headers.removeAll()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingSpaces
        let value = line[line.index(after: colon)...].trimmingSpaces
        headers.append(HTTPHeader(String(name), String(value)))
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
