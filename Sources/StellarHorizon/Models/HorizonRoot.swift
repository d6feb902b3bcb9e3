/// `GET /`: which network the server is on and how far its history reaches.
public struct HorizonRoot: Sendable, Hashable, Decodable {
    public var horizonVersion: String
    public var coreVersion: String
    /// What every signature must be made over; check it before signing for this server.
    public var networkPassphrase: String
    public var historyLatestLedger: Int64
    public var historyElderLedger: Int64
    public var coreLatestLedger: Int64
    public var currentProtocolVersion: Int

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: HorizonKey.self)
        self.horizonVersion = try container.optional(String.self, "horizon_version") ?? ""
        self.coreVersion = try container.optional(String.self, "core_version") ?? ""
        self.networkPassphrase = try container.value(String.self, "network_passphrase")
        self.historyLatestLedger = try container.optional(Int64.self, "history_latest_ledger") ?? 0
        self.historyElderLedger = try container.optional(Int64.self, "history_elder_ledger") ?? 0
        self.coreLatestLedger = try container.optional(Int64.self, "core_latest_ledger") ?? 0
        self.currentProtocolVersion = try container.optional(Int.self, "current_protocol_version") ?? 0
    }
}
