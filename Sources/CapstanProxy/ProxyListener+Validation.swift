extension ProxyListener {
    /// Throws `ProxyError.invalidListener` naming the first field that can never work.
    func validate() throws(ProxyError) {
        func invalid(_ detail: String) -> ProxyError {
            ProxyError(kind: .invalidListener, listener: name, host: host, port: port, detail: detail)
        }
        if name.isEmpty { throw invalid("the listener has no name") }
        if host.isEmpty { throw invalid("the listen address is empty") }
        if !(0...65535).contains(port) { throw invalid("port \(port) is outside 0...65535") }
        for backend in backends {
            if backend.host.isEmpty { throw invalid("backend \(backend) has an empty host") }
            if !(1...65535).contains(backend.port) {
                throw invalid("backend \(backend) has port \(backend.port), outside 1...65535")
            }
        }
    }

    /// Validates each listener and that no two share a name.
    static func validate(_ listeners: [ProxyListener]) throws(ProxyError) {
        var seen: Set<String> = []
        for listener in listeners {
            try listener.validate()
            if !seen.insert(listener.name).inserted {
                throw ProxyError(
                    kind: .invalidListener, listener: listener.name, host: listener.host, port: listener.port,
                    detail: "two listeners are named \(listener.name)")
            }
        }
    }
}
