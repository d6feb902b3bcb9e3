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

    /// The node as Foundation values: `[String: Any]`, `[Any]`, `String`, `Bool`, `Int`, `Double` or `NSNull`.
    static func value(of node: Node, at path: String = "") throws(ConfigError) -> Any {
        switch node {
        case .scalar(let scalar):
            return self.typed(scalar)
        case .sequence(let sequence):
            var items: [Any] = []
            for (index, item) in sequence.enumerated() { items.append(try self.value(of: item, at: "\(path)[\(index)]")) }
            return items
        case .mapping(let mapping):
            var out: [String: Any] = [:]
            for (key, item) in mapping {
                guard case .scalar(let name) = key else { throw ConfigError(key: path.isEmpty ? nil : path, "has a key that is not text") }
                out[name.string] = try self.value(of: item, at: path.isEmpty ? name.string : "\(path).\(name.string)")
            }
            return out
        case .alias:
            // The parser replaces every alias by the node it names; only hand-built trees hold one.
            throw ConfigError(key: path.isEmpty ? nil : path, "has an unresolved YAML alias")
        }
    }

    /// Every scalar and list of scalars under the root mapping as swift-configuration values, keyed by their path
    /// (`sep10.signing_key`). Values stay text, as swift-configuration's own YAML provider keeps them; a null is unset.
    static func configValues(_ root: Node) -> [AbsoluteConfigKey: ConfigValue] {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        func walk(_ node: Node, _ path: [String]) {
            switch node {
            case .mapping(let mapping):
                for (key, item) in mapping {
                    if case .scalar(let name) = key { walk(item, path + [name.string]) }
                }
            case .scalar(let scalar) where !path.isEmpty:
                if !(self.typed(scalar) is NSNull) { values[AbsoluteConfigKey(path)] = ConfigValue(.string(scalar.string), isSecret: false) }
            case .sequence(let sequence) where !path.isEmpty:
                let strings = sequence.compactMap { item -> String? in
                    guard case .scalar(let scalar) = item else { return nil }
                    return scalar.string
                }
                if strings.count == sequence.count { values[AbsoluteConfigKey(path)] = ConfigValue(.stringArray(strings), isSecret: false) }
            default:
                break
            }
        }
        walk(root, [])
        return values
    }

    /// A plain scalar's YAML 1.1 type; quoted and block scalars are always text.
    static func typed(_ scalar: Node.Scalar) -> Any {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any else { return text }
        switch text {
        case "", "~", "null", "Null", "NULL":
            return NSNull()
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
            return true
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
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
