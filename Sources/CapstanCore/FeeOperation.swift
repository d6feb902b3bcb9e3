/// The operation a fee is for; `send` and `receive` are SEP-31's two sides.
public enum FeeOperation: String, Sendable, Codable, CaseIterable {
    case deposit
    case withdraw
    case send
    case receive
}
