import ArgumentParser
import CapstanModel
import CapstanSecrets
import CapstanYAML
import Foundation

/// `capstan seal -f secret.yaml [--scope strict|namespace] [--cert-file PEM] > sealed.yaml`: a Secret encrypted to
/// the service's public sealing key, safe to commit; `capstan seal --cert` prints that key.
struct SealCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal", abstract: "Encrypt a Secret into a SealedSecret that only this service can open.",
        discussion: """
            The output (apiVersion capstan.io/v1, kind SealedSecret) holds one ciphertext per data key and can be \
            committed. With scope strict (the default) it opens only under its namespace and name; with scope \
            namespace it may be renamed within its namespace. The public key comes from the service \
            (GET /api/v1/sealing/cert) or, offline, from a file saved with `capstan seal --cert`.
            """)
    @OptionGroup var options: ClientOptions
    @Flag(help: "Print the service's public sealing key (PEM) and exit.") var cert = false
    @Option(name: [.short, .customLong("filename")], help: "The Secret manifest to seal (- for standard input).")
    var file: String?
    @Option(help: "strict (namespace and name bound, the default) or namespace.") var scope: SealingScope = .strict
    @Option(
        name: .customLong("cert-file"), help: "Seal offline to this public key (PEM) instead of asking the service.")
    var certFile: String?

    func validate() throws {
        if !cert && file == nil { throw ValidationError("give the Secret to seal with -f FILE (or --cert)") }
        if cert && file != nil { throw ValidationError("use either --cert or -f FILE, not both") }
    }

    func run() async throws {
        if cert {
            print(try await serviceKey().pem, terminator: "")
            return
        }
        let path = file ?? "-"
        let secret = try Self.readSecret(path)
        let publicKey: SealingPublicKey
        if let certFile { publicKey = try Self.readKey(certFile) } else { publicKey = try await serviceKey() }
        do {
            let sealed = try Sealer.seal(secret: secret, publicKey: publicKey, scope: scope, file: path)
            print(YAMLRenderer.render(sealed.value), terminator: "")
        } catch {
            throw CLIError("\(error)")
        }
    }

    private func serviceKey() async throws -> SealingPublicKey {
        let body = try JSONParser.parse(try await options.client.get("/api/v1/sealing/cert"))
        guard let pem = body["pem"]?.stringValue else { throw CLIError("the service answered without a sealing key") }
        do { return try SealingPublicKey(pem: pem) } catch { throw CLIError("the service's sealing key: \(error)") }
    }

    private static func readKey(_ path: String) throws -> SealingPublicKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIError("cannot read the public key file \(path)")
        }
        do { return try SealingPublicKey(pem: text) } catch { throw CLIError("\(path): \(error)") }
    }

    /// The one Secret document of `path`; errors name the file and line, never a value.
    static func readSecret(_ path: String) throws -> Resource {
        let bytes: [UInt8]
        if path == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError("cannot read \(path)")
            }
            bytes = [UInt8](data)
        }
        let documents: [YAMLDocument]
        do { documents = try YAMLParser.documents(bytes, file: path) } catch { throw CLIError("\(error)") }
        let objects = documents.filter { !$0.value.isNull }
        guard objects.count == 1, let document = objects.first else {
            throw CLIError("\(path): expected one Secret, found \(objects.count) documents")
        }
        let resource = Resource(document.value)
        guard resource.apiVersion == "v1", resource.kind == "Secret" else {
            throw CLIError(
                "\(path):\(document.line): expected apiVersion v1, kind Secret, found \(resource.apiVersion) \(resource.kind)"
            )
        }
        return resource
    }
}

extension SealingScope: ExpressibleByArgument {}
