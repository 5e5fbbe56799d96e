import GRDB

/// The state store's tables, created and upgraded in numbered migrations.
enum StoreSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE app_status (
                        app TEXT PRIMARY KEY NOT NULL,
                        body BLOB NOT NULL
                    );
                    CREATE TABLE sync_history (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        app TEXT NOT NULL,
                        body BLOB NOT NULL
                    );
                    CREATE INDEX sync_history_app ON sync_history (app, id);
                    CREATE TABLE inventory (
                        app TEXT NOT NULL,
                        resource TEXT NOT NULL,
                        applied_hash TEXT NOT NULL,
                        revision TEXT NOT NULL,
                        PRIMARY KEY (app, resource)
                    ) WITHOUT ROWID;
                    CREATE TABLE cluster_object (
                        cluster TEXT NOT NULL,
                        resource TEXT NOT NULL,
                        body BLOB NOT NULL,
                        PRIMARY KEY (cluster, resource)
                    ) WITHOUT ROWID;
                    CREATE TABLE meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    """)
        }
        return migrator
    }()
}
