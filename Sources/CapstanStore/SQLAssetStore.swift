import CapstanCore
import Foundation
import SQLKit

/// `AssetStore` over SQL: one row per asset, each direction's limits flattened into `deposit_*`/`withdraw_*` columns.
struct SQLAssetStore: AssetStore {
    let executor: any SQLExecutor

    func all() async throws -> [Asset] {
        try await self.executor.read { sql in
            try await sql.select().column("*").from("assets").orderBy("code").all().map(Self.asset(from:))
        }
    }

    func asset(code: String) async throws -> Asset? {
        try await self.executor.read { sql in
            try await sql.select().column("*").from("assets").where("code", .equal, code).first().map(Self.asset(from:))
        }
    }

    func insert(_ asset: Asset) async throws {
        let values = try Self.values(of: asset)
        let now = Date.now.storedMilliseconds
        do {
            try await self.executor.write { sql in
                try await sql.insert(into: "assets")
                    .columns(values.map(\.0) + ["created_at", "updated_at"])
                    .values(values.map(\.1) + [now, now])
                    .run()
            }
        } catch let error where self.executor.isUniqueViolation(error) {
            throw StoreError.duplicate("asset \(asset.code)")
        }
    }

    func update(_ asset: Asset) async throws {
        let values = try Self.values(of: asset)
        let now = Date.now.storedMilliseconds
        let found = try await self.executor.write { sql in
            guard try await sql.select().column("code").from("assets").where("code", .equal, asset.code).first() != nil else {
                return false
            }
            let update = sql.update("assets").set("updated_at", to: now)
            for (column, value) in values where column != "code" { update.set(column, to: value) }
            try await update.where("code", .equal, asset.code).run()
            return true
        }
        if !found { throw StoreError.notFound("asset \(asset.code)") }
    }

    private static func values(of asset: Asset) throws -> [(String, any Encodable & Sendable)] {
        var values: [(String, any Encodable & Sendable)] = [
            ("code", asset.code),
            ("issuer", asset.issuer),
            ("distribution_account", asset.distributionAccount),
            ("significant_decimals", Int64(asset.significantDecimals)),
            ("seps", try StoredJSON.text(asset.seps.sorted()) ?? "[]"),
        ]
        for (prefix, direction) in [("deposit", asset.deposit), ("withdraw", asset.withdraw)] {
            values += [
                ("\(prefix)_enabled", direction.enabled),
                ("\(prefix)_min_amount", direction.minAmount?.description),
                ("\(prefix)_max_amount", direction.maxAmount?.description),
                ("\(prefix)_fee_fixed", direction.feeFixed?.description),
                ("\(prefix)_fee_percent", direction.feePercent?.description),
            ]
        }
        return values
    }

    private static func asset(from row: any SQLRow) throws -> Asset {
        let row = StoredRow(row: row, table: "assets")
        func direction(_ prefix: String) throws -> Asset.Direction {
            Asset.Direction(
                enabled: try row.bool("\(prefix)_enabled"),
                minAmount: try row.amount("\(prefix)_min_amount"),
                maxAmount: try row.amount("\(prefix)_max_amount"),
                feeFixed: try row.amount("\(prefix)_fee_fixed"),
                feePercent: try row.amount("\(prefix)_fee_percent")
            )
        }
        return Asset(
            code: try row.string("code"),
            issuer: try row.optionalString("issuer"),
            distributionAccount: try row.optionalString("distribution_account"),
            significantDecimals: Int(try row.int64("significant_decimals")),
            seps: Set(try row.json("seps", as: [SEPNumber].self) ?? []),
            deposit: try direction("deposit"),
            withdraw: try direction("withdraw")
        )
    }
}
