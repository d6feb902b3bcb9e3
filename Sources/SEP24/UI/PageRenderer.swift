import Foundation
import Mustache

/// The interactive pages' templates, static files and message catalogs, loaded once at start-up.
///
/// Built-in resources ship in the module bundle; an operator's `ui.dir` overrides any of them by name without a
/// rebuild: `templates/<name>.mustache`, `static/<file>` (also adds files, such as a logo) and `i18n/<lang>.json`
/// (merged over the built-in catalog). Changes take effect at the next start.
///
/// Templates render with Mustache's HTML content type: every `{{value}}` is HTML-escaped, so text from plugins,
/// wallets and users can never become markup. The templates use triple braces only for the JSON island of the
/// postMessage callback, which `scriptSafeJSON` escapes for a script context first.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let catalog: MessageCatalog
    let assets: [String: StaticAsset]

    /// One static file, served from memory.
    struct StaticAsset: Sendable {
        let bytes: [UInt8]
        let contentType: String
        /// A short content hash, appended to URLs so browsers refetch after an operator changes the file.
        let version: String
    }

    init(library: MustacheLibrary, catalog: MessageCatalog, assets: [String: StaticAsset]) {
        self.library = library
        self.catalog = catalog
        self.assets = assets
    }

    /// Loads the built-in resources, then the overrides in `overrideDirectory`.
    static func load(overrideDirectory: String?, defaultLanguage: String) throws -> PageRenderer {
        guard let builtIn = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw PageRendererError.resourcesMissing
        }
        let overrides = overrideDirectory.map { URL(fileURLWithPath: $0) }
        var library = MustacheLibrary()
        for base in [builtIn, overrides].compactMap({ $0 }) {
            let directory = base.appendingPathComponent("templates")
            for file in Self.files(in: directory) where file.hasSuffix(".mustache") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                do { try library.register(text, named: String(file.dropLast(".mustache".count))) } catch {
                    throw PageRendererError.badTemplate(directory.appendingPathComponent(file).path, String(describing: error))
                }
            }
        }
        var assets: [String: StaticAsset] = [:]
        for base in [builtIn, overrides].compactMap({ $0 }) {
            let directory = base.appendingPathComponent("static")
            for file in Self.files(in: directory) {
                guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path) else { continue }
                let bytes = Array(data)
                assets[file] = StaticAsset(bytes: bytes, contentType: Self.contentType(of: file), version: Self.version(of: bytes))
            }
        }
        let catalog = MessageCatalog.load(
            directory: builtIn.appendingPathComponent("i18n"), overrides: overrides?.appendingPathComponent("i18n"),
            defaultLanguage: defaultLanguage)
        for required in ["form", "done", "more_info", "error"] where library.getTemplate(named: required) == nil {
            throw PageRendererError.templateMissing(required)
        }
        return PageRenderer(library: library, catalog: catalog, assets: assets)
    }

    /// The page `template` rendered with `context`.
    func render(_ template: String, _ context: [String: Any]) -> String {
        self.library.render(context, withTemplate: template) ?? ""
    }

    /// The URL of a static file, with its version for cache busting.
    func assetURL(_ name: String, base: String) -> String {
        "\(base)/sep24/static/\(name)?v=\(self.assets[name]?.version ?? "0")"
    }

    /// JSON that may sit inside `<script type="application/json">`: `<`, `>` and `&` become `\u` escapes, so no
    /// string in it can close the element or start a comment; U+2028/2029 are escaped for old parsers.
    static func scriptSafeJSON(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func files(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    private static func contentType(of file: String) -> String {
        switch file.split(separator: ".").last?.lowercased() {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }

    /// FNV-1a, 32 bits, as hex: enough to tell two versions of a file apart.
    private static func version(of bytes: [UInt8]) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return String(hash, radix: 16)
    }
}

/// Why the interactive pages could not be prepared; start-up fails with it.
enum PageRendererError: Error, CustomStringConvertible {
    case resourcesMissing
    case templateMissing(String)
    case badTemplate(String, String)

    var description: String {
        switch self {
        case .resourcesMissing: "the SEP-24 resource bundle is missing (install it beside the capstan binary)"
        case .templateMissing(let name): "the SEP-24 template '\(name).mustache' is missing"
        case .badTemplate(let path, let reason): "the SEP-24 template \(path) does not parse: \(reason)"
        }
    }
}
