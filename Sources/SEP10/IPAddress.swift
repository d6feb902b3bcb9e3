/// A resolved IPv4 or IPv6 address, and whether the client-domain fetch may connect to it.
enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    case v4([UInt8])
    case v6([UInt8])

    /// False for every range that is not the public internet: loopback, private (RFC 1918, ULA), link-local,
    /// carrier-grade NAT, unspecified, multicast, documentation and reserved ranges, and IPv6 forms that
    /// embed such an IPv4 address. This is the SSRF guard of the `client_domain` fetch (AP PR #1915).
    var isPubliclyRoutable: Bool {
        switch self {
        case .v4(let bytes): return Self.isPublicV4(bytes)
        case .v6(let bytes): return Self.isPublicV6(bytes)
        }
    }

    private static func isPublicV4(_ b: [UInt8]) -> Bool {
        guard b.count == 4 else { return false }
        switch (b[0], b[1], b[2]) {
        case (0, _, _), (10, _, _), (127, _, _): return false             // this network, private, loopback
        case (100, 64...127, _): return false                              // carrier-grade NAT
        case (169, 254, _): return false                                   // link-local (cloud metadata lives here)
        case (172, 16...31, _), (192, 168, _): return false                // private
        case (192, 0, 0), (192, 0, 2), (198, 51, 100), (203, 0, 113): return false  // IETF protocol, documentation
        case (198, 18...19, _): return false                               // benchmarking
        case (224...255, _, _): return false                               // multicast, reserved, broadcast
        default: return true
        }
    }

    private static func isPublicV6(_ b: [UInt8]) -> Bool {
        guard b.count == 16 else { return false }
        let embedded = Array(b[12..<16])
        if b[0..<10].allSatisfy({ $0 == 0 }) {
            // ::, ::1, the deprecated IPv4-compatible ::a.b.c.d, and IPv4-mapped ::ffff:a.b.c.d.
            if b[10] == 0xff, b[11] == 0xff { return isPublicV4(embedded) }
            if b[10] == 0, b[11] == 0 { return false }
        }
        if b[0] == 0x00, b[1] == 0x64, b[2] == 0xff, b[3] == 0x9b { return isPublicV4(embedded) }   // NAT64 64:ff9b::/96
        if b[0] == 0x20, b[1] == 0x02 { return isPublicV4(Array(b[2..<6])) }                     // 6to4 2002::/16
        if b[0] == 0x01, b[1] == 0x00, b[2..<8].allSatisfy({ $0 == 0 }) { return false }          // discard 100::/64
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x0d, b[3] == 0xb8 { return false }                // documentation
        if b[0] & 0xfe == 0xfc { return false }                                                    // unique local fc00::/7
        if b[0] == 0xfe, b[1] & 0xc0 == 0x80 || b[1] & 0xc0 == 0xc0 { return false }              // link-local, site-local
        if b[0] == 0xff { return false }                                                           // multicast
        return true
    }

    /// The textual form for connecting (dotted quad, or colon-separated hex for IPv6).
    var description: String {
        switch self {
        case .v4(let b): return b.map(String.init).joined(separator: ".")
        case .v6(let b):
            return stride(from: 0, to: 16, by: 2).map { String(UInt16(b[$0]) << 8 | UInt16(b[$0 + 1]), radix: 16) }.joined(separator: ":")
        }
    }
}
