import CapstanCore
import Hummingbird

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Builds what every page template sees: language and messages, branding, asset URLs, the language switcher.
struct PageModel {
    let deps: SEP24Dependencies
    let language: String
    /// The page's own path and query, for the language links.
    let path: String
    var query: [String: String] = [:]

    var messages: [String: String] { self.deps.pages.catalog.messages(self.language) }

    func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        self.deps.pages.catalog.text(key, self.language, arguments)
    }

    /// The common context; `title` names the page, `transaction` sets the "Deposit SRT" line under the brand.
    func base(title: String, transaction: Transaction? = nil) -> [String: Any] {
        let settings = self.deps.settings
        let catalog = self.deps.pages.catalog
        let basePath = Self.basePath(settings.publicURL)
        var context: [String: Any] = [
            "lang": self.language,
            "t": self.messages,
            "title": title,
            "brand_name": settings.brand.name,
            "css_url": self.deps.pages.assetURL("capstan.css", base: basePath),
            "js_url": self.deps.pages.assetURL("capstan.js", base: basePath),
        ]
        // Only say "secure connection" when it is one.
        if settings.secureCookies { context["footer_text"] = self.text("footer_secure", ["brand": settings.brand.name]) }
        if let logo = settings.brand.logoURL { context["brand_logo"] = logo }
        if let transaction {
            let key = transaction.kind == .deposit ? "operation_deposit" : "operation_withdrawal"
            context["operation"] = self.text(key, ["asset": transaction.assetCode])
        }
        let languages: [[String: Any]] = catalog.codes.map { code in
            [
                "code": code, "name": catalog.text("language_name", code), "current": code == self.language,
                "url": Self.withQuery(self.path, self.query.merging(["lang": code]) { _, new in new }),
            ]
        }
        context["languages"] = languages
        context["has_languages"] = languages.count > 1
        return context
    }

    /// A summary table row.
    static func row(_ label: String, _ value: String, strong: Bool = false, id: String? = nil, copy: Bool = false) -> [String: Any] {
        var row: [String: Any] = ["label": label, "value": value, "strong": strong, "copy": copy]
        if let id { row["id"] = id }
        return row
    }

    /// The path part of `anchor.public_url` ("" or "/anchor"), so page links work behind a path prefix.
    static func basePath(_ publicURL: String) -> String {
        let path = URL(string: publicURL)?.path ?? ""
        return path == "/" ? "" : path
    }

    static func withQuery(_ path: String, _ items: [String: String]) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = items.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.string ?? path
    }

    /// An HTML response with the headers every interactive page carries.
    ///
    /// `no-store` and `no-referrer` keep tokens and personal data out of caches and other sites' logs; the CSP
    /// allows only this origin's script and style (the page has no inline script), and `frame-ancestors *` lets
    /// wallets embed the flow in a web view or frame, as SEP-24 wallets do.
    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .cacheControl: "no-store",
                .init("Referrer-Policy")!: "no-referrer",
                .init("X-Content-Type-Options")!: "nosniff",
                .init("Content-Security-Policy")!: "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
                    + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors *",
            ],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
