/// Problems a worker cannot fix by trying again soon: configuration, or data that does not fit.
public enum WorkerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No key for the account that must sign (`stellar.distribution_secrets`).
    case noSigningKey(String)
    /// The asset has neither a distribution account nor an issuer to pay from.
    case noSourceAccount(assetCode: String)
    /// The transaction's asset is not in the asset table.
    case unknownAsset(String)
    /// The deposit memo does not fit its type.
    case invalidMemo(String)

    public var description: String {
        switch self {
        case .noSigningKey(let account): "no signing key for \(account) (stellar.distribution_secrets)"
        case .noSourceAccount(let code): "asset \(code) has no distribution account or issuer to pay from"
        case .unknownAsset(let code): "asset \(code) is not configured"
        case .invalidMemo(let memo): "deposit memo '\(memo)' does not fit its memo type"
        }
    }
}
