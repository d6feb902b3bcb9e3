import CapstanStore
import ServiceLifecycle

/// Keeps the database open for the life of the service group and closes it after everything that uses it has stopped.
struct StoreService: Service {
    let store: SQLStore

    func run() async throws {
        try? await gracefulShutdown()
        try await self.store.close()
    }
}
