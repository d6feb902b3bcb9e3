import CapstanCore

/// What the host itself knows for stellar.toml, taken from configuration.
public struct StellarTOMLSettings: Sendable, Equatable {
    /// A top-level endpoint key and its URL, such as `TRANSFER_SERVER_SEP0024`.
    public struct Endpoint: Sendable, Equatable {
        public var key: String
        public var url: String
        public init(key: String, url: String) { (self.key, self.url) = (key, url) }
    }

    public var homeDomain: String
    public var networkPassphrase: String
    public var signingKey: String?
    public var horizonURL: String?
    /// Only the endpoints of enabled SEPs, so wallets never discover a server that is not there.
    public var endpoints: [Endpoint]
    public var accounts: [String]

    public init(homeDomain: String, networkPassphrase: String, signingKey: String?, horizonURL: String?, endpoints: [Endpoint], accounts: [String]) {
        self.homeDomain = homeDomain
        self.networkPassphrase = networkPassphrase
        self.signingKey = signingKey
        self.horizonURL = horizonURL
        self.endpoints = endpoints
        self.accounts = accounts
    }
}

/// Why stellar.toml could not be produced.
public enum StellarTOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// SEP-1 caps the file at 100 KB.
    case tooLarge(bytes: Int)

    public var description: String {
        switch self {
        case .tooLarge(let bytes): "stellar.toml would be \(bytes) bytes; SEP-1 allows at most \(StellarTOMLBuilder.maxBytes)"
        }
    }
}

/// Merges configuration, the asset table and a plugin's contribution into one stellar.toml.
public struct StellarTOMLBuilder: Sendable {
    /// SEP-1: "the file must be no larger than 100 KB".
    public static let maxBytes = 100_000
    /// SEP-1 version the output follows.
    public static let version = "2.7.0"

    static let currencyOrder = [
        "code", "issuer", "contract", "code_template", "status", "display_decimals", "name", "desc", "conditions", "image",
        "fixed_number", "max_number", "is_unlimited", "is_asset_anchored", "anchor_asset_type", "anchor_asset",
    ]
    static let documentationOrder = ["ORG_NAME", "ORG_DBA", "ORG_URL", "ORG_LOGO", "ORG_DESCRIPTION"]

    public init() {}

    public func build(settings: StellarTOMLSettings, assets: [Asset], contribution: TOMLContribution?) throws(StellarTOMLError) -> String {
        let contribution = contribution ?? TOMLContribution()
        var hostKeys: [(String, TOMLValue)] = [
            ("VERSION", .string(Self.version)),
            ("NETWORK_PASSPHRASE", .string(settings.networkPassphrase)),
        ]
        if let signingKey = settings.signingKey { hostKeys.append(("SIGNING_KEY", .string(signingKey))) }
        if let horizon = settings.horizonURL { hostKeys.append(("HORIZON_URL", .string(horizon))) }
        for endpoint in settings.endpoints { hostKeys.append((endpoint.key, .string(endpoint.url))) }
        let accounts = Self.accounts(settings.accounts, assets: assets)
        if !accounts.isEmpty { hostKeys.append(("ACCOUNTS", .array(accounts.map(TOMLValue.string)))) }

        var writer = TOMLWriter()
        for (key, value) in hostKeys { writer.keyValue(key, value) }
        let reserved = Set(hostKeys.map(\.0))
        // Host-derived keys win: a plugin must not be able to point wallets at another signing key or server.
        for key in contribution.topLevel.keys.sorted() where !reserved.contains(key) {
            writer.keyValue(key, contribution.topLevel[key]!)
        }
        writer.table("DOCUMENTATION", contribution.documentation, order: Self.documentationOrder)
        writer.arrayOfTables("PRINCIPALS", contribution.principals)
        writer.arrayOfTables("CURRENCIES", Self.currencies(assets: assets, contributed: contribution.currencies), order: Self.currencyOrder)
        writer.arrayOfTables("VALIDATORS", contribution.validators)

        let bytes = writer.text.utf8.count
        guard bytes <= Self.maxBytes else { throw .tooLarge(bytes: bytes) }
        return writer.text
    }

    static func accounts(_ configured: [String], assets: [Asset]) -> [String] {
        var seen = Set<String>()
        return (configured + assets.compactMap(\.distributionAccount)).filter { seen.insert($0).inserted }
    }

    /// One entry per asset in the table, in table order, with the plugin's fields for the same code merged in.
    /// Entries for codes the table does not hold are dropped (the ABI says so): only the operator's asset
    /// table decides which assets wallets are offered.
    static func currencies(assets: [Asset], contributed: [[String: TOMLValue]]) -> [[String: TOMLValue]] {
        var byCode: [String: [String: TOMLValue]] = [:]
        for entry in contributed {
            if case .string(let code)? = entry["code"] { byCode[code, default: [:]].merge(entry) { _, new in new } }
        }
        var result: [[String: TOMLValue]] = []
        for asset in assets {
            var entry = byCode.removeValue(forKey: asset.code) ?? [:]
            entry["code"] = .string(asset.code)
            if let issuer = asset.issuer { entry["issuer"] = .string(issuer) }
            if entry["display_decimals"] == nil { entry["display_decimals"] = .integer(Int64(asset.significantDecimals)) }
            result.append(entry)
        }
        return result
    }
}
