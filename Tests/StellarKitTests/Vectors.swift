import Foundation
import StellarKit

/// The golden vectors written by `scripts/vectors/generate.py` with the Python stellar-sdk.
struct VectorFile: Decodable, Sendable {
    let transactions: [TransactionVector]
    let strkeys: [StrKeyVector]

    static let shared: VectorFile = {
        guard let url = Bundle.module.url(forResource: "transactions", withExtension: "json", subdirectory: "Vectors"),
              let data = try? Data(contentsOf: url),
              let file = try? JSONDecoder().decode(VectorFile.self, from: data)
        else { fatalError("Vectors/transactions.json is missing or malformed; run `python3 scripts/vectors/generate.py`") }
        return file
    }()
}

struct StrKeyVector: Decodable, Sendable {
    struct Muxed: Decodable, Sendable { let id: String; let address: String }
    let seed_hex: String
    let public_key_hex: String
    let account_id: String
    let secret_seed: String
    let muxed: [Muxed]
    let hash_hex: String
    let pre_auth_tx: String
    let hash_x: String
    let contract: String
    let liquidity_pool: String
    let claimable_balance: String
    let signed_payload_hex: String
    let signed_payload: String
    let message_hex: String
    let signature_hex: String
}

struct TransactionVector: Decodable, Sendable, CustomStringConvertible {
    struct FeeBump: Decodable, Sendable { let fee_source: String; let base_fee: Int64; let signers: [String] }
    let name: String
    let network: String
    let kind: String
    let source: String
    let sequence: String
    let base_fee: UInt32
    let preconditions: PreconditionsSpec
    let memo: MemoSpec
    let operations: [OperationSpec]
    let signers: [String]
    let fee_bump: FeeBump?
    let envelope_xdr: String
    let hash: String

    var description: String { name }
}

struct PreconditionsSpec: Decodable, Sendable {
    struct Time: Decodable, Sendable { let min_time: String; let max_time: String }
    struct Ledger: Decodable, Sendable { let min_ledger: UInt32; let max_ledger: UInt32 }
    let type: String
    let min_time: String?
    let max_time: String?
    let time_bounds: Time?
    let ledger_bounds: Ledger?
    let min_sequence_number: String?
    let min_sequence_age: String?
    let min_sequence_ledger_gap: UInt32?
    let extra_signers: [String]?
}

struct MemoSpec: Decodable, Sendable {
    let type: String
    let value: String?
    let value_hex: String?
}

struct AssetSpec: Decodable, Sendable {
    let type: String
    let code: String?
    let issuer: String?
    let asset_a: Box<AssetSpec>?
    let asset_b: Box<AssetSpec>?
    let fee: Int32?
}

/// Lets a value type hold itself, as the JSON's nested assets and predicates do.
final class Box<Value: Decodable & Sendable>: Decodable, Sendable {
    let value: Value
    init(from decoder: any Decoder) throws { value = try Value(from: decoder) }
}

struct PredicateSpec: Decodable, Sendable {
    let type: String
    let value: String?
    let predicates: [PredicateSpec]?
    let predicate: Box<PredicateSpec>?
}

struct OperationSpec: Decodable, Sendable {
    struct SignerSpec: Decodable, Sendable { let key: String; let weight: UInt32 }
    struct ClaimantSpec: Decodable, Sendable { let destination: String; let predicate: PredicateSpec }
    let type: String
    let source: String?
    let destination: String?
    let starting_balance: String?
    let asset: AssetSpec?
    let amount: String?
    let send_asset: AssetSpec?
    let send_max: String?
    let send_amount: String?
    let dest_asset: AssetSpec?
    let dest_amount: String?
    let dest_min: String?
    let path: [AssetSpec]?
    let name: String?
    let value_hex: String?
    let inflation_dest: String?
    let clear_flags: UInt32?
    let set_flags: UInt32?
    let master_weight: UInt32?
    let low_threshold: UInt32?
    let med_threshold: UInt32?
    let high_threshold: UInt32?
    let home_domain: String?
    let signer: SignerSpec?
    let limit: String?
    let claimants: [ClaimantSpec]?
    let balance_id: String?
}

