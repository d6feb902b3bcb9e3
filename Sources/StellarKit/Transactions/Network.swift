/// A Stellar network, identified by its passphrase; signatures made for one are invalid on any other.
public struct Network: Sendable, Hashable {
    /// The passphrase, hashed into every transaction's signature payload.
    public let passphrase: String

    /// A network by passphrase.
    public init(passphrase: String) {
        self.passphrase = passphrase
    }

    /// The public network.
    public static let publicNetwork = Network(passphrase: "Public Global Stellar Network ; September 2015")
    /// SDF's test network.
    public static let testnet = Network(passphrase: "Test SDF Network ; September 2015")
    /// SDF's future network.
    public static let futurenet = Network(passphrase: "Test SDF Future Network ; October 2022")
    /// A standalone (quickstart or devnet) network.
    public static let standalone = Network(passphrase: "Standalone Network ; February 2017")

    /// SHA-256 of the passphrase.
    public var networkId: [UInt8] {
        Sodium.sha256(Array(passphrase.utf8))
    }
}

/// What a signature payload or envelope holds, by its XDR code.
public enum EnvelopeType: Int32, Sendable, Hashable {
    case transactionV0 = 0
    case scp = 1
    case transaction = 2
    case auth = 3
    case scpValue = 4
    case transactionFeeBump = 5
    case operationId = 6
    case poolRevokeOperationId = 7
    case contractId = 8
    case sorobanAuthorization = 9
}

/// The bytes that are hashed and signed: `TransactionSignaturePayload { networkId; taggedTransaction }`.
enum SignaturePayload {
    static func hash(network: Network, type: EnvelopeType, body: some XDREncodable) throws(XDRError) -> [UInt8] {
        var encoder = XDREncoder()
        encoder.encodeUInt256(network.networkId)
        encoder.encode(type.rawValue)
        try encoder.encode(body)
        return Sodium.sha256(encoder.bytes)
    }
}
