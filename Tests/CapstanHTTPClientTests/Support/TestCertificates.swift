import Foundation

/// A throwaway CA, a server certificate for 127.0.0.1 and a client certificate, made with the
/// `openssl` command in a test's temporary folder.
struct TestCertificates: Sendable {
    let caFile: String
    let serverCert: String
    let serverKey: String
    let clientCert: String
    let clientKey: String

    struct GenerationError: Error, CustomStringConvertible {
        let description: String
    }

    static func make(in directory: URL) async throws -> TestCertificates {
        let script = """
            set -e
            key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
            key ca.key
            openssl req -x509 -new -key ca.key -out ca.pem -days 2 -subj /CN=capstan-test-ca
            printf 'subjectAltName=IP:127.0.0.1\\nextendedKeyUsage=serverAuth\\n' > server.ext
            printf 'extendedKeyUsage=clientAuth\\n' > client.ext
            for who in server client; do
              key $who.key
              openssl req -new -key $who.key -out $who.csr -subj /CN=capstan-test-$who
              openssl x509 -req -in $who.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \\
                -extfile $who.ext -out $who.pem 2>/dev/null
            done
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard await process.waitForExit(within: .seconds(30)) else {
            process.terminate()
            throw GenerationError(description: "openssl did not finish within 30 s")
        }
        guard process.terminationStatus == 0 else {
            throw GenerationError(description: "openssl failed with status \(process.terminationStatus)")
        }
        let path = { (name: String) in directory.appendingPathComponent(name).path }
        return TestCertificates(
            caFile: path("ca.pem"), serverCert: path("server.pem"), serverKey: path("server.key"),
            clientCert: path("client.pem"), clientKey: path("client.key"))
    }
}
