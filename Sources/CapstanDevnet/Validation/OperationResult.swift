import StellarKit

/// What one operation did, as stellar-core reports it (XDR `OperationResult`).
enum OperationResult: Sendable, Hashable {
    /// Its source's signatures did not reach the operation's threshold (`opBAD_AUTH`).
    case badAuth
    /// Its source account does not exist (`opNO_ACCOUNT`).
    case noAccount
    /// The devnet does not model this operation (`opNOT_SUPPORTED`).
    case notSupported
    /// The account already has 1,000 subentries (`opTOO_MANY_SUBENTRIES`).
    case tooManySubentries
    case createAccount(CreateAccountResultCode)
    case payment(PaymentResultCode)
    case pathPaymentStrictReceive(PaymentResultCode, PathPaymentDetail)
    case pathPaymentStrictSend(PaymentResultCode, PathPaymentDetail)
    case setOptions(SetOptionsResultCode)
    case changeTrust(ChangeTrustResultCode)
    /// On success, the merged account's balance.
    case accountMerge(AccountMergeResultCode, balance: Int64)
    case manageData(ManageDataResultCode)
    /// On success, the new balance's id.
    case createClaimableBalance(CreateClaimableBalanceResultCode, ClaimableBalanceID?)
    case claimClaimableBalance(ClaimClaimableBalanceResultCode)

    /// The result of an operation that passed, for the operation list of a transaction rejected for another one.
    static func success(for body: OperationBody) -> OperationResult {
        switch body {
        case .createAccount: .createAccount(.success)
        case .payment: .payment(.success)
        case .pathPaymentStrictReceive: .pathPaymentStrictReceive(.success, .none)
        case .pathPaymentStrictSend: .pathPaymentStrictSend(.success, .none)
        case .setOptions: .setOptions(.success)
        case .changeTrust: .changeTrust(.success)
        case .accountMerge: .accountMerge(.success, balance: 0)
        case .manageData: .manageData(.success)
        case .createClaimableBalance: .createClaimableBalance(.success, nil)
        case .claimClaimableBalance: .claimClaimableBalance(.success)
        }
    }

    var isSuccess: Bool { self.innerCode == 0 && self.outerCode == 0 }

    /// The name Horizon lists in `extras.result_codes.operations`.
    var horizonName: String {
        switch self {
        case .badAuth: "op_bad_auth"
        case .noAccount: "op_no_source_account"
        case .notSupported: "op_not_supported"
        case .tooManySubentries: "op_too_many_subentries"
        case .createAccount(let code): code.horizonName
        case .payment(let code): code.horizonName
        case .pathPaymentStrictReceive(let code, _): code.horizonName
        case .pathPaymentStrictSend(let code, _): code == .overSendMaxOrUnderDestMin ? "op_under_dest_min" : code.horizonName
        case .setOptions(let code): code.horizonName
        case .changeTrust(let code): code.horizonName
        case .accountMerge(let code, _): code.horizonName
        case .manageData(let code): code.horizonName
        case .createClaimableBalance(let code, _): code.horizonName
        case .claimClaimableBalance(let code): code.horizonName
        }
    }

    /// `OperationResultCode`: `opINNER` (0) or one of the codes that say the operation never ran.
    private var outerCode: Int32 {
        switch self {
        case .badAuth: -1
        case .noAccount: -2
        case .notSupported: -3
        case .tooManySubentries: -4
        default: 0
        }
    }

    private var innerCode: Int32 {
        switch self {
        case .badAuth, .noAccount, .notSupported, .tooManySubentries: 0
        case .createAccount(let code): code.rawValue
        case .payment(let code): code.rawValue
        case .pathPaymentStrictReceive(let code, _), .pathPaymentStrictSend(let code, _): code.rawValue
        case .setOptions(let code): code.rawValue
        case .changeTrust(let code): code.rawValue
        case .accountMerge(let code, _): code.rawValue
        case .manageData(let code): code.rawValue
        case .createClaimableBalance(let code, _): code.rawValue
        case .claimClaimableBalance(let code): code.rawValue
        }
    }

    private var operationType: OperationType? {
        switch self {
        case .badAuth, .noAccount, .notSupported, .tooManySubentries: nil
        case .createAccount: .createAccount
        case .payment: .payment
        case .pathPaymentStrictReceive: .pathPaymentStrictReceive
        case .pathPaymentStrictSend: .pathPaymentStrictSend
        case .setOptions: .setOptions
        case .changeTrust: .changeTrust
        case .accountMerge: .accountMerge
        case .manageData: .manageData
        case .createClaimableBalance: .createClaimableBalance
        case .claimClaimableBalance: .claimClaimableBalance
        }
    }
}

extension OperationResult {
    /// The all-zero key, for placeholder results.
    fileprivate static let zeroKey: PublicKey = {
        guard let key = try? PublicKey(rawBytes: [UInt8](repeating: 0, count: 32)) else { preconditionFailure("32 bytes is a key") }
        return key
    }()
}

/// What a path payment's result carries besides its code.
enum PathPaymentDetail: Sendable, Hashable {
    case none
    /// On success: who got what (`SimplePaymentResult`), and what the source spent (not in the XDR; Horizon's `source_amount`).
    case delivered(destination: PublicKey, asset: Asset, amount: Int64, sourceAmount: Int64)
    /// With `op_no_issuer`: the asset whose issuer is missing.
    case noIssuer(Asset)
}

/// `union OperationResult switch (OperationResultCode code) { case opINNER: union switch (OperationType type) {…} tr; default: void; }`.
extension OperationResult: XDREncodable {
    func encode(to encoder: inout XDREncoder) throws(XDRError) {
        encoder.encode(self.outerCode)
        guard let type = self.operationType else { return }
        encoder.encode(type.rawValue)
        encoder.encode(self.innerCode)
        switch self {
        case .pathPaymentStrictReceive(let code, let detail), .pathPaymentStrictSend(let code, let detail):
            if code == .success, case .delivered(let destination, let asset, let amount, _) = detail {
                encoder.encode(UInt32(0))  // ClaimAtom offers<>: the devnet crosses no offers
                try encoder.encode(destination)
                try encoder.encode(asset)
                encoder.encode(amount)
            } else if code == .noIssuer, case .noIssuer(let asset) = detail {
                try encoder.encode(asset)
            } else if code == .success {
                // A success placeholder in a rejected transaction: an empty path result.
                encoder.encode(UInt32(0))
                try encoder.encode(Self.zeroKey)
                try encoder.encode(Asset.native)
                encoder.encode(Int64(0))
            }
        case .accountMerge(.success, let balance):
            encoder.encode(balance)
        case .createClaimableBalance(.success, let id):
            if let id {
                try encoder.encode(id)
            } else {
                try encoder.encode(try ClaimableBalanceID(hash: [UInt8](repeating: 0, count: 32)))
            }
        default:
            break
        }
    }
}
