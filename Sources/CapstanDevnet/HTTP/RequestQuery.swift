import Hummingbird
import StellarKit

/// The query parameters Horizon's collection endpoints share, validated the way Horizon does.
struct RequestQuery: Sendable {
    var page: PageRequest
    /// The cursor as given, for the page's `self` link.
    var cursorText: String?
    var includeFailed: Bool
    var joinTransactions: Bool
    /// Whether the client asked for server-sent events.
    var streaming: Bool

    /// Parses `cursor`, `order`, `limit`, `include_failed` and `join`. `cursor=now` (and, for streams,
    /// `Last-Event-ID`) are resolved here: `now` is the end of the last closed ledger.
    init(_ request: Request, nowCursor: Int64) throws(HorizonProblem) {
        let parameters = request.uri.queryParameters
        self.streaming = request.headers[.accept]?.contains("text/event-stream") == true
        var cursorText = parameters["cursor"].map(String.init)
        if self.streaming, let lastEventID = Self.lastEventID(request), !lastEventID.isEmpty {
            cursorText = lastEventID
        }
        self.cursorText = cursorText
        let cursor: Int64?
        switch cursorText {
        case nil, "": cursor = nil
        case "now": cursor = nowCursor
        case let text?:
            guard let value = Int64(text), value >= 0 else { throw .badRequest(field: "cursor", reason: "cursor must be a paging token or 'now'") }
            cursor = value
        }
        let order: PageOrder
        switch parameters["order"].map(String.init) {
        case nil, "", "asc": order = .ascending
        case "desc": order = .descending
        default: throw .badRequest(field: "order", reason: "order must be 'asc' or 'desc'")
        }
        self.page = PageRequest(cursor: cursor, order: order, limit: try Self.limit(request))
        switch parameters["include_failed"].map(String.init) {
        case nil, "", "false": self.includeFailed = false
        case "true": self.includeFailed = true
        default: throw .badRequest(field: "include_failed", reason: "include_failed must be 'true' or 'false'")
        }
        switch parameters["join"].map(String.init) {
        case nil, "": self.joinTransactions = false
        case "transactions": self.joinTransactions = true
        default: throw .badRequest(field: "join", reason: "join accepts only 'transactions'")
        }
    }

    /// The `Last-Event-ID` header an EventSource sends when it reconnects.
    private static func lastEventID(_ request: Request) -> String? {
        request.headers.first { $0.name.canonicalName == "last-event-id" }?.value
    }

    /// `limit`: 1…200, default 10.
    static func limit(_ request: Request) throws(HorizonProblem) -> Int {
        guard let text = request.uri.queryParameters["limit"], !text.isEmpty else { return PageRequest.defaultLimit }
        guard let value = Int(text), (1...PageRequest.maximumLimit).contains(value) else {
            throw .badRequest(field: "limit", reason: "limit must be between 1 and \(PageRequest.maximumLimit)")
        }
        return value
    }

    /// Parameters to repeat in page links.
    var linkQuery: String {
        (self.includeFailed ? "&include_failed=true" : "") + (self.joinTransactions ? "&join=transactions" : "")
    }

    /// The `G…` account id in the path, or a Horizon bad-request problem.
    static func accountID(_ context: some RequestContext, parameter: String = "account_id") throws(HorizonProblem) -> String {
        guard let id = context.parameters.get(parameter), StrKey.isValid(id, as: .accountId) else {
            throw .badRequest(field: parameter, reason: "must be a G… account id")
        }
        return id
    }

    /// `http://host[:port]` as the client addressed the server, for absolute links.
    static func baseURL(_ request: Request, fallback: String) -> String {
        guard let authority = request.head.authority, !authority.isEmpty else { return fallback }
        return "http://" + authority
    }
}
