import StellarKit

/// A claimable balance as `/claimable_balances` shows it.
struct ClaimableBalanceResource: Encodable, Sendable {
    struct Links: Encodable, Sendable {
        var `self`: Link
        var transactions: Link
        var operations: Link
    }

    struct Claimant: Encodable, Sendable {
        var destination: String
        var predicate: Predicate
    }

    /// Horizon's predicate JSON: `{"unconditional": true}`, `{"and": […]}`, `{"or": […]}`, `{"not": …}`,
    /// `{"abs_before": "…", "abs_before_epoch": "…"}`, `{"rel_before": "…"}`.
    indirect enum Predicate: Encodable, Sendable {
        case unconditional
        case and([Predicate])
        case or([Predicate])
        case not(Predicate?)
        case absoluteBefore(Int64)
        case relativeBefore(Int64)

        init(_ predicate: ClaimPredicate) {
            switch predicate {
            case .unconditional: self = .unconditional
            case .and(let children): self = .and(children.map(Predicate.init))
            case .or(let children): self = .or(children.map(Predicate.init))
            case .not(let child): self = .not(child.map(Predicate.init))
            case .beforeAbsoluteTime(let time): self = .absoluteBefore(time)
            case .beforeRelativeTime(let seconds): self = .relativeBefore(seconds)
            }
        }

        private enum Keys: String, CodingKey {
            case unconditional, and, or, not, absBefore = "abs_before", absBeforeEpoch = "abs_before_epoch", relBefore = "rel_before"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            switch self {
            case .unconditional: try container.encode(true, forKey: .unconditional)
            case .and(let children): try container.encode(children, forKey: .and)
            case .or(let children): try container.encode(children, forKey: .or)
            case .not(let child): try container.encodeIfPresent(child, forKey: .not)
            case .absoluteBefore(let time):
                try container.encode(HorizonTime.format(UInt64(max(0, time))), forKey: .absBefore)
                try container.encode(String(time), forKey: .absBeforeEpoch)
            case .relativeBefore(let seconds): try container.encode(String(seconds), forKey: .relBefore)
            }
        }
    }

    struct Flags: Encodable, Sendable {
        var clawbackEnabled = false

        enum CodingKeys: String, CodingKey { case clawbackEnabled = "clawback_enabled" }
    }

    var links: Links
    var id: String
    var asset: String
    var amount: String
    var sponsor: String
    var lastModifiedLedger: UInt32
    var lastModifiedTime: String
    var claimants: [Claimant]
    var flags = Flags()
    var pagingToken: String

    enum CodingKeys: String, CodingKey {
        case links = "_links", id, asset, amount, sponsor, lastModifiedLedger = "last_modified_ledger"
        case lastModifiedTime = "last_modified_time", claimants, flags, pagingToken = "paging_token"
    }

    init(_ balance: ClaimableBalanceEntry, base: String) {
        let path = base + "/claimable_balances/" + balance.id
        self.links = Links(
            self: Link(path), transactions: Link(path + "/transactions{?cursor,limit,order}", templated: true),
            operations: Link(path + "/operations{?cursor,limit,order}", templated: true)
        )
        self.id = balance.id
        self.asset = balance.asset
        self.amount = Stroops.format(balance.amount)
        self.sponsor = balance.sponsor
        self.lastModifiedLedger = balance.lastModifiedLedger
        self.lastModifiedTime = HorizonTime.format(balance.lastModifiedTime)
        self.claimants = balance.claimants.map { Claimant(destination: $0.destination, predicate: $0.predicate.map(Predicate.init) ?? .unconditional) }
        self.pagingToken = balance.id
    }
}
