/// A status change the state machine refuses; names the statuses and the kind, so a log line says it all.
public struct TransitionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The status before; `nil` when a new transaction was to be stored in `to`.
    public let from: TransactionStatus?
    public let to: TransactionStatus
    public let kind: TransactionKind
    /// The protocol checked against, when the caller gave one.
    public let `protocol`: TransactionProtocol?

    public init(from: TransactionStatus?, to: TransactionStatus, kind: TransactionKind, protocol: TransactionProtocol? = nil) {
        self.from = from
        self.to = to
        self.kind = kind
        self.protocol = `protocol`
    }

    public var description: String {
        let subject = self.protocol.map { "\($0.rawValue) \(self.kind.rawValue)" } ?? self.kind.rawValue
        guard let from = self.from else {
            return "a \(subject) transaction cannot start in status \(self.to.rawValue)"
        }
        return "a \(subject) transaction cannot move from \(from.rawValue) to \(self.to.rawValue)"
    }
}
