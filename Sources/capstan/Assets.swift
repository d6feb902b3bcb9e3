import ArgumentParser
import Foundation
import CapstanApp

/// `capstan assets`: list, add and update the anchor's assets.
struct Assets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assets", abstract: "List, add and update assets.", subcommands: [List.self, Add.self, Update.self])

    /// `capstan assets list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List assets.")
        @OptionGroup var options: ConfigOption

        func run() async throws {
            let config = try await CapstanCommandSupport.loadConfig(self.options.config)
            print(try await CapstanCommandSupport.failing { try await AssetAdmin.list(config, logger: CapstanCommandSupport.plainLogger()) })
        }
    }

    /// `capstan assets add`.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an asset.")
        @OptionGroup var options: ConfigOption
        @Option(help: "Asset code (1-12 letters and digits).") var code: String
        @OptionGroup var fields: AssetFields

        func run() async throws {
            let config = try await CapstanCommandSupport.loadConfig(self.options.config)
            let asset = try await CapstanCommandSupport.failing {
                try await AssetAdmin.add(code: self.code, self.fields.changes(), config: config, logger: CapstanCommandSupport.plainLogger())
            }
            print("added \(asset.code)")
        }
    }

    /// `capstan assets update`.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Change an asset; options not given stay as they are, an empty value clears.")
        @OptionGroup var options: ConfigOption
        @Option(help: "Asset code.") var code: String
        @OptionGroup var fields: AssetFields

        func run() async throws {
            let config = try await CapstanCommandSupport.loadConfig(self.options.config)
            let asset = try await CapstanCommandSupport.failing {
                try await AssetAdmin.update(code: self.code, self.fields.changes(), config: config, logger: CapstanCommandSupport.plainLogger())
            }
            print("updated \(asset.code)")
        }
    }
}

/// The asset fields `add` and `update` share.
struct AssetFields: ParsableArguments {
    @Option(help: "Issuing account (G…).") var issuer: String?
    @Option(help: "Distribution account (G…) that pays deposits and receives withdrawals.") var distribution: String?
    @Option(help: "Comma-separated SEPs the asset is offered on: 6,24,31,38.") var seps: String?
    @Option(help: "Significant decimals fees and amounts round to (0-7).") var decimals: Int?
    @Option(help: "Deposits enabled (true/false).") var deposit: Bool?
    @Option(help: "Withdrawals enabled (true/false).") var withdraw: Bool?
    @Option(help: "Smallest deposit.") var depositMin: String?
    @Option(help: "Largest deposit.") var depositMax: String?
    @Option(help: "Fixed deposit fee.") var depositFeeFixed: String?
    @Option(help: "Percent deposit fee (1.5 means 1.5%).") var depositFeePercent: String?
    @Option(help: "Smallest withdrawal.") var withdrawMin: String?
    @Option(help: "Largest withdrawal.") var withdrawMax: String?
    @Option(help: "Fixed withdrawal fee.") var withdrawFeeFixed: String?
    @Option(help: "Percent withdrawal fee.") var withdrawFeePercent: String?

    func changes() -> AssetChanges {
        var changes = AssetChanges()
        changes.issuer = self.issuer
        changes.distributionAccount = self.distribution
        changes.seps = self.seps.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        changes.significantDecimals = self.decimals
        changes.depositEnabled = self.deposit
        changes.withdrawEnabled = self.withdraw
        let amounts: [(String, String?)] = [
            ("deposit.min", self.depositMin), ("deposit.max", self.depositMax),
            ("deposit.fee-fixed", self.depositFeeFixed), ("deposit.fee-percent", self.depositFeePercent),
            ("withdraw.min", self.withdrawMin), ("withdraw.max", self.withdrawMax),
            ("withdraw.fee-fixed", self.withdrawFeeFixed), ("withdraw.fee-percent", self.withdrawFeePercent),
        ]
        for case let (key, value?) in amounts { changes.amounts[key] = value }
        return changes
    }
}
