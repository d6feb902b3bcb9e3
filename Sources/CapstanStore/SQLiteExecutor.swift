import Foundation
import Logging
import SQLiteKit

/// SQLite behind `SQLExecutor`: one writer connection and a few readers, all on a thread pool of their own.
///
/// WAL lets readers run beside the writer; SQLite allows one writer at a time anyway, so writes queue on the one
/// writer connection inside the process and `busy_timeout` only covers other processes (`capstan worker` next to
/// `capstan serve`). Writes begin `IMMEDIATE`, so a transaction never fails half-way trying to upgrade a read lock.
final class SQLiteExecutor: SQLExecutor {
    private let writer: ConnectionPool
    private let readers: ConnectionPool
    private let threadPool: NIOThreadPool
    private let logger: Logger

    private init(writer: ConnectionPool, readers: ConnectionPool, threadPool: NIOThreadPool, logger: Logger) {
        self.writer = writer
        self.readers = readers
        self.threadPool = threadPool
        self.logger = logger
    }

    /// Opens (creating if needed) the database at `path`: `readerCount` readers plus the writer.
    ///
    /// `:memory:` gives one connection that serves reads and writes, since each connection to an in-memory
    /// database would otherwise see its own empty database.
    static func open(path: String, readerCount: Int, busyTimeout: Duration, logger: Logger) async throws -> SQLiteExecutor {
        let inMemory = path == ":memory:"
        if !inMemory {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        let readerCount = inMemory ? 0 : max(1, readerCount)
        // A thread per connection: a query never waits behind a plugin call on the shared singleton pool.
        let threadPool = NIOThreadPool(numberOfThreads: readerCount + 1)
        threadPool.start()
        var opened: [SQLiteConnection] = []
        do {
            let timeout = busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
            let writer = try await Self.connect(path: path, threadPool: threadPool, logger: logger)
            opened.append(writer)
            try await Self.configure(writer, busyTimeoutMilliseconds: timeout, readOnly: false)
            if !inMemory {
                let mode = try await writer.sql(queryLogLevel: nil).raw("PRAGMA journal_mode = WAL").first(decodingColumn: "journal_mode", as: String.self)
                if mode?.lowercased() != "wal" {
                    logger.warning("SQLite did not switch to WAL; readers will wait for writers", metadata: ["journal_mode": "\(mode ?? "?")"])
                }
            }
            for _ in 0..<readerCount {
                let reader = try await Self.connect(path: path, threadPool: threadPool, logger: logger)
                opened.append(reader)
                try await Self.configure(reader, busyTimeoutMilliseconds: timeout, readOnly: true)
            }
            let writerPool = ConnectionPool([writer])
            let readerPool = inMemory ? writerPool : ConnectionPool(Array(opened.dropFirst()))
            logger.debug("opened SQLite store", metadata: ["path": "\(path)", "readers": "\(readerCount)"])
            return SQLiteExecutor(writer: writerPool, readers: readerPool, threadPool: threadPool, logger: logger)
        } catch {
            for connection in opened { try? await connection.close() }
            try? await threadPool.shutdownGracefully()
            throw error
        }
    }

    private static func connect(path: String, threadPool: NIOThreadPool, logger: Logger) async throws -> SQLiteConnection {
        try await SQLiteConnection.open(
            storage: path == ":memory:" ? .memory : .file(path: path),
            threadPool: threadPool,
            logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any()
        )
    }

    private static func configure(_ connection: SQLiteConnection, busyTimeoutMilliseconds: Int64, readOnly: Bool) async throws {
        let sql = connection.sql(queryLogLevel: nil)
        // busy_timeout replaces sqlite-nio's default handler, which retries at once, forever, burning a thread.
        try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run()
        try await sql.raw("PRAGMA foreign_keys = ON").run()
        // NORMAL is durable in WAL mode except for the last commits before a power loss; never corrupting.
        try await sql.raw("PRAGMA synchronous = NORMAL").run()
        if readOnly {
            try await sql.raw("PRAGMA query_only = ON").run()
        }
    }

    // Query logging is off (nil level): bound values include KYC data and plugin secrets.

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await self.readers.withConnection { connection in
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await self.writer.withConnection { connection in
            let sql = connection.sql(queryLogLevel: nil)
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(sql)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                do {
                    try await sql.raw("ROLLBACK").run()
                } catch let rollbackError {
                    self.logger.error("SQLite rollback failed", metadata: ["error": "\(String(reflecting: rollbackError))"])
                }
                throw error
            }
        }
    }

    func isUniqueViolation(_ error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        return [.constraintUniqueFailed, .constraintPrimaryKeyFailed].contains(error.reason)
    }

    func tableExists(_ name: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = \(bind: name)").first() != nil
    }

    func close() async throws {
        var connections = await self.writer.drain()
        if self.readers !== self.writer { connections += await self.readers.drain() }
        for connection in connections { try await connection.close() }
        try await self.threadPool.shutdownGracefully()
    }
}
