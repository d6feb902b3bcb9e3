import StellarKit

/// The checks stellar-core makes on an operation without reading the ledger (`doCheckValid`): malformed
/// amounts, impossible flags, bad names. A failure here rejects the transaction at submission.
enum OperationCheck {
    /// The failure for `body` with source `source`, or nil when it is well formed.
    static func failure(of body: OperationBody, source: String) -> OperationResult? {
        switch body {
        case .createAccount(let op):
            return op.startingBalance < 0 || op.destination.strKey == source ? .createAccount(.malformed) : nil
        case .payment(let op):
            return op.amount <= 0 ? .payment(.malformed) : nil
        case .pathPaymentStrictReceive(let op):
            return op.sendMax <= 0 || op.destAmount <= 0 ? .pathPaymentStrictReceive(.malformed, .none) : nil
        case .pathPaymentStrictSend(let op):
            return op.sendAmount <= 0 || op.destMin <= 0 ? .pathPaymentStrictSend(.malformed, .none) : nil
        case .setOptions(let op):
            return self.setOptionsFailure(op, source: source).map { .setOptions($0) }
        case .changeTrust(let op):
            return self.changeTrustFailure(op, source: source)
        case .accountMerge(let destination):
            return destination.accountId == source ? .accountMerge(.malformed, balance: 0) : nil
        case .manageData(let op):
            return self.isValidString(op.name) && !op.name.isEmpty ? nil : .manageData(.invalidName)
        case .createClaimableBalance(let op):
            return self.claimableBalanceIsWellFormed(op) ? nil : .createClaimableBalance(.malformed, nil)
        case .claimClaimableBalance:
            return nil
        }
    }

    private static func setOptionsFailure(_ op: SetOptionsOp, source: String) -> SetOptionsResultCode? {
        let set = op.setFlags ?? 0, clear = op.clearFlags ?? 0
        if (set | clear) & ~AccountFlags.all != 0 { return .unknownFlag }
        if set & clear != 0 { return .badFlags }
        for value in [op.masterWeight, op.lowThreshold, op.mediumThreshold, op.highThreshold] {
            if let value, value > 255 { return .thresholdOutOfRange }
        }
        if let signer = op.signer {
            if case .ed25519(let key) = signer.key, key.strKey == source { return .badSigner }
            if signer.weight > 255 { return .badSigner }
        }
        if let homeDomain = op.homeDomain, !self.isValidString(homeDomain) { return .invalidHomeDomain }
        return nil
    }

    private static func changeTrustFailure(_ op: ChangeTrustOp, source: String) -> OperationResult? {
        // Liquidity pools are outside the devnet's model.
        if case .poolShare = op.line { return .notSupported }
        guard op.limit >= 0, let asset = op.line.asset, let issuer = asset.issuer else { return .changeTrust(.malformed) }
        return issuer.strKey == source ? .changeTrust(.malformed) : nil
    }

    private static func claimableBalanceIsWellFormed(_ op: CreateClaimableBalanceOp) -> Bool {
        guard op.amount > 0, !op.claimants.isEmpty else { return false }
        let destinations = Set(op.claimants.map(\.destination))
        return destinations.count == op.claimants.count && op.claimants.allSatisfy { self.predicateIsValid($0.predicate, depth: 1) }
    }

    /// stellar-core's `validatePredicate`: at most four levels, exactly two children for and/or, one for not,
    /// and no negative times.
    static func predicateIsValid(_ predicate: ClaimPredicate, depth: Int) -> Bool {
        guard depth <= 4 else { return false }
        switch predicate {
        case .unconditional:
            return true
        case .and(let children), .or(let children):
            return children.count == 2 && children.allSatisfy { self.predicateIsValid($0, depth: depth + 1) }
        case .not(let child):
            guard let child else { return false }
            return self.predicateIsValid(child, depth: depth + 1)
        case .beforeAbsoluteTime(let time), .beforeRelativeTime(let time):
            return time >= 0
        }
    }

    /// stellar-core's `isStringValid`: no control characters.
    static func isValidString(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7f }
    }
}
