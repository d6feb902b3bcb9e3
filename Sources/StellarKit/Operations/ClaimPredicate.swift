/// When a claimant may claim a claimable balance.
public indirect enum ClaimPredicate: Sendable, Hashable {
    /// Always.
    case unconditional
    /// When all of the predicates hold (the network requires exactly two).
    case and([ClaimPredicate])
    /// When any of the predicates holds (the network requires exactly two).
    case or([ClaimPredicate])
    /// When the predicate does not hold (the network requires one).
    case not(ClaimPredicate?)
    /// Before this close time (Unix seconds).
    case beforeAbsoluteTime(Int64)
    /// Within this many seconds of the balance's creation.
    case beforeRelativeTime(Int64)

    /// The XDR bound on `and`/`or` lists.
    public static let maximumChildren = 2
}

/// `ClaimPredicate` union on `ClaimPredicateType`: `UNCONDITIONAL = 0`, `AND = 1`, `OR = 2`, `NOT = 3`,
/// `BEFORE_ABSOLUTE_TIME = 4`, `BEFORE_RELATIVE_TIME = 5`. The only recursive type here, so its
/// decoding goes through the decoder's depth guard.
extension ClaimPredicate: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        switch self {
        case .unconditional:
            encoder.encode(Int32(0))
        case .and(let predicates):
            encoder.encode(Int32(1))
            try encoder.encodeArray(predicates, maxCount: Self.maximumChildren, field: "claimPredicate.and")
        case .or(let predicates):
            encoder.encode(Int32(2))
            try encoder.encodeArray(predicates, maxCount: Self.maximumChildren, field: "claimPredicate.or")
        case .not(let predicate):
            encoder.encode(Int32(3))
            try encoder.encodeOptional(predicate)
        case .beforeAbsoluteTime(let time):
            encoder.encode(Int32(4))
            encoder.encode(time)
        case .beforeRelativeTime(let seconds):
            encoder.encode(Int32(5))
            encoder.encode(seconds)
        }
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self = try decoder.nested { (decoder: inout XDRDecoder) throws(XDRError) -> ClaimPredicate in
            let type = try decoder.decodeInt32()
            switch type {
            case 0: return .unconditional
            case 1: return .and(try decoder.decodeArray(maxCount: Self.maximumChildren, field: "claimPredicate.and"))
            case 2: return .or(try decoder.decodeArray(maxCount: Self.maximumChildren, field: "claimPredicate.or"))
            case 3: return .not(try decoder.decodeOptional())
            case 4: return .beforeAbsoluteTime(try decoder.decodeInt64())
            case 5: return .beforeRelativeTime(try decoder.decodeInt64())
            default: throw .invalidDiscriminant(type: "ClaimPredicateType", value: type)
            }
        }
    }
}
