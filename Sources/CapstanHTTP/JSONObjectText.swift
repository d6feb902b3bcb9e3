/// Builds one JSON object as text, members in the order written; nil members are left out.
///
/// Hand-written rather than `JSONEncoder` for two reasons every SEP module shares: amounts in `/info`, `/fee` and the
/// transfer answers are JSON numbers that must keep `Amount`'s exact digits, which the encoder would send through
/// `Double`; and transaction lists are a hot path where the encoder's generic machinery dominates the response time.
public struct JSONObjectText {
    private(set) var text: String
    private var empty = true

    public init(capacity: Int = 512) {
        self.text = "{"
        self.text.reserveCapacity(capacity)
    }

    public mutating func string(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        Self.appendQuoted(value, to: &self.text)
    }

    public mutating func bool(_ key: String, _ value: Bool?) {
        guard let value else { return }
        self.key(key)
        self.text += value ? "true" : "false"
    }

    /// A member whose value is already JSON number text (such as `Amount.description`).
    public mutating func number(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        self.text += value
    }

    public mutating func object(_ key: String, _ body: (inout JSONObjectText) -> Void) {
        self.key(key)
        self.nested(body)
    }

    public mutating func objects<Element>(_ key: String, _ elements: [Element], _ body: (Element, inout JSONObjectText) -> Void) {
        self.key(key)
        self.text += "["
        for (index, element) in elements.enumerated() {
            if index > 0 { self.text += "," }
            self.nested { body(element, &$0) }
        }
        self.text += "]"
    }

    public mutating func strings(_ key: String, _ values: [String]?) {
        guard let values else { return }
        self.key(key)
        self.text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { self.text += "," }
            Self.appendQuoted(value, to: &self.text)
        }
        self.text += "]"
    }

    /// The finished object's text.
    public mutating func finish() -> String {
        self.text += "}"
        return self.text
    }

    /// Writes a nested object into this same buffer, so nothing is copied.
    private mutating func nested(_ body: (inout JSONObjectText) -> Void) {
        var inner = JSONObjectText(taking: self.text)
        self.text = ""
        body(&inner)
        self.text = inner.finish()
    }

    private init(taking text: String) {
        self.text = text
        self.text += "{"
    }

    private mutating func key(_ key: String) {
        if !self.empty { self.text += "," }
        self.empty = false
        Self.appendQuoted(key, to: &self.text)
        self.text += ":"
    }

    /// `"…"` with the escapes Foundation's `JSONEncoder` uses (short forms, else `\u00xx`), so both write the same
    /// bytes; the common case (nothing to escape) is one scan and one append.
    public static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            text += value
            text += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
