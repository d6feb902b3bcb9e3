/// Why the devnet could not start or persist its ledger.
public struct DevnetError: Error, CustomStringConvertible, Sendable {
    private enum Code: Sendable {
        case unreadableState, unwritableState, otherNetwork
    }

    private let code: Code
    private let detail: String

    static func unreadableState(_ path: String, _ reason: String) -> DevnetError {
        DevnetError(code: .unreadableState, detail: "cannot read devnet state \(path): \(reason)")
    }

    static func unwritableState(_ path: String, _ reason: String) -> DevnetError {
        DevnetError(code: .unwritableState, detail: "cannot write devnet state \(path): \(reason)")
    }

    static func otherNetwork(_ path: String, _ passphrase: String) -> DevnetError {
        DevnetError(code: .otherNetwork, detail: "devnet state \(path) belongs to network \"\(passphrase)\"")
    }

    public var description: String { self.detail }
}
