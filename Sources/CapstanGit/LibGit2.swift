import CLibGit2
import CapstanModel

/// Process-wide libgit2 setup and small conversions shared by the wrappers.
enum LibGit2 {
    /// Runs `git_libgit2_init` exactly once per process, on first read (static lets initialise once, thread-safely).
    static let isInitialized: Bool = git_libgit2_init() > 0

    /// The message of the last libgit2 error on this thread, or a generic one naming the return code.
    static func lastErrorMessage(code: Int32) -> String {
        if let error = git_error_last(), let message = error.pointee.message {
            return String(cString: message)
        }
        return "libgit2 error \(code)"
    }

    /// Sets the thread's libgit2 error message, for callbacks that refuse to continue.
    static func setError(_ message: String) {
        git_error_set_str(Int32(GIT_ERROR_CALLBACK.rawValue), message)
    }

    /// 40 lowercase hex digits.
    static func hex(_ oid: git_oid) -> String {
        withUnsafeBytes(of: oid.id) { HexText.lowercase($0) }
    }

    /// Parses a full 40-hex commit id; nil for anything else.
    static func oid(_ hex: String) -> git_oid? {
        guard isFullCommitID(hex) else { return nil }
        var oid = git_oid()
        return git_oid_fromstrn(&oid, hex, 40) == 0 ? oid : nil
    }

    /// Whether `text` is exactly 40 hex digits.
    static func isFullCommitID(_ text: String) -> Bool {
        text.utf8.count == 40 && text.utf8.allSatisfy { $0.isHexDigit }
    }

    /// Whether `name` is a well-formed full reference name (`refs/heads/main`), per libgit2.
    static func isValidReferenceName(_ name: String) -> Bool {
        var valid: Int32 = 0
        return git_reference_name_is_valid(&valid, name) == 0 && valid == 1
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
