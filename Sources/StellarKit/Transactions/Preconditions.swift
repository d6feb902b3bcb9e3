/// The conditions under which a transaction is valid (CAP-21).
public enum Preconditions: Sendable, Hashable {
    /// Always valid, as far as preconditions go.
    case none
    /// Valid within the time bounds.
    case time(TimeBounds)
    /// The full set of conditions.
    case v2(PreconditionsV2)

    /// The time bounds, whichever form carries them.
    public var timeBounds: TimeBounds? {
        switch self {
        case .none: nil
        case .time(let bounds): bounds
        case .v2(let conditions): conditions.timeBounds
        }
    }
}

/// `Preconditions` union on `PreconditionType`: `NONE = 0`, `TIME = 1`, `V2 = 2`.
extension Preconditions: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        switch self {
        case .none:
            encoder.encode(Int32(0))
        case .time(let bounds):
            encoder.encode(Int32(1))
            try encoder.encode(bounds)
        case .v2(let conditions):
            encoder.encode(Int32(2))
            try encoder.encode(conditions)
        }
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        let type = try decoder.decodeInt32()
        switch type {
        case 0: self = .none
        case 1: self = .time(try decoder.decode())
        case 2: self = .v2(try decoder.decode())
        default: throw .invalidDiscriminant(type: "PreconditionType", value: type)
        }
    }
}

/// `PreconditionsV2`: time and ledger bounds, sequence-number conditions and extra required signers.
public struct PreconditionsV2: Sendable, Hashable {
    /// The most extra signers a transaction may require.
    public static let maximumExtraSigners = 2

    /// Valid only within these close times.
    public var timeBounds: TimeBounds?
    /// Valid only within these ledgers.
    public var ledgerBounds: LedgerBounds?
    /// Valid when the source account's sequence number is at least this (and below the transaction's).
    public var minSequenceNumber: Int64?
    /// Seconds that must have passed since the source account's sequence number last changed.
    public var minSequenceAge: UInt64
    /// Ledgers that must have closed since the source account's sequence number last changed.
    public var minSequenceLedgerGap: UInt32
    /// Signers whose signatures the transaction must also carry.
    public var extraSigners: [SignerKey]

    /// Conditions; every argument defaults to "no condition".
    public init(
        timeBounds: TimeBounds? = nil, ledgerBounds: LedgerBounds? = nil, minSequenceNumber: Int64? = nil,
        minSequenceAge: UInt64 = 0, minSequenceLedgerGap: UInt32 = 0, extraSigners: [SignerKey] = []
    ) {
        self.timeBounds = timeBounds
        self.ledgerBounds = ledgerBounds
        self.minSequenceNumber = minSequenceNumber
        self.minSequenceAge = minSequenceAge
        self.minSequenceLedgerGap = minSequenceLedgerGap
        self.extraSigners = extraSigners
    }
}

extension PreconditionsV2: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encodeOptional(timeBounds)
        try encoder.encodeOptional(ledgerBounds)
        try encoder.encodeOptional(minSequenceNumber)
        encoder.encode(minSequenceAge)
        encoder.encode(minSequenceLedgerGap)
        try encoder.encodeArray(extraSigners, maxCount: Self.maximumExtraSigners, field: "extraSigners")
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(
            timeBounds: try decoder.decodeOptional(),
            ledgerBounds: try decoder.decodeOptional(),
            minSequenceNumber: try decoder.decodeOptional(),
            minSequenceAge: try decoder.decodeUInt64(),
            minSequenceLedgerGap: try decoder.decodeUInt32(),
            extraSigners: try decoder.decodeArray(maxCount: Self.maximumExtraSigners, field: "extraSigners")
        )
    }
}
