import CapstanCore
import CapstanStore
import Foundation
import Logging

/// Changes to one asset as the CLI receives them: text, validated here so errors name the option.
public struct AssetChanges: Sendable {
    public var issuer: String?
    public var distributionAccount: String?
    public var seps: [String]?
    public var significantDecimals: Int?
    public var depositEnabled: Bool?
    public var withdrawEnabled: Bool?
    /// Per direction ("deposit"/"withdraw") and field ("min", "max", "fee-fixed", "fee-percent"): the decimal text, or "" to clear.
    public var amounts: [String: String] = [:]

    public init() {}
}

/// `capstan assets`: the asset table, edited through the store so running servers see changes.
public enum AssetAdmin {
    /// One row per asset, for `assets list`.
    public static func list(_ config: CapstanConfig, logger: Logger) async throws -> String {
        let assets = try await Maintenance.withStore(config, logger: logger, migrating: true) { try await $0.assets.all() }
        guard !assets.isEmpty else { return "no assets" }
        var lines = ["CODE  ISSUER  DISTRIBUTION  SEPS  DECIMALS  DEPOSIT  WITHDRAW"]
        for asset in assets {
            let seps = asset.seps.map(\.rawValue).sorted().map(String.init).joined(separator: ",")
            lines.append([
                asset.code, asset.issuer ?? "-", asset.distributionAccount ?? "-", seps.isEmpty ? "-" : seps,
                String(asset.significantDecimals), self.describe(asset.deposit), self.describe(asset.withdraw),
            ].joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }

    public static func add(code: String, _ changes: AssetChanges, config: CapstanConfig, logger: Logger) async throws -> Asset {
        var asset = Asset(code: code, issuer: nil, distributionAccount: nil, significantDecimals: 2, seps: [],
                          deposit: .init(enabled: false, minAmount: nil, maxAmount: nil, feeFixed: nil, feePercent: nil),
                          withdraw: .init(enabled: false, minAmount: nil, maxAmount: nil, feeFixed: nil, feePercent: nil))
        try self.apply(changes, to: &asset)
        try asset.validate()
        let added = asset
        try await Maintenance.withStore(config, logger: logger, migrating: true) { try await $0.assets.insert(added) }
        return added
    }

    public static func update(code: String, _ changes: AssetChanges, config: CapstanConfig, logger: Logger) async throws -> Asset {
        try await Maintenance.withStore(config, logger: logger, migrating: true) { store in
            guard var asset = try await store.assets.asset(code: code) else { throw StoreError.notFound("asset \(code)") }
            try self.apply(changes, to: &asset)
            try asset.validate()
            try await store.assets.update(asset)
            return asset
        }
    }

    static func apply(_ changes: AssetChanges, to asset: inout Asset) throws {
        if let issuer = changes.issuer { asset.issuer = issuer.isEmpty ? nil : issuer }
        if let distribution = changes.distributionAccount { asset.distributionAccount = distribution.isEmpty ? nil : distribution }
        if let decimals = changes.significantDecimals { asset.significantDecimals = decimals }
        if let seps = changes.seps {
            asset.seps = try Set(seps.filter { !$0.isEmpty }.map { text in
                let digits = text.lowercased().replacingOccurrences(of: "sep", with: "").replacingOccurrences(of: "-", with: "")
                guard let number = Int(digits), let sep = SEPNumber(rawValue: number) else {
                    throw ConfigError(key: "--seps", "'\(text)' is not one of 6, 24, 31, 38")
                }
                return sep
            })
        }
        if let enabled = changes.depositEnabled { asset.deposit.enabled = enabled }
        if let enabled = changes.withdrawEnabled { asset.withdraw.enabled = enabled }
        for (key, text) in changes.amounts {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let amount: Amount?
            if text.isEmpty {
                amount = nil
            } else {
                guard let parsed = Amount(text) else { throw ConfigError(key: "--\(parts[0])-\(parts[1])", "'\(text)' is not a decimal amount") }
                amount = parsed
            }
            var direction = parts[0] == "deposit" ? asset.deposit : asset.withdraw
            switch parts[1] {
            case "min": direction.minAmount = amount
            case "max": direction.maxAmount = amount
            case "fee-fixed": direction.feeFixed = amount
            case "fee-percent": direction.feePercent = amount
            default: continue
            }
            if parts[0] == "deposit" { asset.deposit = direction } else { asset.withdraw = direction }
        }
    }

    static func describe(_ direction: Asset.Direction) -> String {
        guard direction.enabled else { return "off" }
        let min = direction.minAmount?.description ?? "0"
        let max = direction.maxAmount?.description ?? "∞"
        let fixed = direction.feeFixed?.description ?? "0"
        let percent = direction.feePercent?.description ?? "0"
        return "\(min)..\(max) fee \(fixed)+\(percent)%"
    }
}
