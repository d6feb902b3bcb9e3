import CapstanHTTP
import CapstanPluginHost
import CapstanStore
import Hummingbird
import Logging

/// Mounts SEP-24 (`/sep24/...` and the interactive pages) from the configuration.
enum SEP24Wiring {
    static func register(
        config: CapstanConfig, store: SQLStore, plugins: PluginHost, router: Router<CapstanRequestContext>, routes: RouteTable, logger: Logger
    ) async throws {
        // Filled in by the SEP-24 work.
    }
}
