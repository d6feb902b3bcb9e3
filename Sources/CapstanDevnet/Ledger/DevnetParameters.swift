import StellarKit

/// The network constants a devnet runs with: stellar-core's standalone defaults unless changed.
public struct DevnetParameters: Sendable {
    /// The network whose passphrase signatures must be made over.
    public var network: Network
    /// The minimum fee per operation, in stroops.
    public var baseFee: Int64
    /// The reserve per ledger entry, in stroops; an account needs `(2 + subentries) × baseReserve`.
    public var baseReserve: Int64
    /// The lumens that exist at genesis, all held by the root account.
    public var totalCoins: Int64
    /// What friendbot gives a new account.
    public var friendbotStartingBalance: Int64
    /// The protocol version reported on `/` and in ledgers.
    public var protocolVersion: Int
    /// What path payments convert at when their assets differ.
    public var conversions: PathConversion

    /// Standalone defaults: 100-stroop fee, 0.5 XLM reserve, 100 billion XLM, 10,000 XLM from friendbot.
    public init(
        network: Network = .standalone, baseFee: Int64 = 100, baseReserve: Int64 = 5_000_000,
        totalCoins: Int64 = 1_000_000_000_000_000_000, friendbotStartingBalance: Int64 = 100_000_000_000,
        protocolVersion: Int = 22, conversions: PathConversion = PathConversion()
    ) {
        self.network = network
        self.baseFee = baseFee
        self.baseReserve = baseReserve
        self.totalCoins = totalCoins
        self.friendbotStartingBalance = friendbotStartingBalance
        self.protocolVersion = protocolVersion
        self.conversions = conversions
    }

    /// The root account's keys. As in stellar-core, the seed is SHA-256 of the passphrase, so anyone who
    /// knows the network can sign for the root (it is a development network) and friendbot pays from it.
    public var rootKeyPair: KeyPair {
        // SHA-256 output is always 32 bytes, the one length `KeyPair(seed:)` refuses nothing for.
        guard let pair = try? KeyPair(seed: StellarHash.sha256(Array(network.passphrase.utf8))) else {
            preconditionFailure("a SHA-256 digest is a valid ed25519 seed")
        }
        return pair
    }
}
