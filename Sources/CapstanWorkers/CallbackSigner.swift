#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import StellarKit

/// Signs wallet callbacks as SEP-24 "URL Callback signature" specifies (SEP-6, SEP-12 and SEP-31 say the same):
/// `Signature: t=<timestamp>, s=<base64 signature>`, the signature being ed25519, by the stellar.toml
/// `SIGNING_KEY`, over the UTF-8 string `<timestamp>.<host>.<body>`.
public struct CallbackSigner: Sendable {
    private let key: KeyPair

    /// `signingKey` is the secret of the TOML `SIGNING_KEY` (the SEP-10 server key).
    public init(signingKey: KeyPair) {
        self.key = signingKey
    }

    /// The `G…` key wallets verify with.
    public var publicKey: String { self.key.publicKey.strKey }

    /// The header value for `body` POSTed to `host` at `timestamp` (Unix seconds).
    public func signature(body: [UInt8], host: String, timestamp: Int64) -> String {
        let signature = self.key.sign(Self.payload(timestamp: timestamp, host: host, body: body))
        return "t=\(timestamp), s=\(Data(signature).base64EncodedString())"
    }

    /// What is signed: "The timestamp (as a string), the character `.`, the wallet host to send the callback
    /// request to, the character `.`, the body" (SEP-24 "VERIFY signature"). The host is the URL's host without
    /// a port, as the Anchor Platform computes it.
    public static func payload(timestamp: Int64, host: String, body: [UInt8]) -> [UInt8] {
        Array("\(timestamp).\(host).".utf8) + body
    }
}
