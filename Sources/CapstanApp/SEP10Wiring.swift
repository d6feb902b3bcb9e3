import CapstanHTTP
import Hummingbird
import Logging
import SEP10
import StellarHorizon
import StellarKit

/// Mounts SEP-10 (`GET`/`POST /auth`) from the configuration.
///
/// No HTTP client outlives a request here: the ledger reader uses StellarHorizon's Horizon client (process-wide,
/// never shut down by design) and the client-domain resolver makes one client per fetch and shuts it down, so
/// there is nothing for the application to stop.
enum SEP10Wiring {
    static func register(config: CapstanConfig, router: Router<CapstanRequestContext>, routes: RouteTable, logger: Logger) async throws {
        let sep10 = config.sep10
        let settings = try SEP10Settings(
            signingKey: sep10.signingKey,
            network: Network(passphrase: config.networkPassphrase),
            homeDomains: sep10.homeDomains,
            authEndpoint: "\(config.publicURL)/auth",
            challengeTimeoutSeconds: sep10.authTimeoutSeconds,
            tokenTimeoutSeconds: sep10.jwtTimeoutSeconds
        )
        let sep10Routes = SEP10Routes(
            settings: settings,
            ledger: HorizonLedgerReader(baseURL: config.horizonURL),
            clientDomains: HTTPClientDomainResolver(
                timeout: .milliseconds(sep10.clientDomainTimeoutMilliseconds),
                allowInsecure: sep10.allowInsecureClientDomains
            ),
            tokens: await SessionTokens(secret: sep10.jwtSecret, issuer: settings.authEndpoint)
        )
        sep10Routes.register(on: router, routes: routes)
        if sep10.allowInsecureClientDomains {
            logger.warning("sep10.allow_insecure_client_domains is on: client domains may be fetched over plain HTTP and from private addresses")
        }
        logger.info("SEP-10 enabled", metadata: ["web_auth_endpoint": "\(settings.authEndpoint)", "home_domains": "\(settings.homeDomains.joined(separator: ", "))"])
    }
}
