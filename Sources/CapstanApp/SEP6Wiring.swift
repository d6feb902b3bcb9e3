import CapstanHTTP
import CapstanPluginHost
import CapstanStore
import Hummingbird
import Logging

/// Mounts SEP-6 from the configuration.
enum SEP6Wiring {
    static func register(
        config: CapstanConfig, store: SQLStore, plugins: PluginHost, router: Router<CapstanRequestContext>, routes: RouteTable, logger: Logger
    ) async throws {
        // Filled in by the SEP-6 work.
    }
}
