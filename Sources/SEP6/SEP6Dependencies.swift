import CapstanCore
import CapstanHTTP
import Logging
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What every SEP-6 handler uses, built once by `SEP6Routes`.
final class SEP6Dependencies: Sendable {
    let settings: SEP6Settings
    let transactions: any TransactionStore
    let assets: AssetDirectory
    let hooks: any SEP6Hooks
    let feeProvider: (any FeeProvider)?
    let fees = FeeCalculator()
    let quotes: any SEP6QuoteResolver
    let keyValues: any PluginKeyValueStore
    let now: @Sendable () -> Date
    let logger: Logger
    /// Rendered transaction objects by version for `GET /transactions`: ~4,096 of ~1 KB at most.
    let rendered = RenderedTransactionCache(capacity: 4_096)
    /// `sep6_info` replies by language, for a few seconds: `/info` and every request's validation read them.
    private let infoCache = Mutex<[String: (reply: SEP6InfoReply, at: ContinuousClock.Instant)]>([:])

    init(
        settings: SEP6Settings, transactions: any TransactionStore, assets: AssetDirectory, hooks: any SEP6Hooks,
        feeProvider: (any FeeProvider)?, quotes: any SEP6QuoteResolver, keyValues: any PluginKeyValueStore,
        now: @escaping @Sendable () -> Date, logger: Logger
    ) {
        self.settings = settings
        self.transactions = transactions
        self.assets = assets
        self.hooks = hooks
        self.feeProvider = feeProvider
        self.quotes = quotes
        self.keyValues = keyValues
        self.now = now
        self.logger = logger
    }

    /// The namespace of the host's key-value store where SEP-6 keeps what a wallet PATCHed (plugin names cannot
    /// contain a dot, so no plugin shares it).
    static let keyValueNamespace = "capstan.sep6"

    /// The language of a request: `lang`, else the configured default.
    func language(_ lang: String?) -> String {
        Messages.language(lang, fallback: self.settings.defaultLanguage)
    }

    /// A 400 whose message is the catalog's `key` in `language`.
    func badRequest(_ key: String, _ language: String, _ arguments: [String: String] = [:]) -> SEPError {
        .badRequest(Messages.text(key, language, arguments))
    }

    func unavailable(_ language: String) -> SEPError {
        SEPError(status: .serviceUnavailable, message: Messages.text("unavailable", language))
    }

    /// The plugin's `/info` additions in `language`; an empty reply when no plugin answers or it fails (logged),
    /// so `/info` and requests still work from the asset table alone.
    func pluginInfo(_ language: String) async -> SEP6InfoReply {
        let now = ContinuousClock.now
        if let cached = self.infoCache.withLock({ $0[language] }), now - cached.at < .seconds(5) { return cached.reply }
        var reply = SEP6InfoReply()
        do {
            reply = try await self.hooks.info(SEP6InfoRequest(lang: language)) ?? SEP6InfoReply()
        } catch {
            self.logger.warning("sep6_info failed; /info lists the asset table alone", metadata: ["error": "\(String(reflecting: error))"])
            return reply
        }
        self.infoCache.withLock { $0[language] = (reply, now) }
        return reply
    }
}
