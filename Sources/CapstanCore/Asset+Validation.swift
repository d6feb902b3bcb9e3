extension Asset {
    /// Checks everything that can be checked without the network; the first problem found is thrown.
    ///
    /// Account fields are checked for shape only (56 characters, `G`, base32). StellarKit verifies checksums.
    public func validate() throws(AssetError) {
        guard (1...12).contains(self.code.utf8.count), self.code.utf8.allSatisfy(Self.isAlphanumeric) else {
            throw AssetError(asset: self.code, field: "code", problem: "must be 1 to 12 ASCII letters or digits")
        }
        if let issuer = self.issuer, !Self.looksLikeAccount(issuer) {
            throw AssetError(asset: self.code, field: "issuer", problem: "must be a G… account: 56 base32 characters starting with G")
        }
        if let account = self.distributionAccount, !Self.looksLikeAccount(account) {
            throw AssetError(
                asset: self.code, field: "distribution_account",
                problem: "must be a G… account: 56 base32 characters starting with G"
            )
        }
        guard (0...Amount.scale).contains(self.significantDecimals) else {
            throw AssetError(asset: self.code, field: "significant_decimals", problem: "must be between 0 and 7, got \(self.significantDecimals)")
        }
        try self.deposit.validate(asset: self.code, prefix: "deposit")
        try self.withdraw.validate(asset: self.code, prefix: "withdraw")
    }

    /// Shape of a `G…` strkey: 56 characters of the RFC 4648 base32 alphabet, starting with `G`.
    static func looksLikeAccount(_ text: String) -> Bool {
        let bytes = text.utf8
        return bytes.count == 56 && bytes.first == UInt8(ascii: "G")
            && bytes.allSatisfy { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || ($0 >= UInt8(ascii: "2") && $0 <= UInt8(ascii: "7")) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}

extension Asset.Direction {
    fileprivate func validate(asset: String, prefix: String) throws(AssetError) {
        let named: [(String, Amount?)] = [
            ("min_amount", self.minAmount), ("max_amount", self.maxAmount),
            ("fee_fixed", self.feeFixed), ("fee_percent", self.feePercent),
        ]
        for (name, value) in named {
            if let value, value.isNegative {
                throw AssetError(asset: asset, field: "\(prefix).\(name)", problem: "must not be negative, got \(value)")
            }
        }
        if let min = self.minAmount, let max = self.maxAmount, min > max {
            throw AssetError(
                asset: asset, field: "\(prefix).min_amount",
                problem: "must not exceed \(prefix).max_amount: \(min) > \(max)"
            )
        }
        if let percent = self.feePercent, percent > Amount(units: 100 * Amount.unitsPerWhole) {
            throw AssetError(asset: asset, field: "\(prefix).fee_percent", problem: "must be at most 100, got \(percent)")
        }
    }
}

/// An asset definition that cannot be served; the message names the asset and the offending field.
public struct AssetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The asset code as given (possibly the invalid one).
    public let asset: String
    /// The field at fault, spelled as in config and `/info` (`deposit.min_amount`).
    public let field: String
    /// What is wrong with it.
    public let problem: String

    public init(asset: String, field: String, problem: String) {
        self.asset = asset
        self.field = field
        self.problem = problem
    }

    public var description: String { "asset \(self.asset): \(self.field) \(self.problem)" }
}
