/// Creates and funds a new account.
public struct CreateAccountOp: Sendable, Hashable {
    /// The account to create.
    public var destination: PublicKey
    /// Its starting balance in stroops of XLM.
    public var startingBalance: Int64

    /// Creates `destination` with `startingBalance` stroops.
    public init(destination: PublicKey, startingBalance: Int64) {
        self.destination = destination
        self.startingBalance = startingBalance
    }
}

extension CreateAccountOp: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(destination)
        encoder.encode(startingBalance)
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(destination: try decoder.decode(), startingBalance: try decoder.decodeInt64())
    }
}
