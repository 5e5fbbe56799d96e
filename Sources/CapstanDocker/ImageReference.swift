/// An image reference split the way `POST /images/create` wants it: repository and tag (or digest).
struct ImageReference: Hashable {
    /// The name without tag or digest, e.g. `registry:5000/team/app`.
    var repository: String
    /// The tag or `sha256:…` digest; `latest` when the reference has neither.
    var tag: String

    init(_ reference: String) {
        if let at = reference.firstIndex(of: "@") {
            repository = String(reference[..<at])
            tag = String(reference[reference.index(after: at)...])
            return
        }
        let lastSlash = reference.lastIndex(of: "/") ?? reference.startIndex
        if let colon = reference[lastSlash...].lastIndex(of: ":") {
            repository = String(reference[..<colon])
            tag = String(reference[reference.index(after: colon)...])
        } else {
            repository = reference
            tag = "latest"
        }
    }
}
