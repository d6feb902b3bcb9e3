/// Horizon's collection envelope: `_links` (self, next, prev) and `_embedded.records`.
struct PageResource<Record: Encodable & Sendable>: Encodable, Sendable {
    struct Links: Encodable, Sendable {
        var `self`: Link
        var next: Link
        var prev: Link
    }

    struct Embedded: Encodable, Sendable {
        var records: [Record]
    }

    var links: Links
    var embedded: Embedded

    enum CodingKeys: String, CodingKey { case links = "_links", embedded = "_embedded" }

    /// A page whose links continue from its last record (next) and back from its first (prev).
    /// - Parameters:
    ///   - url: The collection's absolute URL without a query.
    ///   - extraQuery: Parameters to keep in the links, such as `include_failed=true`.
    init(records: [Record], tokens: [String], url: String, request: PageRequest, requestCursor: String?, extraQuery: String = "") {
        let order = request.order.rawValue
        let reverse = request.order == .ascending ? PageOrder.descending.rawValue : PageOrder.ascending.rawValue
        func href(cursor: String?, order: String) -> String {
            "\(url)?cursor=\(cursor ?? "")&limit=\(request.limit)&order=\(order)\(extraQuery)"
        }
        self.links = Links(
            self: Link(href(cursor: requestCursor, order: order)),
            next: Link(href(cursor: tokens.last ?? requestCursor, order: order)),
            prev: Link(href(cursor: tokens.first ?? requestCursor, order: reverse))
        )
        self.embedded = Embedded(records: records)
    }
}
