/// `GET /fee_stats`: on an uncongested devnet every percentile is the base fee.
struct FeeStatsResource: Encodable, Sendable {
    struct Distribution: Encodable, Sendable {
        var max, min, mode, p10, p20, p30, p40, p50, p60, p70, p80, p90, p95, p99: String

        init(_ fee: String) {
            (self.max, self.min, self.mode) = (fee, fee, fee)
            (self.p10, self.p20, self.p30, self.p40, self.p50) = (fee, fee, fee, fee, fee)
            (self.p60, self.p70, self.p80, self.p90, self.p95, self.p99) = (fee, fee, fee, fee, fee, fee)
        }
    }

    var lastLedger: String
    var lastLedgerBaseFee: String
    var ledgerCapacityUsage = "0.00"
    var feeCharged: Distribution
    var maxFee: Distribution

    enum CodingKeys: String, CodingKey {
        case lastLedger = "last_ledger", lastLedgerBaseFee = "last_ledger_base_fee", ledgerCapacityUsage = "ledger_capacity_usage"
        case feeCharged = "fee_charged", maxFee = "max_fee"
    }

    init(lastLedger: UInt32, baseFee: Int64) {
        self.lastLedger = String(lastLedger)
        self.lastLedgerBaseFee = String(baseFee)
        self.feeCharged = Distribution(String(baseFee))
        self.maxFee = Distribution(String(baseFee))
    }
}
