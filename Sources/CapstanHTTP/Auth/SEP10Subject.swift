/// The account a SEP-10 `sub` names, in its three spellings: `G…`, `G…:<memo id>` and `M…`.
///
/// CapstanHTTP does not link StellarKit, so this reads the two strkey kinds it needs itself
/// (SEP-23: version byte, payload, CRC16-XModem, unpadded base32). Tokens are HMAC-protected, so this
/// only ever parses what the server itself issued; it still checks every byte.
public struct SEP10Subject: Sendable, Hashable {
    /// The underlying `G…` account, whatever the spelling.
    public let account: String
    /// The id memo of a `G…:<memo>` subject.
    public let memo: UInt64?
    /// The `M…` address of a muxed subject.
    public let muxedAccount: String?
    /// The id inside a muxed subject.
    public let muxedID: UInt64?

    /// Parses a subject; nil when it is none of the three spellings.
    public init?(_ subject: String) {
        if subject.hasPrefix("M") {
            guard let payload = StrKeyReader.decode(subject, version: StrKeyReader.muxedVersion, payloadCount: 40) else { return nil }
            let id = payload[32..<40].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            self.account = StrKeyReader.encode(Array(payload[0..<32]), version: StrKeyReader.accountVersion)
            self.memo = nil
            self.muxedAccount = subject
            self.muxedID = id
            return
        }
        let parts = subject.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let account = String(parts[0])
        guard StrKeyReader.decode(account, version: StrKeyReader.accountVersion, payloadCount: 32) != nil else { return nil }
        var memo: UInt64?
        if parts.count == 2 {
            // Only the canonical decimal spelling the server writes: no sign, no leading zeros.
            guard let value = UInt64(parts[1]), String(value) == parts[1] else { return nil }
            memo = value
        }
        self.account = account
        self.memo = memo
        self.muxedAccount = nil
        self.muxedID = nil
    }
}
