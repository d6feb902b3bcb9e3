/// A `client_domain` value: a DNS host name or IPv4 address, optionally with a port, at most 64 bytes
/// (it becomes a ManageData value). No scheme, path, user info or IPv6 literal can slip into the URL
/// built from it ("`urlparse('https://' + d).netloc == d`" in Polaris is the same idea).
struct ClientDomainName: Sendable, Hashable {
    let host: String
    let port: Int?

    /// The value as the wallet sent it.
    var text: String { self.port.map { "\(self.host):\($0)" } ?? self.host }

    init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= 64 else { return nil }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let host = parts[0]
        var port: Int?
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].utf8.count <= 5, parts[1].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  let value = Int(parts[1]), (1...65_535).contains(value) else { return nil }
            port = value
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard !labels.isEmpty else { return nil }
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= 63, label.first != "-", label.last != "-" else { return nil }
            let allowed = label.utf8.allSatisfy { byte in
                (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45
            }
            guard allowed else { return nil }
        }
        self.host = String(host)
        self.port = port
    }
}