/// Turns a description into StellarKit values, the way an application would build them.
enum VectorBuilder {
    struct Malformed: Error { let what: String }

    static func envelope(for vector: TransactionVector) throws -> TransactionEnvelope {
        let network = Network(passphrase: vector.network)
        var builder = TransactionBuilder(
            sourceAccount: try MuxedAccount(strKey: vector.source),
            sequenceNumber: try int64(vector.sequence),
            baseFee: vector.base_fee
        )
        builder.preconditions = try preconditions(vector.preconditions)
        builder.memo = try memo(vector.memo)
        for spec in vector.operations { builder.add(try operation(spec)) }
        let transaction = try builder.build()

        var envelope: TransactionEnvelope
        if vector.kind == "v0" {
            guard let v0 = TransactionV0(transaction) else { throw Malformed(what: "not expressible as v0") }
            envelope = .v0(TransactionV0Envelope(tx: v0))
        } else {
            envelope = TransactionEnvelope(transaction)
        }
        for seed in vector.signers { try envelope.sign(with: KeyPair(secretSeed: seed), network: network) }

        if vector.kind == "fee_bump" {
            guard let bump = vector.fee_bump, case .v1(let inner) = envelope else { throw Malformed(what: "fee bump") }
            envelope = try TransactionBuilder.feeBump(inner, feeSource: MuxedAccount(strKey: bump.fee_source), baseFee: bump.base_fee)
            for seed in bump.signers { try envelope.sign(with: KeyPair(secretSeed: seed), network: network) }
        }
        return envelope
    }

    static func preconditions(_ spec: PreconditionsSpec) throws -> Preconditions {
        switch spec.type {
        case "none": return .none
        case "time": return .time(TimeBounds(minTime: try uint64(spec.min_time), maxTime: try uint64(spec.max_time)))
        case "v2":
            let time = try spec.time_bounds.map { TimeBounds(minTime: try uint64($0.min_time), maxTime: try uint64($0.max_time)) }
            let ledger = spec.ledger_bounds.map { LedgerBounds(minLedger: $0.min_ledger, maxLedger: $0.max_ledger) }
            return .v2(PreconditionsV2(
                timeBounds: time, ledgerBounds: ledger,
                minSequenceNumber: try spec.min_sequence_number.map { try int64($0) },
                minSequenceAge: try uint64(spec.min_sequence_age),
                minSequenceLedgerGap: spec.min_sequence_ledger_gap ?? 0,
                extraSigners: try (spec.extra_signers ?? []).map { try SignerKey(strKey: $0) }
            ))
        default: throw Malformed(what: "preconditions \(spec.type)")
        }
    }

    static func memo(_ spec: MemoSpec) throws -> Memo {
        switch spec.type {
        case "none": return .none
        case "text": return .text(spec.value ?? "")
        case "id": return .id(try uint64(spec.value))
        case "hash": return .hash(try hex(spec.value_hex))
        case "return": return .returnHash(try hex(spec.value_hex))
        default: throw Malformed(what: "memo \(spec.type)")
        }
    }

    static func asset(_ spec: AssetSpec?) throws -> Asset {
        guard let spec else { throw Malformed(what: "missing asset") }
        switch spec.type {
        case "native": return .native
        case "credit": return try Asset(code: spec.code ?? "", issuer: PublicKey(strKey: spec.issuer ?? ""))
        default: throw Malformed(what: "asset \(spec.type)")
        }
    }

    static func changeTrustAsset(_ spec: AssetSpec?) throws -> ChangeTrustAsset {
        if let spec, spec.type == "pool_share" {
            return .poolShare(LiquidityPoolParameters(
                assetA: try asset(spec.asset_a?.value), assetB: try asset(spec.asset_b?.value), fee: spec.fee ?? 30
            ))
        }
        return ChangeTrustAsset(try asset(spec))
    }

    static func predicate(_ spec: PredicateSpec) throws -> ClaimPredicate {
        switch spec.type {
        case "unconditional": return .unconditional
        case "and": return .and(try (spec.predicates ?? []).map(predicate))
        case "or": return .or(try (spec.predicates ?? []).map(predicate))
        case "not": return .not(try spec.predicate.map { try predicate($0.value) })
        case "before_absolute_time": return .beforeAbsoluteTime(try int64(spec.value))
        case "before_relative_time": return .beforeRelativeTime(try int64(spec.value))
        default: throw Malformed(what: "predicate \(spec.type)")
        }
    }

