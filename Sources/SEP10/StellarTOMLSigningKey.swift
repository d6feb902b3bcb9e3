/// Reads the top-level `SIGNING_KEY` of a stellar.toml: the one key SEP-10 needs from a client domain,
/// so a whole TOML parser is not worth its attack surface here.
enum StellarTOMLSigningKey {
    /// The value of the top-level `SIGNING_KEY`, or nil when there is none, it is not a plain string,
    /// or it is given twice.
    static func read(_ text: String) -> String? {
        var found: String?
        var inMultilineString: Substring?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.trimmingWhitespace()
            if let delimiter = inMultilineString {
                if line.contains(delimiter) { inMultilineString = nil }
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            // Keys after the first table header belong to that table, not the top level.
            if line.hasPrefix("[") { break }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingWhitespace()
            let value = line[line.index(after: equals)...].trimmingWhitespace()
            for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) {
                if !value.dropFirst(3).contains(delimiter) { inMultilineString = Substring(delimiter) }
            }
            guard key == "SIGNING_KEY" || key == "\"SIGNING_KEY\"" else { continue }
            guard found == nil, let string = self.string(value) else { return nil }
            found = string
        }
        return found
    }

    /// A one-line basic or literal string, possibly followed by a comment.
    private static func string(_ value: Substring) -> String? {
        guard let quote = value.first, quote == "\"" || quote == "'" else { return nil }
        let rest = value.dropFirst()
        guard let end = rest.firstIndex(of: quote) else { return nil }
        let content = rest[..<end]
        let after = rest[rest.index(after: end)...].trimmingWhitespace()
        guard after.isEmpty || after.hasPrefix("#"), !content.contains("\\") else { return nil }
        return String(content)
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice = slice.dropLast() }
        return slice
    }
}
