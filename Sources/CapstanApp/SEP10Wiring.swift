import CapstanHTTP
import Hummingbird
import Logging

/// Mounts SEP-10 (`GET`/`POST /auth`) from the configuration.
enum SEP10Wiring {
    static func register(config: CapstanConfig, router: Router<CapstanRequestContext>, routes: RouteTable, logger: Logger) async throws {
        // Filled in by the SEP-10 work: builds SEP10Settings from `config.sep10`, the Horizon ledger reader
        // from `config.horizonURL`, and registers SEP10Routes.
    }
}
