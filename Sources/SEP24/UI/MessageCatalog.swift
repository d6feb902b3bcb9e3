#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The user-facing text of SEP-24, per language: page wording, validation messages and API error messages.
///
/// Catalogs are flat JSON objects (`"form.continue": "Continue"`) shipped as resources (`en`, `es`); a file of the
/// same name in `ui.dir/i18n/` is merged over the built-in one, so operators can reword or add a language
/// without rebuilding. A key missing from a language falls back to English, then to the key itself.
struct MessageCatalog: Sendable {
    /// Language code to its messages.
    let languages: [String: [String: String]]
    let defaultLanguage: String

    init(languages: [String: [String: String]], defaultLanguage: String) {
        self.languages = languages
        self.defaultLanguage = languages[defaultLanguage] == nil ? "en" : defaultLanguage
    }

    /// The supported language codes, in a stable order for the language switcher.
    var codes: [String] { self.languages.keys.sorted() }

    /// The messages of `language`, completed from English.
    func messages(_ language: String) -> [String: String] {
        let english = self.languages["en"] ?? [:]
        guard language != "en", let own = self.languages[language] else { return english }
        return english.merging(own) { _, mine in mine }
    }

    /// One message with `{name}` placeholders filled in.
    func text(_ key: String, _ language: String, _ arguments: [String: String] = [:]) -> String {
        var text = self.languages[language]?[key] ?? self.languages["en"]?[key] ?? key
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Picks the page language: an explicit `lang` (RFC 4646; `es-MX` means `es`), then the best `Accept-Language`
    /// entry by quality, then the configured default.
    func negotiate(lang: String?, acceptLanguage: String?) -> String {
        if let lang, let code = self.supported(lang) { return code }
        if let header = acceptLanguage {
            let ranked = header.split(separator: ",").compactMap { item -> (String, Double)? in
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                guard let tag = parts.first, !tag.isEmpty else { return nil }
                let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
                return (tag, quality)
            }
            for (tag, quality) in ranked.sorted(by: { $0.1 > $1.1 }) where quality > 0 {
                if let code = self.supported(tag) { return code }
            }
        }
        return self.defaultLanguage
    }

    /// The supported language a tag names, or nil.
    func supported(_ tag: String) -> String? {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return self.languages[primary] == nil ? nil : primary
    }

    /// Loads the built-in catalogs from `directory` and merges overrides from `overrides` (either may be nil).
    static func load(directory: URL?, overrides: URL?, defaultLanguage: String) -> MessageCatalog {
        var languages: [String: [String: String]] = [:]
        for base in [directory, overrides].compactMap({ $0 }) {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
            for file in files where file.hasSuffix(".json") {
                let code = String(file.dropLast(5))
                guard let data = FileManager.default.contents(atPath: base.appendingPathComponent(file).path),
                      let messages = try? JSONDecoder().decode([String: String].self, from: data) else { continue }
                languages[code, default: [:]].merge(messages) { _, new in new }
            }
        }
        return MessageCatalog(languages: languages, defaultLanguage: defaultLanguage)
    }
}
