import SQLiteKit

/// A fixed set of SQLite connections lent to one caller at a time, first come first served.
///
/// A pool of one is a mutex: that is how the single writer connection serialises this process's writes, so they
/// queue here instead of spinning in SQLite's busy handler. Waiting is not cancellable: the work behind it is short.
actor ConnectionPool {
    private var idle: [SQLiteConnection]
    private var waiters: [CheckedContinuation<SQLiteConnection, any Error>] = []
    private let size: Int
    private var isClosed = false
    private var drained: CheckedContinuation<Void, Never>?

    init(_ connections: [SQLiteConnection]) {
        self.idle = connections
        self.size = connections.count
    }

    /// Runs `body` with a connection of its own and returns it to the pool, whatever happens.
    nonisolated func withConnection<T: Sendable>(_ body: @Sendable (SQLiteConnection) async throws -> T) async throws -> T {
        let connection = try await self.acquire()
        do {
            let result = try await body(connection)
            await self.release(connection)
            return result
        } catch {
            await self.release(connection)
            throw error
        }
    }

    private func acquire() async throws -> SQLiteConnection {
        guard !self.isClosed else { throw StoreClosedError() }
        if let connection = self.idle.popLast() { return connection }
        return try await withCheckedThrowingContinuation { self.waiters.append($0) }
    }

    private func release(_ connection: SQLiteConnection) {
        if !self.waiters.isEmpty {
            self.waiters.removeFirst().resume(returning: connection)
            return
        }
        self.idle.append(connection)
        if self.isClosed, self.idle.count == self.size {
            self.drained?.resume()
            self.drained = nil
        }
    }

    /// Refuses new callers, lets queued ones finish, and hands back every connection once all are idle.
    func drain() async -> [SQLiteConnection] {
        self.isClosed = true
        if self.idle.count < self.size {
            await withCheckedContinuation { self.drained = $0 }
        }
        defer { self.idle = [] }
        return self.idle
    }
}

/// The store was closed; nothing more can run on it.
struct StoreClosedError: Error, CustomStringConvertible {
    var description: String { "the store is closed" }
}
