/// Writes JSON whose numbers come from `Amount`'s exact decimal text, which `JSONEncoder` cannot do (it would go
/// through `Double`). Used where a SEP wants amounts as JSON numbers: `/info` limits and fees, `/fee`.
struct JSONWriter {
    private(set) var text = ""

    /// `{` … `}` around the members `body` writes.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        self.text += "{"
        var inner = JSONWriter()
        body(&inner)
        self.text += inner.text.hasPrefix(",") ? String(inner.text.dropFirst()) : inner.text
        self.text += "}"
    }

    mutating func member(_ key: String, object body: (inout JSONWriter) -> Void) {
        self.key(key)
        self.object(body)
    }

    mutating func member(_ key: String, _ value: Bool) {
        self.key(key)
        self.text += value ? "true" : "false"
    }

    /// A number member; `decimal` must be a JSON number already (such as `Amount.description`).
    mutating func member(_ key: String, number decimal: String) {
        self.key(key)
        self.text += decimal
    }

    mutating func member(_ key: String, string value: String) {
        self.key(key)
        self.text += Self.quoted(value)
    }

    private mutating func key(_ key: String) {
        self.text += "," + Self.quoted(key) + ":"
    }

    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
