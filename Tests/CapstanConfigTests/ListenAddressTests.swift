import CapstanConfig
import Testing

/// `host:port` with IPv6 in brackets.
struct ListenAddressTests {
    static let valid: [(String, host: String, port: Int)] = [
        ("127.0.0.1:7070", "127.0.0.1", 7070), ("[::1]:7070", "::1", 7070), ("localhost:0", "localhost", 0),
        ("0.0.0.0:65535", "0.0.0.0", 65535), ("[fe80::1]:80", "fe80::1", 80),
    ]

    @Test(arguments: valid)
    func parses(text: String, host: String, port: Int) throws {
        let address = try #require(ListenAddress(text))
        #expect(address.host == host)
        #expect(address.port == port)
        #expect(address.description == text)
    }

    @Test(arguments: [
        "localhost", ":7070", "::1:7070", "[::1]", "[::1]7070", "host:port", "host:-1", "host:65536", "a b:1",
        "[host]:1",
    ])
    func rejects(text: String) {
        #expect(ListenAddress(text) == nil)
    }
}
