/// How `capstan devnet` runs: where it listens, how often ledgers close, where state is kept.
public struct DevnetConfiguration: Sendable {
    /// Address to bind.
    public var host: String
    /// Port to bind; 0 picks a free one.
    public var port: Int
    /// Time between ledger closes. Zero closes a ledger for every accepted submission instead.
    public var ledgerInterval: Duration
    /// Where the ledger persists between runs; nil keeps it in memory only.
    public var stateFile: String?
    /// The network's constants.
    public var parameters: DevnetParameters

    /// Defaults: `127.0.0.1:8000`, a ledger a second, in memory, standalone network.
    public init(
        host: String = "127.0.0.1", port: Int = 8000, ledgerInterval: Duration = .seconds(1), stateFile: String? = nil,
        parameters: DevnetParameters = DevnetParameters()
    ) {
        self.host = host
        self.port = port
        self.ledgerInterval = ledgerInterval
        self.stateFile = stateFile
        self.parameters = parameters
    }
}
