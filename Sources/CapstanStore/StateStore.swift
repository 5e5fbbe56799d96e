import CapstanModel
import Foundation
import GRDB

/// Capstan's persistent state in one SQLite file (WAL): app status, sync history, inventory and the
/// simulated cluster's objects. Writes that belong together happen in one transaction.
public final class StateStore: Sendable {
    let database: any DatabaseWriter
    /// The SQLite file, or nil for an in-memory store.
    public let path: String?
    /// Encrypts the records that hold Secret or ConfigMap data; nil stores them as plain JSON (tools, tests).
    public let cipher: (any RecordCipher)?

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String, cipher: (any RecordCipher)? = nil) throws(StoreError) {
        self.path = path
        self.cipher = cipher
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            let pool = try DatabasePool(path: path, configuration: configuration)
            try StoreSchema.migrator.migrate(pool)
            database = pool
        } catch {
            throw StoreError("open the state store", path: path, error)
        }
    }

    /// A store that lives in memory only, for tools and tests that need no persistence.
    public init(cipher: (any RecordCipher)? = nil) throws(StoreError) {
        path = nil
        self.cipher = cipher
        do {
            let queue = try DatabaseQueue()
            try StoreSchema.migrator.migrate(queue)
            database = queue
        } catch {
            throw StoreError("open an in-memory store", path: nil, error)
        }
    }

    func read<T: Sendable>(_ what: String, _ body: @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await database.read(body)
        } catch {
            throw StoreError(what, path: path, error)
        }
    }

    func write<T: Sendable>(_ what: String, _ body: @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await database.write(body)
        } catch {
            throw StoreError(what, path: path, error)
        }
    }

    func readSync<T>(_ what: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw StoreError(what, path: path, error)
        }
    }

    func writeSync<T>(_ what: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.write(body)
        } catch {
            throw StoreError(what, path: path, error)
        }
    }
}
