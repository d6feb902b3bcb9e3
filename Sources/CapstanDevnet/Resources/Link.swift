/// A HAL link.
struct Link: Encodable, Sendable {
    var href: String
    var templated: Bool?

    init(_ href: String, templated: Bool? = nil) {
        self.href = href
        self.templated = templated
    }
}
