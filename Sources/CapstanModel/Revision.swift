import Foundation

/// A commit of the watched repository: what a sync deploys and what history records.
public struct Revision: Sendable, Hashable, Codable {
    /// The full commit id (40 hex digits for SHA-1 repositories).
    public var id: String
    public var author: String
    public var authorEmail: String
    /// The full commit message.
    public var message: String
    /// The commit's author time.
    public var date: Date

    public init(id: String, author: String, authorEmail: String, message: String, date: Date) {
        self.id = id
        self.author = author
        self.authorEmail = authorEmail
        self.message = message
        self.date = date
    }

    /// The first 7 characters of the commit id.
    public var shortID: String { String(id.prefix(7)) }

    /// The first line of the message.
    public var subject: String {
        String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
