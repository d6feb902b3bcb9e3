/// Every operation type the network defines, by its XDR code; the codec models only some of their bodies.
public enum OperationType: Int32, Sendable, Hashable, CaseIterable {
    case createAccount = 0
    case payment = 1
    case pathPaymentStrictReceive = 2
    case manageSellOffer = 3
    case createPassiveSellOffer = 4
    case setOptions = 5
    case changeTrust = 6
    case allowTrust = 7
    case accountMerge = 8
    case inflation = 9
    case manageData = 10
    case bumpSequence = 11
    case manageBuyOffer = 12
    case pathPaymentStrictSend = 13
    case createClaimableBalance = 14
    case claimClaimableBalance = 15
    case beginSponsoringFutureReserves = 16
    case endSponsoringFutureReserves = 17
    case revokeSponsorship = 18
    case clawback = 19
    case clawbackClaimableBalance = 20
    case setTrustLineFlags = 21
    case liquidityPoolDeposit = 22
    case liquidityPoolWithdraw = 23
    case invokeHostFunction = 24
    case extendFootprintTTL = 25
    case restoreFootprint = 26
}
