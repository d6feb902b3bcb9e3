import AsyncHTTPClient
import StellarKit

/// A `LedgerReader` backed by Horizon's `GET /accounts/{id}`.
public struct HorizonLedgerReader: LedgerReader {
    /// An account with many trustlines is large; anything far beyond that is not a Horizon answer.
    public static let maxResponseBytes = 4 << 20

    let http: HorizonHTTP

    /// - Parameters:
    ///   - baseURL: Horizon's root, such as `https://horizon-testnet.stellar.org`.
    ///   - httpClient: Shared by every request; the caller owns its lifecycle (the default, StellarHorizon's own, needs none).
    ///   - timeout: For the whole request, body included.
    public init(baseURL: String, httpClient: HTTPClient = HorizonHTTPClient.shared, timeout: Duration = .seconds(10)) {
        self.http = HorizonHTTP(baseURL: baseURL, client: httpClient, timeout: timeout, maxResponseBytes: Self.maxResponseBytes)
    }

    public func account(_ accountID: String) async throws(LedgerError) -> LedgerAccount? {
        // Checked before it goes into a URL path: a strkey is plain base32, so nothing can escape the path.
        guard StrKey.isValid(accountID, as: .accountId) else { throw .invalidAccountID(accountID) }
        guard let account = try await self.http.get("/accounts/\(accountID)", as: LedgerAccount.self) else { return nil }
        guard account.id == accountID else {
            throw .unavailable(reason: "Horizon answered for another account")
        }
        return account
    }
}
