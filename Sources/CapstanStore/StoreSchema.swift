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
        migrator.registerMigration("outbox") { db in
            // Notifications waiting for (or done with) delivery: one row per event and provider.
            try db.execute(
                sql: """
                    CREATE TABLE outbox (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        provider TEXT NOT NULL,
                        event_id TEXT NOT NULL,
                        app TEXT NOT NULL,
                        dedup_key TEXT NOT NULL,
                        event BLOB NOT NULL,
                        state TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        created_at REAL NOT NULL,
                        next_attempt_at REAL NOT NULL,
                        updated_at REAL NOT NULL,
                        last_status INTEGER,
                        last_error TEXT,
                        UNIQUE (provider, event_id)
                    );
                    CREATE INDEX outbox_queue ON outbox (provider, state, id);
                    CREATE INDEX outbox_dedup ON outbox (provider, dedup_key, created_at);
                    """)
        }
        migrator.registerMigration("key_usage") { db in
            // Encryptions per key name, counted in the transaction that sealed (NIST SP 800-38D limit: 2^32).
            try db.execute(
                sql: """
                    CREATE TABLE key_usage (
                        key TEXT PRIMARY KEY NOT NULL,
                        encryptions INTEGER NOT NULL CHECK (encryptions >= 0)
                    ) WITHOUT ROWID;
                    """)
        }
        return migrator
    }()
}
