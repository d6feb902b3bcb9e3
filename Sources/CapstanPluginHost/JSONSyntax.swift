/// Checks that a plugin's reply is one UTF-8 JSON object (RFC 8259) before anything else reads it,
/// without building a document: replies can be large and most callers decode them once anyway.
struct JSONSyntax {
    private let bytes: [UInt8]
    private var index = 0
    private static let maxDepth = 256

    /// True when `bytes` is valid UTF-8 holding exactly one JSON object, with optional whitespace.
    static func isObject(_ bytes: [UInt8]) -> Bool {
        guard String(validating: bytes, as: UTF8.self) != nil else { return false }
        var parser = JSONSyntax(bytes: bytes)
        parser.skipWhitespace()
        guard parser.peek == UInt8(ascii: "{"), parser.value(depth: 0) else { return false }
        parser.skipWhitespace()
        return parser.index == bytes.count
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var peek: UInt8? { self.index < self.bytes.count ? self.bytes[self.index] : nil }

    private mutating func skipWhitespace() {
        while let byte = self.peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { self.index += 1 }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard self.peek == byte else { return false }
        self.index += 1
        return true
    }

    private mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard self.index + count <= self.bytes.count else { return false }
        for offset in 0..<count where self.bytes[self.index + offset] != text.utf8Start[offset] { return false }
        self.index += count
        return true
    }

    private mutating func value(depth: Int) -> Bool {
        guard depth < Self.maxDepth else { return false }
        self.skipWhitespace()
        switch self.peek {
        case UInt8(ascii: "{"): return self.object(depth: depth)
        case UInt8(ascii: "["): return self.array(depth: depth)
        case UInt8(ascii: "\""): return self.string()
        case UInt8(ascii: "t"): return self.literal("true")
        case UInt8(ascii: "f"): return self.literal("false")
        case UInt8(ascii: "n"): return self.literal("null")
        default: return self.number()
        }
    }

    private mutating func object(depth: Int) -> Bool {
        self.index += 1
        self.skipWhitespace()
        if self.consume(UInt8(ascii: "}")) { return true }
        while true {
            self.skipWhitespace()
            guard self.string() else { return false }
            self.skipWhitespace()
            guard self.consume(UInt8(ascii: ":")), self.value(depth: depth + 1) else { return false }
            self.skipWhitespace()
            if self.consume(UInt8(ascii: "}")) { return true }
            guard self.consume(UInt8(ascii: ",")) else { return false }
        }
    }

    private mutating func array(depth: Int) -> Bool {
        self.index += 1
        self.skipWhitespace()
        if self.consume(UInt8(ascii: "]")) { return true }
        while true {
            guard self.value(depth: depth + 1) else { return false }
            self.skipWhitespace()
            if self.consume(UInt8(ascii: "]")) { return true }
            guard self.consume(UInt8(ascii: ",")) else { return false }
        }
    }

    private mutating func string() -> Bool {
        guard self.consume(UInt8(ascii: "\"")) else { return false }
        while let byte = self.peek {
            self.index += 1
            switch byte {
            case UInt8(ascii: "\""): return true
            case UInt8(ascii: "\\"):
                guard let escaped = self.peek else { return false }
                self.index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    continue
                case UInt8(ascii: "u"):
                    for _ in 0..<4 {
                        guard let hex = self.peek, Self.isHexDigit(hex) else { return false }
                        self.index += 1
                    }
                default: return false
                }
            case 0x00..<0x20: return false
            default: continue
            }
        }
        return false
    }

    private mutating func number() -> Bool {
        _ = self.consume(UInt8(ascii: "-"))
        if self.consume(UInt8(ascii: "0")) {
            // A leading zero stands alone.
        } else {
            guard self.digits() else { return false }
        }
        if self.consume(UInt8(ascii: ".")) { guard self.digits() else { return false } }
        if self.consume(UInt8(ascii: "e")) || self.consume(UInt8(ascii: "E")) {
            if !self.consume(UInt8(ascii: "+")) { _ = self.consume(UInt8(ascii: "-")) }
            guard self.digits() else { return false }
        }
        return true
    }

    private mutating func digits() -> Bool {
        let start = self.index
        while let byte = self.peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { self.index += 1 }
        return self.index > start
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }
}
