import StellarKit

/// Which of an account's thresholds an operation's signatures must reach (stellar-core's `ThresholdLevel`).
enum ThresholdLevel: Sendable {
    case low, medium, high

    /// stellar-core's categories: claiming is low; merging, and SetOptions that changes weights, thresholds
    /// or signers, are high; everything else the devnet models is medium.
    init(_ body: OperationBody) {
        switch body {
        case .claimClaimableBalance:
            self = .low
        case .accountMerge:
            self = .high
        case .setOptions(let op):
            let changesAuthority = op.masterWeight != nil || op.lowThreshold != nil || op.mediumThreshold != nil
                || op.highThreshold != nil || op.signer != nil
            self = changesAuthority ? .high : .medium
        default:
            self = .medium
        }
    }

    /// The weight `account`'s signatures need for this level.
    func neededWeight(_ account: AccountEntry) -> UInt32 {
        switch self {
        case .low: account.lowThreshold
        case .medium: account.mediumThreshold
        case .high: account.highThreshold
        }
    }
}
