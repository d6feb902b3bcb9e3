/// The XDR bound on a path payment's intermediate assets.
let maximumPathLength = 5

/// Sends at most `sendMax` of one asset so that the destination receives exactly `destAmount` of another.
public struct PathPaymentStrictReceiveOp: Sendable, Hashable {
    /// What the source spends.
    public var sendAsset: Asset
    /// The most it will spend, in stroops.
    public var sendMax: Int64
    /// The recipient.
    public var destination: MuxedAccount
    /// What the recipient gets.
    public var destAsset: Asset
    /// Exactly how much, in stroops.
    public var destAmount: Int64
    /// Intermediate assets, at most five.
    public var path: [Asset]

    /// A strict-receive path payment.
    public init(sendAsset: Asset, sendMax: Int64, destination: MuxedAccount, destAsset: Asset, destAmount: Int64, path: [Asset] = []) {
        self.sendAsset = sendAsset
        self.sendMax = sendMax
        self.destination = destination
        self.destAsset = destAsset
        self.destAmount = destAmount
        self.path = path
    }
}

extension PathPaymentStrictReceiveOp: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(sendAsset)
        encoder.encode(sendMax)
        try encoder.encode(destination)
        try encoder.encode(destAsset)
        encoder.encode(destAmount)
        try encoder.encodeArray(path, maxCount: maximumPathLength, field: "path")
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(
            sendAsset: try decoder.decode(), sendMax: try decoder.decodeInt64(),
            destination: try decoder.decode(), destAsset: try decoder.decode(), destAmount: try decoder.decodeInt64(),
            path: try decoder.decodeArray(maxCount: maximumPathLength, field: "path")
        )
    }
}

/// Sends exactly `sendAmount` of one asset so that the destination receives at least `destMin` of another.
public struct PathPaymentStrictSendOp: Sendable, Hashable {
    /// What the source spends.
    public var sendAsset: Asset
    /// Exactly how much, in stroops.
    public var sendAmount: Int64
    /// The recipient.
    public var destination: MuxedAccount
    /// What the recipient gets.
    public var destAsset: Asset
    /// The least it must get, in stroops (the delivered amount is in the result, not here).
    public var destMin: Int64
    /// Intermediate assets, at most five.
    public var path: [Asset]

    /// A strict-send path payment.
    public init(sendAsset: Asset, sendAmount: Int64, destination: MuxedAccount, destAsset: Asset, destMin: Int64, path: [Asset] = []) {
        self.sendAsset = sendAsset
        self.sendAmount = sendAmount
        self.destination = destination
        self.destAsset = destAsset
        self.destMin = destMin
        self.path = path
    }
}

extension PathPaymentStrictSendOp: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(sendAsset)
        encoder.encode(sendAmount)
        try encoder.encode(destination)
        try encoder.encode(destAsset)
        encoder.encode(destMin)
        try encoder.encodeArray(path, maxCount: maximumPathLength, field: "path")
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(
            sendAsset: try decoder.decode(), sendAmount: try decoder.decodeInt64(),
            destination: try decoder.decode(), destAsset: try decoder.decode(), destMin: try decoder.decodeInt64(),
            path: try decoder.decodeArray(maxCount: maximumPathLength, field: "path")
        )
    }
}
