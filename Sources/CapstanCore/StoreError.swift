/// Failures every store adapter reports the same way, whatever the database engine.
///
/// Driver errors that mean something to callers are translated into these; anything else passes through.
/// Descriptions carry keys (ids, codes, migration names), never row contents.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A row with this key already exists.
    case duplicate(String)
    /// No row has this key.
    case notFound(String)
    /// The row changed since it was read (optimistic locking): re-read and retry.
    case conflict(String)
    /// The database was migrated by a newer build; these applied migrations are unknown to this one.
    case databaseNewer(unknownMigrations: [String])
    /// A migration failed and was rolled back.
    case migrationFailed(name: String, reason: String)

    public var description: String {
        switch self {
        case .duplicate(let key):
            "already exists: \(key)"
        case .notFound(let key):
            "not found: \(key)"
        case .conflict(let key):
            "changed concurrently, re-read and retry: \(key)"
        case .databaseNewer(let names):
            "the database was migrated by a newer capstan (unknown migrations: \(names.joined(separator: ", "))); run a build that knows them"
        case .migrationFailed(let name, let reason):
            "migration \(name) failed and was rolled back: \(reason)"
        }
    }
}
