import Hummingbird
import Logging

/// Builds the devnet's HTTP application: the Horizon subset plus friendbot, and the ledger closer.
public enum DevnetServer {
    /// Loads or creates the ledger and builds the application; fails before binding a port when the state file
    /// cannot be read. `onListening` gets `http://host:port` once the listener is up.
    public static func build(
        configuration: DevnetConfiguration, logger: Logger, onListening: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let ledger = try DevnetLedger(
            parameters: configuration.parameters, closesOnSubmit: configuration.ledgerInterval <= .zero,
            stateFile: configuration.stateFile.map(StateFile.init(path:)), logger: logger
        )
        return self.application(ledger: ledger, configuration: configuration, logger: logger, onListening: onListening)
    }

    /// The application around an existing ledger (tests drive the ledger directly).
    public static func application(
        ledger: DevnetLedger, configuration: DevnetConfiguration, logger: Logger, onListening: @escaping @Sendable (String) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let fallbackURL = "http://\(configuration.host):\(configuration.port)"
        var app = Application(
            router: self.router(ledger: ledger, fallbackURL: fallbackURL),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "capstan-devnet"),
            onServerRunning: { channel in
                onListening("http://\(configuration.host):\(channel.localAddress?.port ?? configuration.port)")
            },
            logger: logger
        )
        app.addServices(LedgerCloser(ledger: ledger, interval: configuration.ledgerInterval))
        return app
    }

    static func router(ledger: DevnetLedger, fallbackURL: String) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        // Horizon allows any origin, and browser wallets rely on it.
        router.add(middleware: CORSMiddleware(allowOrigin: .all))
        router.add(middleware: HorizonErrorMiddleware())
        RootRoutes(ledger: ledger, fallbackURL: fallbackURL).register(on: router)
        FriendbotRoutes(ledger: ledger, fallbackURL: fallbackURL).register(on: router)
        AccountRoutes(ledger: ledger, fallbackURL: fallbackURL).register(on: router)
        TransactionRoutes(ledger: ledger, fallbackURL: fallbackURL).register(on: router)
        PaymentRoutes(ledger: ledger, fallbackURL: fallbackURL).register(on: router)
        ClaimableBalanceRoutes(ledger: ledger, fallbackURL: fallbackURL).register(on: router)
        return router
    }
}
