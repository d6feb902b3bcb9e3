/// Decoding Horizon's `/accounts/{id}` record. Horizon prints the sequence number as a string
/// (it is an int64, beyond JSON's safe integer range) and nests the thresholds.
extension LedgerAccount: Decodable {
    enum CodingKeys: String, CodingKey {
        case id, sequence, thresholds, signers, balances
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let sequenceText = try container.decode(String.self, forKey: .sequence)
        guard let sequence = Int64(sequenceText) else {
            throw DecodingError.dataCorruptedError(forKey: .sequence, in: container, debugDescription: "sequence is not an int64")
        }
        self.init(
            id: try container.decode(String.self, forKey: .id),
            sequence: sequence,
            thresholds: try container.decode(Thresholds.self, forKey: .thresholds),
            signers: try container.decode([Signer].self, forKey: .signers),
            balances: try container.decodeIfPresent([Balance].self, forKey: .balances) ?? []
        )
    }
}

extension LedgerAccount.Thresholds: Decodable {
    enum CodingKeys: String, CodingKey {
        case low = "low_threshold", medium = "med_threshold", high = "high_threshold"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            low: try container.decode(Int.self, forKey: .low),
            medium: try container.decode(Int.self, forKey: .medium),
            high: try container.decode(Int.self, forKey: .high)
        )
    }
}

extension LedgerAccount.Signer: Decodable {
    enum CodingKeys: String, CodingKey {
        case key, weight, type
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: try container.decode(String.self, forKey: .key),
            weight: try container.decode(Int.self, forKey: .weight),
            type: LedgerAccount.SignerType(rawValue: try container.decode(String.self, forKey: .type))
        )
    }
}

extension LedgerAccount.Balance: Decodable {
    enum CodingKeys: String, CodingKey {
        case assetType = "asset_type", assetCode = "asset_code", assetIssuer = "asset_issuer"
        case liquidityPoolID = "liquidity_pool_id", balance
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            assetType: try container.decode(String.self, forKey: .assetType),
            assetCode: try container.decodeIfPresent(String.self, forKey: .assetCode),
            assetIssuer: try container.decodeIfPresent(String.self, forKey: .assetIssuer),
            liquidityPoolID: try container.decodeIfPresent(String.self, forKey: .liquidityPoolID),
            balance: try container.decode(String.self, forKey: .balance)
        )
    }
}
