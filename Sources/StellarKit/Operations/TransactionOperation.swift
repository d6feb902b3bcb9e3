/// One operation of a transaction (XDR `Operation`), optionally on behalf of an account other than the transaction's source.
/// Named so as not to collide with Foundation's `Operation` in files that import both.
public struct TransactionOperation: Sendable, Hashable {
    /// The account the operation acts for; nil means the transaction's source.
    public var sourceAccount: MuxedAccount?
    /// What the operation does.
    public var body: OperationBody

    /// An operation, acting for `sourceAccount` when given.
    public init(sourceAccount: MuxedAccount? = nil, body: OperationBody) {
        self.sourceAccount = sourceAccount
        self.body = body
    }

    /// Creates and funds `destination`.
    public static func createAccount(destination: PublicKey, startingBalance: Int64, source: MuxedAccount? = nil) -> TransactionOperation {
        TransactionOperation(sourceAccount: source, body: .createAccount(CreateAccountOp(destination: destination, startingBalance: startingBalance)))
    }

    /// Pays `amount` stroops of `asset` to `destination`.
    public static func payment(destination: MuxedAccount, asset: Asset, amount: Int64, source: MuxedAccount? = nil) -> TransactionOperation {
        TransactionOperation(sourceAccount: source, body: .payment(PaymentOp(destination: destination, asset: asset, amount: amount)))
    }

    /// Sets (or, with a nil value, deletes) a data entry.
    public static func manageData(name: String, value: [UInt8]?, source: MuxedAccount? = nil) -> TransactionOperation {
        TransactionOperation(sourceAccount: source, body: .manageData(ManageDataOp(name: name, value: value)))
    }

    /// Creates or changes a trustline.
    public static func changeTrust(
        _ line: ChangeTrustAsset, limit: Int64 = ChangeTrustOp.maximumLimit, source: MuxedAccount? = nil
    ) -> TransactionOperation {
        TransactionOperation(sourceAccount: source, body: .changeTrust(ChangeTrustOp(line: line, limit: limit)))
    }

    /// Merges the source account into `destination`.
    public static func accountMerge(destination: MuxedAccount, source: MuxedAccount? = nil) -> TransactionOperation {
        TransactionOperation(sourceAccount: source, body: .accountMerge(destination: destination))
    }
}

/// What an operation does: the bodies this codec models. Decoding any other type throws
/// `XDRError.unsupportedOperation`, because without its schema its length is unknown.
public enum OperationBody: Sendable, Hashable {
    case createAccount(CreateAccountOp)
    case payment(PaymentOp)
    case pathPaymentStrictReceive(PathPaymentStrictReceiveOp)
    case setOptions(SetOptionsOp)
    case changeTrust(ChangeTrustOp)
    case accountMerge(destination: MuxedAccount)
    case manageData(ManageDataOp)
    case pathPaymentStrictSend(PathPaymentStrictSendOp)
    case createClaimableBalance(CreateClaimableBalanceOp)
    case claimClaimableBalance(ClaimClaimableBalanceOp)

    /// The operation's type code.
    public var type: OperationType {
        switch self {
        case .createAccount: .createAccount
        case .payment: .payment
        case .pathPaymentStrictReceive: .pathPaymentStrictReceive
        case .setOptions: .setOptions
        case .changeTrust: .changeTrust
        case .accountMerge: .accountMerge
        case .manageData: .manageData
        case .pathPaymentStrictSend: .pathPaymentStrictSend
        case .createClaimableBalance: .createClaimableBalance
        case .claimClaimableBalance: .claimClaimableBalance
        }
    }
}

/// XDR `Operation { MuxedAccount* sourceAccount; union switch (OperationType) body; }`.
extension TransactionOperation: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encodeOptional(sourceAccount)
        encoder.encode(body.type.rawValue)
        switch body {
        case .createAccount(let op): try encoder.encode(op)
        case .payment(let op): try encoder.encode(op)
        case .pathPaymentStrictReceive(let op): try encoder.encode(op)
        case .setOptions(let op): try encoder.encode(op)
        case .changeTrust(let op): try encoder.encode(op)
        case .accountMerge(let destination): try encoder.encode(destination)
        case .manageData(let op): try encoder.encode(op)
        case .pathPaymentStrictSend(let op): try encoder.encode(op)
        case .createClaimableBalance(let op): try encoder.encode(op)
        case .claimClaimableBalance(let op): try encoder.encode(op)
        }
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        sourceAccount = try decoder.decodeOptional()
        let code = try decoder.decodeInt32()
        guard let type = OperationType(rawValue: code) else { throw .invalidDiscriminant(type: "OperationType", value: code) }
        switch type {
        case .createAccount: body = .createAccount(try decoder.decode())
        case .payment: body = .payment(try decoder.decode())
        case .pathPaymentStrictReceive: body = .pathPaymentStrictReceive(try decoder.decode())
        case .setOptions: body = .setOptions(try decoder.decode())
        case .changeTrust: body = .changeTrust(try decoder.decode())
        case .accountMerge: body = .accountMerge(destination: try decoder.decode())
        case .manageData: body = .manageData(try decoder.decode())
        case .pathPaymentStrictSend: body = .pathPaymentStrictSend(try decoder.decode())
        case .createClaimableBalance: body = .createClaimableBalance(try decoder.decode())
        case .claimClaimableBalance: body = .claimClaimableBalance(try decoder.decode())
        default: throw .unsupportedOperation(code)
        }
    }
}
