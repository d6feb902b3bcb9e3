/// A transaction with its signatures, as submitted to and returned by Horizon.
public enum TransactionEnvelope: Sendable, Hashable {
    /// A pre-protocol-13 transaction.
    case v0(TransactionV0Envelope)
    /// A transaction.
    case v1(TransactionV1Envelope)
    /// A fee bump around a signed transaction.
    case feeBump(FeeBumpTransactionEnvelope)

    /// An unsigned envelope for `transaction`.
    public init(_ transaction: Transaction) {
        self = .v1(TransactionV1Envelope(tx: transaction))
    }

    /// The envelope's XDR type.
    public var envelopeType: EnvelopeType {
        switch self {
        case .v0: .transactionV0
        case .v1: .transaction
        case .feeBump: .transactionFeeBump
        }
    }

    /// The transaction whose operations run: the v1 form of a v0 transaction, or a fee bump's inner transaction.
    public var transaction: Transaction {
        switch self {
        case .v0(let envelope): envelope.tx.v1
        case .v1(let envelope): envelope.tx
        case .feeBump(let envelope): envelope.tx.innerTransaction.tx
        }
    }

    /// The envelope's own signatures (for a fee bump, the fee source's, not the inner transaction's).
    public var signatures: [DecoratedSignature] {
        get {
            switch self {
            case .v0(let envelope): envelope.signatures
            case .v1(let envelope): envelope.signatures
            case .feeBump(let envelope): envelope.signatures
            }
        }
        set {
            switch self {
            case .v0(var envelope): envelope.signatures = newValue; self = .v0(envelope)
            case .v1(var envelope): envelope.signatures = newValue; self = .v1(envelope)
            case .feeBump(var envelope): envelope.signatures = newValue; self = .feeBump(envelope)
            }
        }
    }

    /// The hash that identifies the envelope's transaction on `network` (the Stellar transaction id) and that signers sign.
    public func hash(network: Network) throws(XDRError) -> [UInt8] {
        switch self {
        case .v0(let envelope): try envelope.tx.hash(network: network)
        case .v1(let envelope): try envelope.tx.hash(network: network)
        case .feeBump(let envelope): try envelope.tx.hash(network: network)
        }
    }

    /// The hash in lowercase hex, as Horizon shows it.
    public func hashHex(network: Network) throws(XDRError) -> String {
        Hex.encode(try hash(network: network))
    }

    /// Adds `keyPair`'s signature of the hash for `network`.
    public mutating func sign(with keyPair: KeyPair, network: Network) throws(XDRError) {
        guard signatures.count < maximumSignatures else {
            throw .lengthExceedsMaximum(field: "signatures", length: UInt64(signatures.count + 1), maximum: maximumSignatures)
        }
        let signature = keyPair.signDecorated(try hash(network: network))
        signatures.append(signature)
    }

    /// A copy with `keyPair`'s signature added.
    public func signed(with keyPair: KeyPair, network: Network) throws(XDRError) -> TransactionEnvelope {
        var copy = self
        try copy.sign(with: keyPair, network: network)
        return copy
    }

    /// Whether `signature` is `key`'s valid ed25519 signature of this envelope's hash on `network`
    /// (its hint must match the key too, as stellar-core requires).
    public func signatureIsValid(_ signature: DecoratedSignature, for key: PublicKey, network: Network) -> Bool {
        guard signature.hint == key.hint, let hash = try? hash(network: network) else { return false }
        return key.verify(signature: signature.signature, data: hash)
    }
}

/// `TransactionEnvelope` union on `EnvelopeType`: `TX_V0 = 0`, `TX = 2`, `TX_FEE_BUMP = 5`.
extension TransactionEnvelope: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        encoder.encode(envelopeType.rawValue)
        switch self {
        case .v0(let envelope): try encoder.encode(envelope)
        case .v1(let envelope): try encoder.encode(envelope)
        case .feeBump(let envelope): try encoder.encode(envelope)
        }
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        let type = try decoder.decodeInt32()
        switch EnvelopeType(rawValue: type) {
        case .transactionV0: self = .v0(try decoder.decode())
        case .transaction: self = .v1(try decoder.decode())
        case .transactionFeeBump: self = .feeBump(try decoder.decode())
        default: throw .invalidDiscriminant(type: "EnvelopeType", value: type)
        }
    }
}
