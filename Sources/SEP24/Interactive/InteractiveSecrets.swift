import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The MACs behind every secret the interactive flow hands out: the single-use token in an interactive URL, the
/// session cookie it is exchanged for, the CSRF value on each form, and the key in a more-info link.
///
/// All are HMAC-SHA256 tags (truncated to 128 bits) under keys derived per purpose from one server secret, so a
/// value minted for one purpose never verifies for another, and every instance sharing the secret can check what
/// any other issued. Nothing is stored: single use comes from the transaction's version (see `InteractiveToken`).
struct InteractiveSecrets: Sendable {
    private let tokenKey: SymmetricKey
    private let sessionKey: SymmetricKey
    private let csrfKey: SymmetricKey
    private let moreInfoKey: SymmetricKey

    init(secret: [UInt8]) {
        func derive(_ purpose: String) -> SymmetricKey {
            let master = SymmetricKey(data: secret)
            return SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data("capstan.sep24.\(purpose)".utf8), using: master)))
        }
        self.tokenKey = derive("interactive-token")
        self.sessionKey = derive("session")
        self.csrfKey = derive("csrf")
        self.moreInfoKey = derive("more-info")
    }

    // MARK: interactive token

    /// `<id>.<version>.<expires>.<tag>`: valid until `expires` (Unix seconds) for the transaction at `version`.
    func token(transactionID: String, version: Int64, expires: Int64) -> String {
        let body = "\(transactionID).\(version).\(expires)"
        return body + "." + Self.tag(body, self.tokenKey)
    }

    /// The token's claims if its tag is genuine; expiry and single use are the caller's to check.
    func readToken(_ token: String) -> InteractiveToken? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, let version = Int64(parts[1]), let expires = Int64(parts[2]) else { return nil }
        let body = parts[0...2].joined(separator: ".")
        guard Self.verify(String(parts[3]), body, self.tokenKey) else { return nil }
        return InteractiveToken(transactionID: String(parts[0]), version: version, expires: expires)
    }

    // MARK: session

    /// A session cookie value binding a browser to one transaction of one owner until `expires`.
    func session(transactionID: String, owner: String, expires: Int64) -> String {
        let nonce = Self.base64URL(Array((0..<16).map { _ in UInt8.random(in: .min ... .max) }))
        let body = "\(expires).\(nonce)"
        return body + "." + Self.tag("\(transactionID)|\(owner)|\(body)", self.sessionKey)
    }

    /// The session's nonce, if `value` is a genuine session for this transaction and owner that has not expired.
    func readSession(_ value: String, transactionID: String, owner: String, now: Int64) -> String? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let expires = Int64(parts[0]), now < expires else { return nil }
        let body = "\(parts[0]).\(parts[1])"
        guard Self.verify(String(parts[2]), "\(transactionID)|\(owner)|\(body)", self.sessionKey) else { return nil }
        return String(parts[1])
    }

    // MARK: CSRF and more-info links

    /// The CSRF value for forms of one session: only a page rendered for that session can know it.
    func csrf(transactionID: String, nonce: String) -> String {
        Self.tag("\(transactionID)|\(nonce)", self.csrfKey)
    }

    func checkCSRF(_ value: String, transactionID: String, nonce: String) -> Bool {
        Self.verify(value, "\(transactionID)|\(nonce)", self.csrfKey)
    }

    /// The key that makes a more-info link unguessable without needing a login.
    func moreInfoKey(transactionID: String) -> String {
        Self.tag(transactionID, self.moreInfoKey)
    }

    func checkMoreInfoKey(_ value: String, transactionID: String) -> Bool {
        Self.verify(value, transactionID, self.moreInfoKey)
    }

    // MARK: primitives

    private static func tag(_ message: String, _ key: SymmetricKey) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: key)
        return code.withUnsafeBytes { Self.base64URL($0.prefix(16)) }
    }

    /// Constant-time comparison of the presented tag with the expected one.
    private static func verify(_ presented: String, _ message: String, _ key: SymmetricKey) -> Bool {
        let expected = Array(Self.tag(message, key).utf8)
        let given = Array(presented.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        return difference == 0
    }

    /// RFC 4648 §5 base64url without padding, written out: Foundation's encoder plus three string replacements
    /// cost more than the MAC itself.
    static func base64URL(_ bytes: some Collection<UInt8>) -> String {
        let alphabet = Self.alphabet
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next(), third = iterator.next()
            let chunk = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
            out.append(alphabet[Int(chunk >> 18 & 63)])
            out.append(alphabet[Int(chunk >> 12 & 63)])
            if second != nil { out.append(alphabet[Int(chunk >> 6 & 63)]) }
            if third != nil { out.append(alphabet[Int(chunk & 63)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
}

/// What a genuine interactive token says. It is single-use because `version` is the transaction's version when
/// the token was issued and opening the flow bumps that version in a conditional update: a second use finds a
/// newer version, and two simultaneous uses cannot both win the update.
struct InteractiveToken: Sendable, Equatable {
    let transactionID: String
    let version: Int64
    let expires: Int64
}
