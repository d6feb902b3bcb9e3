import Configuration
import Foundation
import Yams

/// The config file's YAML, read without Yams' default tag resolver.
///
/// That resolver compiles seven ICU regular expressions the first time any YAML is parsed, which alone kept ~3 MB
/// of ICU and Foundation resident in an idle server. Composing with `Resolver.basic` leaves every scalar a string;
/// the few plain-scalar forms a config file uses (null, booleans, integers, decimals) are typed here by hand, as
/// YAML 1.1 types them. Everything else (timestamps, octal, sexagesimal, merge keys) stays text.
enum YAMLTree {
    /// The document's root mapping, or nil for an empty document.
    static func root(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, Resolver.basic)
    }

    /// The node as Foundation values: `[String: Any]`, `[Any]`, and each scalar as `scalar` makes it (by default
    /// typed: `String`, `Bool`, `Int`, `Double` or `NSNull`).
    static func value(
        of node: Node, at path: String = "", scalar: (Node.Scalar) -> Any = Self.typed
    ) throws(ConfigError) -> Any {
        switch node {
        case .scalar(let value):
            return scalar(value)
        case .sequence(let sequence):
            var items: [Any] = []
            for (index, item) in sequence.enumerated() { items.append(try self.value(of: item, at: "\(path)[\(index)]", scalar: scalar)) }
            return items
        case .mapping(let mapping):
            var out: [String: Any] = [:]
            var merged: [[String: Any]] = []
            for (key, item) in mapping {
                guard case .scalar(let name) = key else { throw ConfigError(key: path.isEmpty ? nil : path, "has a key that is not text") }
                if name.string == "<<", name.style == .plain {
                    // A merge key (`<<: *defaults`), as Yams' default resolver applied it: the named mapping's keys,
                    // or each listed mapping's, fill in what this mapping does not set itself.
                    let sources = try self.value(of: item, at: path, scalar: scalar)
                    guard let mappings = (sources as? [String: Any]).map({ [$0] }) ?? (sources as? [[String: Any]]) else {
                        throw ConfigError(key: path.isEmpty ? nil : path, "merges (<<) something that is not a mapping")
                    }
                    merged += mappings
                    continue
                }
                out[name.string] = try self.value(of: item, at: path.isEmpty ? name.string : "\(path).\(name.string)", scalar: scalar)
            }
            for source in merged { out.merge(source) { own, _ in own } }
            return out
        case .alias:
            // The parser replaces every alias by the node it names; only hand-built trees hold one.
            throw ConfigError(key: path.isEmpty ? nil : path, "has an unresolved YAML alias")
        }
    }

    /// Every scalar and list of scalars under `root` as swift-configuration values, keyed by their path, each as the
    /// text written in the file, as swift-configuration's own YAML provider kept them; a null is unset. A key written
    /// with dots (`sep10.signing_key: …` at the top level) means the same as the nested form, as it did for that
    /// provider. Plugin sections are skipped: plugins get them whole, as JSON.
    static func configValues(_ root: Node) throws(ConfigError) -> [AbsoluteConfigKey: ConfigValue] {
        let tree = try self.value(of: root) { scalar -> Any in self.typed(scalar) is NSNull ? NSNull() : scalar.string }
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        func walk(_ node: Any, _ path: [String]) throws(ConfigError) {
            let dotted = path.joined(separator: ".")
            if dotted == "plugins.config" || dotted.hasPrefix("plugins.config.") { return }
            switch node {
            case let mapping as [String: Any]:
                for (key, item) in mapping { try walk(item, path + key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)) }
            case let list as [Any]:
                let strings = list.compactMap { $0 as? String }
                guard strings.count == list.count else { throw ConfigError(key: dotted, "must be a list of plain values") }
                values[AbsoluteConfigKey(path)] = ConfigValue(.stringArray(strings), isSecret: false)
            case let text as String:
                values[AbsoluteConfigKey(path)] = ConfigValue(.string(text), isSecret: false)
            default:
                break                                                   // null: unset
            }
        }
        try walk(tree, [])
        return values
    }

    /// A plain scalar's YAML 1.1 type; quoted and block scalars are always text.
    static func typed(_ scalar: Node.Scalar) -> Any {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any else { return text }
        switch text {
        case "", "~", "null", "Null", "NULL":
            return NSNull()
        case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
            return true
        case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
            return false
        default:
            return self.number(text) ?? text
        }
    }

    /// Decimal or `0x` integers and decimal fractions (underscores allowed between digits), or nil.
    private static func number(_ text: String) -> Any? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        let digits = body.filter { $0 != "_" }
        guard let first = digits.first, !digits.isEmpty, body.first != "_", body.last != "_" else { return nil }
        if digits.hasPrefix("0x"), digits.count > 2, let magnitude = Int(digits.dropFirst(2), radix: 16) {
            return negative ? -magnitude : magnitude
        }
        if digits.allSatisfy(\.isASCIIDigit) {
            guard digits == "0" || first != "0", let magnitude = Int(digits) else { return nil }
            return negative ? -magnitude : magnitude
        }
        // A decimal fraction: digits with one point and an optional exponent; `inf`, `nan` and `1e5` stay text.
        let lowered = String(digits.map { $0 == "E" ? "e" : $0 })
        let parts = lowered.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard mantissa.count == 2, mantissa.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), mantissa.contains(where: { !$0.isEmpty })
        else { return nil }
        if parts.count == 2 {
            var exponent = parts[1]
            if let sign = exponent.first, sign == "-" || sign == "+" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        guard let magnitude = Double(lowered) else { return nil }
        return negative ? -magnitude : magnitude
    }
}

private extension Character {
    var isASCIIDigit: Bool { self >= "0" && self <= "9" }
}
