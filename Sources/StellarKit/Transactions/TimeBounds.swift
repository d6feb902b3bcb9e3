/// The window of close times (Unix seconds) in which a transaction is valid; `maxTime` 0 means no upper bound.
public struct TimeBounds: Sendable, Hashable {
    /// The earliest close time.
    public var minTime: UInt64
    /// The latest close time, or 0 for none.
    public var maxTime: UInt64

    /// Bounds from `minTime` to `maxTime` (0: unbounded).
    public init(minTime: UInt64, maxTime: UInt64) {
        self.minTime = minTime
        self.maxTime = maxTime
    }
}

extension TimeBounds: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        encoder.encode(minTime)
        encoder.encode(maxTime)
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(minTime: try decoder.decodeUInt64(), maxTime: try decoder.decodeUInt64())
    }
}

/// The range of ledger numbers in which a transaction is valid; `maxLedger` 0 means no upper bound.
public struct LedgerBounds: Sendable, Hashable {
    /// The first ledger.
    public var minLedger: UInt32
    /// The last ledger, or 0 for none.
    public var maxLedger: UInt32

    /// Bounds from `minLedger` to `maxLedger` (0: unbounded).
    public init(minLedger: UInt32, maxLedger: UInt32) {
        self.minLedger = minLedger
        self.maxLedger = maxLedger
    }
}

extension LedgerBounds: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        encoder.encode(minLedger)
        encoder.encode(maxLedger)
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(minLedger: try decoder.decodeUInt32(), maxLedger: try decoder.decodeUInt32())
    }
}
