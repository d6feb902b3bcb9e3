import CapstanCore
import Logging
import SQLKit

/// The database behind every store port: SQLite today, PostgreSQL through the same SQL layer later.
///
/// Open it, `migrate()` it, hand its ports to the rest of the app, and `close()` it last.
public final class SQLStore: Sendable {
    let executor: any SQLExecutor
    private let logger: Logger
    private let presenters = PresenterRegistry()

    private init(executor: any SQLExecutor, logger: Logger) {
        self.executor = executor
        self.logger = logger
    }

    /// Opens the SQLite database at `path`, creating the file and its directory if needed.
    ///
    /// WAL journal, `synchronous=NORMAL`, `foreign_keys=ON` and `busy_timeout` on every connection; one writer
    /// connection plus `readerCount` read-only ones. `:memory:` gives a single-connection in-memory database.
    public static func openSQLite(
        path: String,
        readerCount: Int = 4,
        busyTimeout: Duration = .seconds(5),
        logger: Logger
    ) async throws -> SQLStore {
        let executor = try await SQLiteExecutor.open(path: path, readerCount: readerCount, busyTimeout: busyTimeout, logger: logger)
        return SQLStore(executor: executor, logger: logger)
    }

    /// Applies the migrations this build knows and the database lacks; returns their names in order.
    ///
    /// Throws `StoreError.databaseNewer` without changing anything when the database has applied migrations this
    /// build does not know, and `StoreError.migrationFailed` (that migration rolled back, earlier ones kept).
    @discardableResult
    public func migrate() async throws -> [String] {
        try await self.migrator.migrate()
    }

    /// Names of the migrations applied to the database, in order.
    public func appliedMigrations() async throws -> [String] {
        try await self.migrator.applied()
    }

    /// Names of every migration this build knows, in order.
    public static var knownMigrations: [String] { Migrations.all.map(\.name) }

    public var assets: any AssetStore { SQLAssetStore(executor: self.executor) }

    public var transactions: any TransactionStore {
        SQLTransactionStore(executor: self.executor, presenters: self.presenters, logger: self.logger)
    }

    /// Wallet callbacks waiting for delivery; `TransactionStore.update` fills it, a `CallbackDispatcher` drains it.
    public var callbackOutbox: any CallbackOutboxStore { SQLCallbackOutboxStore(executor: self.executor) }

    /// SEP-12 customer status callbacks: queued by the SEP-12 module, drained by their own `CallbackDispatcher`.
    public var customerCallbacks: any CallbackOutboxStore & CustomerCallbackQueue {
        SQLCallbackOutboxStore(executor: self.executor, table: .customers)
    }

    /// Plugin notifications waiting for delivery (`url` is the hook's name): every status change fills it with what
    /// the registered `PluginNotifier` asks for, a `CallbackDispatcher` calling the plugins drains it.
    public var pluginNotifications: any CallbackOutboxStore {
        SQLCallbackOutboxStore(executor: self.executor, table: .pluginNotifications)
    }

    /// Registers what decides and renders plugin notifications. Register at start-up in every process that changes
    /// transactions; until then status changes queue none. A later call replaces it.
    public func setPluginNotifier(_ notifier: any PluginNotifier) {
        self.presenters.setNotifier(notifier)
    }

    /// Registers how callbacks of `protocol`'s transactions are rendered (the SEP module supplies it; SEP-24
    /// renders `{"transaction": {...}}`). Register at start-up, before serving: until a protocol has a presenter,
    /// its status changes enqueue no callbacks (a warning is logged once). A later call replaces the presenter.
    public func setPresenter(_ presenter: any TransactionPresenter, for protocol: TransactionProtocol) {
        self.presenters.set(presenter, for: `protocol`)
    }

    public var pluginKeyValues: any PluginKeyValueStore { SQLPluginKeyValueStore(executor: self.executor) }

    /// Lets work in hand finish, then closes every connection. Nothing may use the store afterwards.
    public func close() async throws {
        try await self.executor.close()
    }

    private var migrator: Migrator { Migrator(executor: self.executor, migrations: Migrations.all, logger: self.logger) }
}
