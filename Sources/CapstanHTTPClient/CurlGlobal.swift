import CCurl

/// libcurl's process-wide setup, run once on first use: `curl_global_init` must not run twice
/// or concurrently, and a Swift `static let` is initialised exactly once, thread-safely.
enum CurlGlobal {
    /// The outcome of the one `curl_global_init` call of this process.
    static let initResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))
}
