import StellarKit

/// CreateClaimableBalance and ClaimClaimableBalance. The creator pays one reserve per claimant until the balance
/// is claimed; relative time predicates become absolute when the balance is created, as in stellar-core.
enum ClaimableBalanceApplier {
    static func create(
        _ op: CreateClaimableBalanceOp, source: String, entries: inout LedgerEntries, context: OperationContext
    ) -> OperationResult {
        do {
            try entries.debit(source, op.asset, op.amount, context: context)
        } catch {
            switch error {
            case .noTrust: return .createClaimableBalance(.noTrust, nil)
            case .notAuthorized: return .createClaimableBalance(.notAuthorized, nil)
            case .underfunded, .lineFull: return .createClaimableBalance(.underfunded, nil)
            }
        }
        guard var creator = entries.accounts[source] else { return .createClaimableBalance(.underfunded, nil) }
        guard creator.balance >= creator.minimumBalance(baseReserve: context.baseReserve, extraEntries: op.claimants.count) else {
            return .createClaimableBalance(.lowReserve, nil)
        }
        creator.numSponsoring += UInt32(op.claimants.count)
        entries.accounts[source] = creator
        guard let id = try? self.balanceID(context) else { return .createClaimableBalance(.malformed, nil) }
        let claimants = op.claimants.map { claimant in
            ClaimableBalanceEntry.StoredClaimant(
                destination: claimant.destination.strKey,
                predicateXDR: (try? self.absolute(claimant.predicate, closeTime: context.closeTime).xdrBase64) ?? ""
            )
        }
        entries.claimableBalances[id.hex] = ClaimableBalanceEntry(
            id: id.hex, asset: AssetText.canonical(op.asset), amount: op.amount, claimants: claimants, sponsor: source,
            lastModifiedLedger: context.ledgerSequence, lastModifiedTime: context.closeTime
        )
        return .createClaimableBalance(.success, id)
    }

    static func claim(
        _ op: ClaimClaimableBalanceOp, source: String, entries: inout LedgerEntries, context: OperationContext
    ) -> ClaimClaimableBalanceResultCode {
        let id = op.balanceID.hex
        guard let balance = entries.claimableBalances[id], let asset = AssetText.asset(balance.asset) else { return .doesNotExist }
        let mayClaim = balance.claimants.contains { claimant in
            claimant.destination == source && claimant.predicate.map { self.holds($0, at: context.closeTime) } == true
        }
        guard mayClaim else { return .cannotClaim }
        do {
            try entries.credit(source, asset, balance.amount, context: context)
        } catch {
            switch error {
            case .noTrust: return .noTrust
            case .notAuthorized: return .notAuthorized
            case .underfunded, .lineFull: return .lineFull
            }
        }
        entries.claimableBalances[id] = nil
        if var sponsor = entries.accounts[balance.sponsor] {
            sponsor.numSponsoring -= min(sponsor.numSponsoring, UInt32(balance.claimants.count))
            entries.accounts[balance.sponsor] = sponsor
        }
        return .success
    }

    /// Whether `predicate` holds at `closeTime`.
    static func holds(_ predicate: ClaimPredicate, at closeTime: UInt64) -> Bool {
        switch predicate {
        case .unconditional: true
        case .and(let children): children.allSatisfy { self.holds($0, at: closeTime) }
        case .or(let children): children.contains { self.holds($0, at: closeTime) }
        case .not(let child): child.map { !self.holds($0, at: closeTime) } ?? false
        case .beforeAbsoluteTime(let time): time > 0 && closeTime < UInt64(time)
        // Made absolute at creation, so never stored; treated as expired if it ever were.
        case .beforeRelativeTime: false
        }
    }

    /// `SHA-256(XDR(HashIDPreimage{ ENVELOPE_TYPE_OP_ID, { tx source, tx seqNum, op index } }))`, as stellar-core derives it.
    private static func balanceID(_ context: OperationContext) throws(XDRError) -> ClaimableBalanceID {
        var encoder = XDREncoder()
        encoder.encode(EnvelopeType.operationId.rawValue)
        try encoder.encode(context.transactionSource)
        encoder.encode(context.transactionSequence)
        encoder.encode(UInt32(context.operationIndex))
        return try ClaimableBalanceID(hash: StellarHash.sha256(encoder.bytes))
    }

    /// The predicate with relative times replaced by `closeTime + seconds` (saturating).
    private static func absolute(_ predicate: ClaimPredicate, closeTime: UInt64) -> ClaimPredicate {
        switch predicate {
        case .unconditional, .beforeAbsoluteTime:
            return predicate
        case .and(let children):
            return .and(children.map { self.absolute($0, closeTime: closeTime) })
        case .or(let children):
            return .or(children.map { self.absolute($0, closeTime: closeTime) })
        case .not(let child):
            return .not(child.map { self.absolute($0, closeTime: closeTime) })
        case .beforeRelativeTime(let seconds):
            let (sum, overflow) = Int64(clamping: closeTime).addingReportingOverflow(seconds)
            return .beforeAbsoluteTime(overflow ? .max : sum)
        }
    }
}
