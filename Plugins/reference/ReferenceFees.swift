import CapstanPluginKit

/// Fixed-plus-percentage fees per asset and direction, computed in fixed point (never Double).
struct ReferenceFees: Sendable {
    struct Schedule: Sendable {
        let fixed: FixedPointAmount
        /// Percent of the amount, e.g. 1.0 for 1 %.
        let percent: FixedPointAmount
    }

    let deposit: [String: Schedule]
    let withdraw: [String: Schedule]

    static let standard = ReferenceFees(
        deposit: ["SRT": Schedule(fixed: FixedPointAmount("1.00")!, percent: FixedPointAmount("1")!)],
        withdraw: ["SRT": Schedule(fixed: FixedPointAmount("0.50")!, percent: FixedPointAmount("0.5")!)])

    /// Assets without a schedule answer UNIMPLEMENTED, so the host falls back to its asset table.
    func fee(for request: FeeRequest) throws(PluginFailure) -> FeeResponse {
        let schedules = request.operation == .deposit ? self.deposit : self.withdraw
        guard let schedule = schedules[request.assetCode] else { throw .unimplemented }
        guard let amount = FixedPointAmount(request.amount), amount.stroops > 0 else {
            throw .invalid("amount must be a positive decimal number", fields: ["amount": "Enter a positive amount"])
        }
        let decimals = min(max(request.significantDecimals ?? 2, 0), FixedPointAmount.decimals)
        let variable = amount.percentage(schedule.percent).rounded(toDecimals: decimals)
        let fixed = schedule.fixed.rounded(toDecimals: decimals)
        let total = FixedPointAmount(stroops: fixed.stroops + variable.stroops)
        return FeeResponse(fee: total.formatted(decimals: decimals), details: [
            FeeDetail(name: "Fixed fee", amount: fixed.formatted(decimals: decimals)),
            FeeDetail(name: "Percentage fee", description: "\(schedule.percent.formatted()) % of the amount",
                      amount: variable.formatted(decimals: decimals)),
        ])
    }
}
