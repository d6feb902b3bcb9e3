import CapstanCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import StellarKit

/// StellarKit's memo, named so files that see CapstanCore's types need not import StellarKit.
typealias StellarMemo = Memo

/// What one deposit envelope does: built by the workers from a transaction and the ledger's state, signed later
/// (inside the store's write transaction, once the sequence number is reserved).
struct DepositPlan: Sendable, Equatable {
    var purpose: StellarSubmission.Purpose
    /// The paying account (`G…`): the asset's distribution account, else its issuer.
    var source: String
    /// The user's account, `G…` or `M…`.
    var destination: String
    /// `nil` for lumens.
    var asset: (code: String, issuer: String)?
    /// Stroops: the deposit's `amount_out`, or the starting balance of a CreateAccount made for a later payment.
    var amount: Int64
    var memo: Memo
    /// A lumen payment to a missing account, made as CreateAccount.
    var createsAccount = false

    static func == (lhs: DepositPlan, rhs: DepositPlan) -> Bool {
        lhs.purpose == rhs.purpose && lhs.source == rhs.source && lhs.destination == rhs.destination
            && lhs.asset?.code == rhs.asset?.code && lhs.asset?.issuer == rhs.asset?.issuer && lhs.amount == rhs.amount
            && lhs.memo == rhs.memo && lhs.createsAccount == rhs.createsAccount
    }
}

/// Signs the envelopes that pay deposits, with the distribution accounts' keys.
public struct DepositEnvelopeSigner: Sendable {
    public let network: Network
    private let keys: [String: KeyPair]
    /// Fee per operation, in stroops.
    public var baseFee: UInt32
    /// How long a signed envelope stays valid (its time bounds). Past that the ledger refuses it with
    /// `tx_too_late`, which is what lets a worker prove an envelope whose submission timed out will never land.
    public var validity: Duration
    /// Lumens (stroops) a CreateAccount gives a new account so it can add a trustline for a credit asset.
    public var startingBalance: Int64

    public init(
        network: Network, keys: [KeyPair], baseFee: UInt32 = 100, validity: Duration = .seconds(300),
        startingBalance: Int64 = 20_000_000
    ) {
        self.network = network
        self.keys = Dictionary(keys.map { ($0.accountId, $0) }, uniquingKeysWith: { first, _ in first })
        self.baseFee = baseFee
        self.validity = validity
        self.startingBalance = startingBalance
    }

    /// Whether this signer holds the key of `account`.
    public func canSign(for account: String) -> Bool { self.keys[account] != nil }

    /// Builds and signs `plan` with `sequence`, valid until `now + validity`.
    func sign(_ plan: DepositPlan, sequence: Int64, now: Date) throws -> SignedEnvelope {
        guard let key = self.keys[plan.source] else { throw WorkerError.noSigningKey(plan.source) }
        let destination = try MuxedAccount(strKey: plan.destination)
        let asset: StellarKit.Asset = try plan.asset.map { try StellarKit.Asset(code: $0.code, issuer: PublicKey(strKey: $0.issuer)) } ?? .native
        let operation: TransactionOperation = switch plan.purpose {
        case .payment where plan.asset == nil && plan.createsAccount:
            // Lumens to an account that does not exist yet: creating it is the payment.
            .createAccount(destination: destination.ed25519, startingBalance: plan.amount)
        case .payment:
            .payment(destination: destination, asset: asset, amount: plan.amount)
        case .createAccount:
            .createAccount(destination: destination.ed25519, startingBalance: plan.amount)
        case .claimableBalance:
            TransactionOperation(body: .createClaimableBalance(CreateClaimableBalanceOp(
                asset: asset, amount: plan.amount, claimants: [Claimant(destination: destination.ed25519)])))
        }
        let maxTime = UInt64(max(0, now.timeIntervalSince1970.rounded(.down))) + UInt64(max(1, self.validity.components.seconds))
        let envelope = try TransactionBuilder(
            sourceAccount: MuxedAccount(ed25519: key.publicKey), sequenceNumber: sequence, baseFee: self.baseFee)
            .adding(operation).withMemo(plan.memo).withTimeBounds(minTime: 0, maxTime: maxTime)
            .buildEnvelope().signed(with: key, network: self.network)
        return SignedEnvelope(hash: try envelope.hashHex(network: self.network), envelopeXDR: try envelope.xdrBase64)
    }

    /// The id of the claimable balance the first operation of `source`'s transaction `sequence` creates, as the
    /// ledger derives it: SHA-256 of `HashIDPreimage{ENVELOPE_TYPE_OP_ID, source, sequence, 0}`, shown as hex.
    static func claimableBalanceID(source: String, sequence: Int64) throws -> String {
        var encoder = XDREncoder()
        encoder.encode(EnvelopeType.operationId.rawValue)
        try encoder.encode(PublicKey(strKey: source))
        encoder.encode(sequence)
        encoder.encode(UInt32(0))
        return try ClaimableBalanceID(hash: StellarHash.sha256(encoder.bytes)).hex
    }

    /// The Stellar memo a deposit's payment carries (`deposit_memo`, `deposit_memo_type`).
    static func memo(of transaction: CapstanCore.Transaction) throws -> Memo {
        guard let text = transaction.depositMemo else { return .none }
        switch transaction.depositMemoType ?? .text {
        case .text:
            return .text(text)
        case .id:
            guard let id = UInt64(text) else { throw WorkerError.invalidMemo(text) }
            return .id(id)
        case .hash:
            guard let data = Data(base64Encoded: text), data.count == 32 else { throw WorkerError.invalidMemo(text) }
            return .hash(Array(data))
        }
    }

    /// Whether `account` is a valid `G…` or `M…` destination.
    static func isAccount(_ account: String) -> Bool { (try? MuxedAccount(strKey: account)) != nil }

    /// The `G…` account behind a `G…` or `M…` address.
    static func baseAccount(_ account: String) -> String? { (try? MuxedAccount(strKey: account))?.accountId }
}