    static func operation(_ spec: OperationSpec) throws -> TransactionOperation {
        let source = try spec.source.map { try MuxedAccount(strKey: $0) }
        let body: OperationBody
        switch spec.type {
        case "create_account":
            body = .createAccount(CreateAccountOp(
                destination: try PublicKey(strKey: spec.destination ?? ""), startingBalance: try int64(spec.starting_balance)
            ))
        case "payment":
            body = .payment(PaymentOp(
                destination: try MuxedAccount(strKey: spec.destination ?? ""), asset: try asset(spec.asset), amount: try int64(spec.amount)
            ))
        case "path_payment_strict_receive":
            body = .pathPaymentStrictReceive(PathPaymentStrictReceiveOp(
                sendAsset: try asset(spec.send_asset), sendMax: try int64(spec.send_max),
                destination: try MuxedAccount(strKey: spec.destination ?? ""),
                destAsset: try asset(spec.dest_asset), destAmount: try int64(spec.dest_amount),
                path: try (spec.path ?? []).map { try asset($0) }
            ))
        case "path_payment_strict_send":
            body = .pathPaymentStrictSend(PathPaymentStrictSendOp(
                sendAsset: try asset(spec.send_asset), sendAmount: try int64(spec.send_amount),
                destination: try MuxedAccount(strKey: spec.destination ?? ""),
                destAsset: try asset(spec.dest_asset), destMin: try int64(spec.dest_min),
                path: try (spec.path ?? []).map { try asset($0) }
            ))
        case "manage_data":
            body = .manageData(ManageDataOp(name: spec.name ?? "", value: try spec.value_hex.map { try hex($0) }))
        case "set_options":
            body = .setOptions(SetOptionsOp(
                inflationDestination: try spec.inflation_dest.map { try PublicKey(strKey: $0) },
                clearFlags: spec.clear_flags, setFlags: spec.set_flags, masterWeight: spec.master_weight,
                lowThreshold: spec.low_threshold, mediumThreshold: spec.med_threshold, highThreshold: spec.high_threshold,
                homeDomain: spec.home_domain,
                signer: try spec.signer.map { Signer(key: try SignerKey(strKey: $0.key), weight: $0.weight) }
            ))
        case "change_trust":
            let limit = try spec.limit.map { try int64($0) } ?? ChangeTrustOp.maximumLimit
            body = .changeTrust(ChangeTrustOp(line: try changeTrustAsset(spec.asset), limit: limit))
        case "create_claimable_balance":
            body = .createClaimableBalance(CreateClaimableBalanceOp(
                asset: try asset(spec.asset), amount: try int64(spec.amount),
                claimants: try (spec.claimants ?? []).map {
                    Claimant(destination: try PublicKey(strKey: $0.destination), predicate: try predicate($0.predicate))
                }
            ))
        case "claim_claimable_balance":
            body = .claimClaimableBalance(ClaimClaimableBalanceOp(balanceID: try ClaimableBalanceID(hex: spec.balance_id ?? "")))
        case "account_merge":
            body = .accountMerge(destination: try MuxedAccount(strKey: spec.destination ?? ""))
        default:
            throw Malformed(what: "operation \(spec.type)")
        }
        return TransactionOperation(sourceAccount: source, body: body)
    }

    static func int64(_ text: String?) throws -> Int64 {
        guard let text, let value = Int64(text) else { throw Malformed(what: "int64 \(text ?? "nil")") }
        return value
    }

    static func uint64(_ text: String?) throws -> UInt64 {
        guard let text, let value = UInt64(text) else { throw Malformed(what: "uint64 \(text ?? "nil")") }
        return value
    }

    static func hex(_ text: String?) throws -> [UInt8] {
        guard let text, text.count % 2 == 0 else { throw Malformed(what: "hex") }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { throw Malformed(what: "hex") }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}

extension Array where Element == UInt8 {
    var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
