import CLibGit2
import Foundation

/// State shared with libgit2's C callbacks during one remote operation: which credentials were already
/// handed out (each at most once, so a wrong password fails fast), why a connection was refused, and which
/// refs a push could not update.
final class TransportContext {
    let url: RemoteURL
    let credentials: GitCredentials
    private var offered: Set<UInt32> = []
    /// Why authentication failed, in our words; set by the credentials callback.
    private(set) var authenticationFailure: String?
    /// Why the ssh host key was refused; set by the certificate callback.
    private(set) var hostKeyFailure: String?
    /// The remote's reason for each ref it refused to update in a push (`refs/heads/main` → `fetch first`);
    /// libgit2 reports these through a callback, not as a return code.
    private(set) var pushRejections: [String: String] = [:]

    init(url: RemoteURL, credentials: GitCredentials) {
        self.url = url
        self.credentials = credentials
    }

    /// Callbacks wired to this context. The caller keeps the context alive while libgit2 may call them.
    func makeCallbacks() -> git_remote_callbacks {
        var callbacks = git_remote_callbacks()
        git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION))
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, _, usernameFromURL, allowedTypes, payload in
            guard let out, let payload else { return GIT_PASSTHROUGH.rawValue }
            let context = Unmanaged<TransportContext>.fromOpaque(payload).takeUnretainedValue()
            return context.acquireCredential(
                out, usernameFromURL: usernameFromURL.map { String(cString: $0) }, allowed: allowedTypes)
        }
        callbacks.certificate_check = { cert, _, host, payload in
            guard let cert, let payload else { return GIT_PASSTHROUGH.rawValue }
            let context = Unmanaged<TransportContext>.fromOpaque(payload).takeUnretainedValue()
            return context.checkCertificate(cert, host: host.map { String(cString: $0) })
        }
        callbacks.push_update_reference = { refname, status, payload in
            guard let refname, let status, let payload else { return 0 }
            let context = Unmanaged<TransportContext>.fromOpaque(payload).takeUnretainedValue()
            context.pushRejections[String(cString: refname)] = String(cString: status)
            return 0
        }
        return callbacks
    }

    private func acquireCredential(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, usernameFromURL: String?,
        allowed: UInt32
    ) -> Int32 {
        func offerOnce(_ type: git_credential_t, _ make: () -> Int32) -> Int32 {
            guard !offered.contains(type.rawValue) else {
                return refuse("\(url.redacted) rejected the configured credentials (\(credentials))")
            }
            offered.insert(type.rawValue)
            return make()
        }
        switch credentials.storage {
        case .none:
            return refuse("\(url.redacted) asks for credentials but none are configured")
        case .password(let username, let password):
            guard allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 else { break }
            return offerOnce(GIT_CREDENTIAL_USERPASS_PLAINTEXT) {
                git_credential_userpass_plaintext_new(out, username, password)
            }
        case .sshKey(let key):
            let username = key.username ?? usernameFromURL ?? url.username ?? "git"
            if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
                return offerOnce(GIT_CREDENTIAL_SSH_KEY) {
                    git_credential_ssh_key_new(out, username, key.publicKeyFile, key.privateKeyFile, key.passphrase)
                }
            }
            if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
                return offerOnce(GIT_CREDENTIAL_USERNAME) { git_credential_username_new(out, username) }
            }
        }
        return refuse("\(url.redacted) asks for a kind of credentials other than the configured \(credentials)")
    }

    private func refuse(_ reason: String) -> Int32 {
        authenticationFailure = reason
        LibGit2.setError(reason)
        return GIT_EAUTH.rawValue
    }

    private func checkCertificate(_ cert: UnsafeMutablePointer<git_cert>, host: String?) -> Int32 {
        guard cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2,
            case .sshKey(let key) = credentials.storage, let file = key.knownHostsFile
        else {
            return GIT_PASSTHROUGH.rawValue
        }
        let hostName = host ?? url.host ?? "?"
        let shown = url.port.map { "\(hostName):\($0)" } ?? hostName
        let hostKey = UnsafeMutableRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self).pointee
        guard hostKey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostKey.hostkey else {
            return refuseHost("ssh server \(shown) did not present a raw host key to check against \(file)")
        }
        guard let contents = try? String(contentsOfFile: file, encoding: .utf8) else {
            return refuseHost("cannot read known_hosts file \(file) to check the host key of \(shown)")
        }
        let blob = Array(UnsafeRawBufferPointer(start: raw, count: hostKey.hostkey_len))
        switch KnownHosts(contents: contents).verdict(host: hostName, port: url.port, key: blob) {
        case .trusted:
            return 0
        case .unknown:
            return refuseHost("ssh host \(shown) is not in known_hosts file \(file); refusing to connect")
        case .mismatch:
            return refuseHost("ssh host key of \(shown) does not match known_hosts file \(file); refusing to connect")
        case .revoked:
            return refuseHost("ssh host key of \(shown) is marked @revoked in \(file); refusing to connect")
        }
    }

    private func refuseHost(_ reason: String) -> Int32 {
        hostKeyFailure = reason
        LibGit2.setError(reason)
        return GIT_ECERTIFICATE.rawValue
    }
}
