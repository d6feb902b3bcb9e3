/// Writes TOML 1.0 text: strings escaped per the spec, keys quoted when they are not bare,
/// and nested JSON objects as inline tables so any plugin value stays valid TOML.
struct TOMLWriter {
    private(set) var text = ""

    mutating func keyValue(_ key: String, _ value: TOMLValue) {
        guard let rendered = Self.render(value) else { return }
        self.text += "\(Self.key(key)) = \(rendered)\n"
    }

    mutating func table(_ name: String, _ values: [String: TOMLValue], order: [String] = []) {
        guard !values.isEmpty else { return }
        self.text += "\n[\(name)]\n"
        self.pairs(values, order: order)
    }

    mutating func arrayOfTables(_ name: String, _ entries: [[String: TOMLValue]], order: [String] = []) {
        for entry in entries {
            self.text += "\n[[\(name)]]\n"
            self.pairs(entry, order: order)
        }
    }

    private mutating func pairs(_ values: [String: TOMLValue], order: [String]) {
        let ordered = order.filter { values[$0] != nil } + values.keys.filter { !order.contains($0) }.sorted()
        for key in ordered { self.keyValue(key, values[key]!) }
    }

    static func key(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            (scalar >= "A" && scalar <= "Z") || (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || scalar == "_" || scalar == "-"
        }
        return bare ? key : self.quoted(key)
    }

    /// `nil` for values TOML cannot hold (null, NaN, infinities); the key is then left out.
    static func render(_ value: TOMLValue) -> String? {
        switch value {
        case .string(let string): return self.quoted(string)
        case .integer(let integer): return String(integer)
        case .float(let double):
            guard double.isFinite else { return nil }
            let text = String(double)
            return text.contains(".") || text.contains("e") ? text : text + ".0"
        case .bool(let bool): return bool ? "true" : "false"
        case .null: return nil
        case .array(let values): return "[" + values.compactMap(self.render).joined(separator: ", ") + "]"
        case .table(let table):
            let pairs = table.keys.sorted().compactMap { key in self.render(table[key]!).map { "\(self.key(key)) = \($0)" } }
            return "{ " + pairs.joined(separator: ", ") + " }"
        }
    }

    static func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
