#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CapstanPluginKit

/// The reference anchor's pretend bank: a deposit "arrives" `arrival_delay_seconds` after the transaction started
/// waiting for the user's transfer, and a payout settles on the second poll after it was sent.
///
/// Nothing here touches a real bank, so the whole money flow runs offline against `capstan devnet`. What must
/// survive a restart (the payouts sent, the polls counted, the configured delay) lives in the host's key-value
/// store, never in globals: a hot upgrade runs a second instance of this image beside the first.
enum ReferenceRails {
    /// Seconds a deposit waits before its funds "arrive" when the plugin config does not say.
    static let defaultArrivalDelaySeconds = 5
    /// Polls of `rails_poll_payouts` after which a payout has settled.
    static let payoutPollsToSettle = 2

    /// The plugin's config section (`plugins.config.reference`), as far as the rails read it.
    struct Configuration: Codable, Sendable {
        var arrival_delay_seconds: Int?
    }

    /// The header's shared `transaction` shape, reduced to what the rails read.
    struct Transaction: Decodable, Sendable {
        var id: String
        var kind: String
        var amountIn: String?
        var amountExpected: String?
        var startedAt: String?
        var updatedAt: String?
        var externalTransactionID: String?

        enum CodingKeys: String, CodingKey {
            case id, kind
            case amountIn = "amount_in", amountExpected = "amount_expected", startedAt = "started_at", updatedAt = "updated_at"
            case externalTransactionID = "external_transaction_id"
        }
    }

    struct Batch: Decodable, Sendable { var transactions: [Transaction] }
    struct Single: Decodable, Sendable { var transaction: Transaction }

    /// `transaction_event`'s request; the transaction's own status is what it changed to.
    struct Event: Decodable, Sendable {
        var event: String
        var sequence: Int64
        var previous_status: String
        var transaction: Transaction
    }
    struct PayoutRequest: Decodable, Sendable {
        var transaction: Transaction
        var amount: String
        var asset_code: String
        var to: String?
    }

    struct Arrived: Encodable, Sendable { var id: String; var amount_in: String; var external_transaction_id: String }
    struct Settled: Encodable, Sendable { var id: String; var external_transaction_id: String }
    struct DepositPoll: Encodable, Sendable { var arrived: [Arrived] }
    struct PayoutPoll: Encodable, Sendable { var completed: [Settled] }
    struct PayoutReply: Encodable, Sendable { var status: String; var external_transaction_id: String; var message: String }

    static let delayKey = "config:arrival_delay_seconds"

    /// Keeps the configured delay where every instance's hooks can read it.
    static func configure(_ json: [UInt8], host: HostServices) throws {
        var configuration = Configuration()
        if !json.isEmpty {
            do { configuration = try JSONDecoder().decode(Configuration.self, from: Data(json)) } catch {
                host.log(.error, "arrival_delay_seconds must be a whole number of seconds")
                throw PluginFailure.invalid("arrival_delay_seconds must be a whole number of seconds")
            }
        }
        let delay = configuration.arrival_delay_seconds ?? Self.defaultArrivalDelaySeconds
        guard delay >= 0 else {
            host.log(.error, "arrival_delay_seconds must not be negative")
            throw PluginFailure.invalid("arrival_delay_seconds must not be negative")
        }
        try host.setValue(delay, forKey: Self.delayKey)
    }

    static func pollDeposits(_ request: Batch, host: HostServices) throws -> DepositPoll {
        let delay = try host.value(Int.self, forKey: Self.delayKey) ?? Self.defaultArrivalDelaySeconds
        let now = Double(host.nowUnixMilliseconds) / 1000
        var arrived: [Arrived] = []
        for transaction in request.transactions {
            // Waiting since the last change: the move to pending_user_transfer_start is the user's "I sent it".
            guard let since = (transaction.updatedAt ?? transaction.startedAt).flatMap(Self.seconds), now - since >= Double(delay) else { continue }
            guard let amount = transaction.amountIn ?? transaction.amountExpected else {
                host.log(.warning, "deposit \(transaction.id) has no amount yet; it stays pending")
                continue
            }
            arrived.append(Arrived(id: transaction.id, amount_in: amount, external_transaction_id: Self.externalID("DEP", transaction.id)))
        }
        return DepositPoll(arrived: arrived)
    }

    static func sendPayout(_ request: PayoutRequest, host: HostServices) throws -> PayoutReply {
        let key = host.call?.idempotencyKey ?? "payout:\(request.transaction.id)"
        if let sent = try host.value(String.self, forKey: "payout:\(key)") {
            return Self.pending(sent)                                  // a retry of a payout already sent
        }
        let external = Self.externalID("PAY", request.transaction.id)
        try host.setValue(external, forKey: "payout:\(key)")
        try host.setValue(0, forKey: "payout-polls:\(request.transaction.id)")
        host.log(.info, "payout \(external) of \(request.amount) \(request.asset_code) sent for \(request.transaction.id)")
        return Self.pending(external)
    }

    static func pollPayouts(_ request: Batch, host: HostServices) throws -> PayoutPoll {
        var completed: [Settled] = []
        for transaction in request.transactions {
            let polls = (try host.value(Int.self, forKey: "payout-polls:\(transaction.id)") ?? 0) + 1
            if polls >= Self.payoutPollsToSettle {
                try host.removeValue(forKey: "payout-polls:\(transaction.id)")
                completed.append(Settled(
                    id: transaction.id, external_transaction_id: transaction.externalTransactionID ?? Self.externalID("PAY", transaction.id)))
            } else {
                try host.setValue(polls, forKey: "payout-polls:\(transaction.id)")
            }
        }
        return PayoutPoll(completed: completed)
    }

    static func afterDeposit(_ request: Single, host: HostServices) -> EmptyReply {
        host.log(.info, "deposit \(request.transaction.id) paid on Stellar")
        return EmptyReply()
    }

    /// A real anchor would update its books or tell its support desk; the demo bank writes a line to the log.
    static func transactionEvent(_ request: Event, host: HostServices) -> EmptyReply {
        host.log(.info, "\(request.transaction.kind) \(request.transaction.id) left \(request.previous_status) (event \(request.sequence))")
        return EmptyReply()
    }

    private static func pending(_ external: String) -> PayoutReply {
        PayoutReply(status: "pending_external", external_transaction_id: external, message: "Your bank transfer is on its way.")
    }

    /// The demo bank's reference for a transaction: stable, so a retried call names the same transfer.
    private static func externalID(_ prefix: String, _ id: String) -> String { "\(prefix)-\(id.prefix(8).uppercased())" }

    private static func seconds(_ timestamp: String) -> Double? {
        (try? Date(timestamp, strategy: Date.ISO8601FormatStyle()))?.timeIntervalSince1970
            ?? (try? Date(timestamp, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))?.timeIntervalSince1970
    }
}
