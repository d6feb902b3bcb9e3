import AsyncHTTPClient
import Foundation
import Logging
import StellarKit

/// A Horizon client: network info, accounts, submission, transactions, payment history and payment streams.
///
/// Every request is bounded by a timeout and a response-size limit from `configuration`, and every failure is typed
/// (`HorizonError` for reads, `HorizonSubmitError` for submissions). Errors never carry the URL, which may hold an API key.
public struct HorizonClient: Sendable {
    let http: HorizonHTTP
    public let configuration: HorizonClientConfiguration
    let logger: Logger

    /// - Parameters:
    ///   - baseURL: Horizon's root, such as `https://horizon-testnet.stellar.org`.
    ///   - httpClient: Shared by every request and stream; the caller owns its lifecycle (the default, StellarHorizon's
    ///     own, needs none).
    public init(
        baseURL: String, httpClient: HTTPClient = HorizonHTTPClient.shared, configuration: HorizonClientConfiguration = HorizonClientConfiguration(),
        logger: Logger = Logger(label: "capstan.horizon")
    ) {
        self.http = HorizonHTTP(baseURL: baseURL, client: httpClient, timeout: configuration.requestTimeout, maxResponseBytes: configuration.maxResponseBytes)
        self.configuration = configuration
        self.logger = logger
    }

    /// `GET /`: the network passphrase and ledger range.
    public func root() async throws(HorizonError) -> HorizonRoot {
        guard let root = try await self.http.fetch("/", as: HorizonRoot.self, timeout: self.configuration.requestTimeout) else {
            throw .http(status: 404, problem: nil)
        }
        return root
    }

    /// `GET /accounts/{id}`: the account, or nil when it does not exist.
    public func account(_ accountID: String) async throws(HorizonError) -> HorizonAccount? {
        try Self.checkAccountID(accountID)
        let account = try await self.http.fetch("/accounts/\(accountID)", as: HorizonAccount.self, timeout: self.configuration.requestTimeout)
        if let account, account.id != accountID { throw .malformedResponse("answered for another account") }
        return account
    }

    /// `GET /transactions/{hash}`: the transaction (successful or failed) once it is in a ledger, or nil when Horizon
    /// does not know it (never submitted, still pending, or dropped).
    public func transaction(hash: String) async throws(HorizonError) -> HorizonTransaction? {
        let hash = hash.lowercased()
        guard hash.utf8.count == 64, hash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            throw .invalidArgument("a transaction hash is 64 hex characters")
        }
        return try await self.http.fetch("/transactions/\(hash)", as: HorizonTransaction.self, timeout: self.configuration.requestTimeout)
    }

    /// `GET /accounts/{id}/payments?join=transactions`: one page of payment-family operations the account took part
    /// in, each with its transaction (for the memo).
    /// - Parameters:
    ///   - cursor: A paging token from an earlier page or record (`nextCursor`), `now`, or nil for the start (or end, descending).
    ///   - limit: 1…200.
    ///   - includeFailed: Also list operations of failed transactions (`transaction_successful` false).
    public func payments(
        forAccount accountID: String, cursor: String? = nil, limit: Int = 10, order: HorizonOrder = .ascending, includeFailed: Bool = false
    ) async throws(HorizonError) -> HorizonPage<HorizonPayment> {
        try Self.checkAccountID(accountID)
        guard (1...200).contains(limit) else { throw .invalidArgument("limit must be between 1 and 200") }
        var query = "?limit=\(limit)&order=\(order.rawValue)&join=transactions"
        if let cursor {
            try Self.checkCursor(cursor)
            query += "&cursor=\(cursor)"
        }
        if includeFailed { query += "&include_failed=true" }
        let path = "/accounts/\(accountID)/payments" + query
        // Horizon answers an unknown account's payments with an empty page, so a 404 here is not "no payments".
        guard let page = try await self.http.fetch(path, as: LossyPage<HorizonPayment>.self, timeout: self.configuration.requestTimeout) else {
            throw .http(status: 404, problem: nil)
        }
        return page.page(requestCursor: cursor, token: \.pagingToken)
    }

    static func checkAccountID(_ accountID: String) throws(HorizonError) {
        // Checked before it goes into a URL path: a strkey is plain base32, so nothing can escape the path.
        guard StrKey.isValid(accountID, as: .accountId) else { throw .invalidArgument("'\(accountID)' is not a G… account id") }
    }

    /// Paging tokens are decimal (operations, transactions) or `now`; anything else would be spliced into the query.
    static func checkCursor(_ cursor: String) throws(HorizonError) {
        guard cursor == "now" || (!cursor.isEmpty && cursor.utf8.count <= 64 && cursor.utf8.allSatisfy({ (48...57).contains($0) || $0 == 45 })) else {
            throw .invalidArgument("cursor must be a paging token or 'now'")
        }
    }
}
