/// A transaction's id and its version, which `TransactionStore.update` raises on every change.
public struct TransactionVersion: Sendable, Hashable {
    public let id: String
    public let version: Int64

    public init(id: String, version: Int64) {
        self.id = id
        self.version = version
    }
}
