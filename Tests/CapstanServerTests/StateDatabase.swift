import GRDB

/// The state store's SQLite file opened directly, as someone with write access to the state directory would: for
/// tests that damage records on purpose while the service is stopped.
enum StateDatabase {
    static func execute(_ sql: String, path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }
}
