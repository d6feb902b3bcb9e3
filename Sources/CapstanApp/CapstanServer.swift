import CapstanCore
import CapstanHTTP
import CapstanPluginHost
import CapstanStore
import CapstanWorkers
import Foundation
import Hummingbird
import Logging
import NIOCore
import SEP1

/// The composition root: the only place that knows every module. `capstan serve` and the tests build the
/// same application through `build`, so what is tested is what runs.
public enum CapstanServer {
    /// Builds the HTTP application and its services from a validated configuration.
    ///
    /// Everything that can fail (database, migrations, plugins, the first stellar.toml) fails here,
    /// before a port is bound. `onListening` receives `http://host:port` once the listener is up.
    public static func build(
        config: CapstanConfig,
        logger: Logger,
        workers: Bool = true,
        onListening: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        let store = try await SQLStore.openSQLite(path: config.databasePath, logger: logger)
        do {
            let applied = try await store.migrate()
            if !applied.isEmpty { logger.info("applied migrations", metadata: ["migrations": "\(applied.joined(separator: ", "))"]) }
            let plugins = await PluginWiring.load(config, keyValues: store.pluginKeyValues, logger: logger)
            guard plugins.refusals.isEmpty else {
                await plugins.shutdown()
                throw PluginRefusals(lines: plugins.refusals.map(\.description))
            }
            ChangeNotifications.register(config: config, store: store, plugins: plugins)
            do {
                return try await self.assemble(
                    config: config, store: store, plugins: plugins, workers: workers, logger: logger, onListening: onListening
                )
            } catch {
                await plugins.shutdown()
                throw error
            }
        } catch {
            try? await store.close()
            throw error
        }
    }

    private static func assemble(
        config: CapstanConfig,
        store: SQLStore,
        plugins: PluginHost,
        workers: Bool,
        logger: Logger,
        onListening: @escaping @Sendable (String) -> Void
    ) async throws -> some ApplicationProtocol {
        let routes = RouteTable()
        let router = Router(context: CapstanRequestContext.self)
        router.add(middleware: SEPMiddleware(routes: routes, maxBodyBytes: config.http.maxBodyBytes) { context, limit in
            context.maxBodyBytes = limit
        })

        if config.sep1Enabled {
            let cache = StellarTOMLCache(
                settings: self.tomlSettings(config),
                assets: store.assets,
                contributor: plugins.owner(of: .toml) == nil ? nil : PluginTOMLContributor(host: plugins),
                maxAge: .seconds(config.sep1CacheSeconds)
            )
            // Fail start-up, not the first wallet, when the file cannot be produced.
            _ = try await cache.current()
            SEP1Routes(cache: cache).register(on: router, routes: routes)
        }
        if config.sep10.enabled {
            try await SEP10Wiring.register(config: config, router: router, routes: routes, logger: logger)
        }
        if config.sep6.enabled {
            try await SEP6Wiring.register(config: config, store: store, plugins: plugins, router: router, routes: routes, logger: logger)
        }
        if config.sep12.enabled {
            try await SEP12Wiring.register(config: config, store: store, plugins: plugins, router: router, routes: routes, logger: logger)
        }
        if config.sep24.enabled {
            try await SEP24Wiring.register(config: config, store: store, plugins: plugins, router: router, routes: routes, logger: logger)
        }
        HealthRoutes(plugins: plugins.plugins.map { .init(name: $0.name, version: $0.version, file: $0.file) })
            .register(on: router, routes: routes)

        var app = Application(
            router: router,
            configuration: .init(address: .hostname(config.http.host, port: config.http.port), serverName: "capstan"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? config.http.port
                onListening("http://\(config.http.host):\(port)")
            },
            logger: logger
        )
        // Services stop in reverse order: the server drains first, then plugins shut down, then the database closes.
        app.addServices(StoreService(store: store), PluginHostService(host: plugins))
        if workers {
            for dispatcher in OutboxDispatchers.all(config: config, store: store, plugins: plugins, logger: logger) {
                app.addServices(dispatcher)
            }
            app.addServices(WorkerWiring.services(config: config, store: store, plugins: plugins, logger: logger))
        }
        return app
    }

    static func tomlSettings(_ config: CapstanConfig) -> StellarTOMLSettings {
        var endpoints: [StellarTOMLSettings.Endpoint] = []
        if config.sep10.enabled { endpoints.append(.init(key: "WEB_AUTH_ENDPOINT", url: "\(config.publicURL)/auth")) }
        if config.sep6.enabled { endpoints.append(.init(key: "TRANSFER_SERVER", url: "\(config.publicURL)/sep6")) }
        if config.sep12.enabled { endpoints.append(.init(key: "KYC_SERVER", url: "\(config.publicURL)/kyc")) }
        if config.sep24.enabled { endpoints.append(.init(key: "TRANSFER_SERVER_SEP0024", url: "\(config.publicURL)/sep24")) }
        return StellarTOMLSettings(
            homeDomain: config.homeDomain,
            networkPassphrase: config.networkPassphrase,
            signingKey: config.sep10.signingKey.publicKey.strKey,
            horizonURL: config.horizonURL,
            endpoints: endpoints,
            accounts: config.accounts
        )
    }
}
