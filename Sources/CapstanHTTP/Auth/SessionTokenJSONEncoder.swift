import Foundation
import JWTKit

/// The JSON inside session tokens: SEP-10 claims and the HS256 header written directly, anything else by
/// `JSONEncoder.sorted`.
///
/// The text is byte for byte what `JSONEncoder.sorted` writes (a test compares them), so tokens do not change with
/// the encoder and one challenge still yields one token. Foundation's encoder was 3% of a `POST /auth`.
struct SessionTokenJSONEncoder: JWTJSONEncoder {
    private let fallback = JSONEncoder.sorted

    func encode<T: Encodable>(_ value: T) throws -> Data {
        if let claims = value as? SEP10Claims { return Data(Self.text(claims).utf8) }
        if let header = value as? JWTHeader, let text = Self.text(header) { return Data(text.utf8) }
        return try self.fallback.encode(value)
    }

    /// Keys in sorted order, absent optionals left out, as the synthesised `Encodable` and `.sortedKeys` do.
    static func text(_ claims: SEP10Claims) -> String {
        var out = JSONObjectText(capacity: 320)
        out.string("client_domain", claims.clientDomain)
        out.number("exp", String(claims.expiresAt))
        out.string("home_domain", claims.homeDomain)
        out.number("iat", String(claims.issuedAt))
        out.string("iss", claims.issuer)
        out.string("jti", claims.tokenID)
        out.string("sub", claims.subject)
        return out.finish()
    }

    /// The header jwt-kit writes for a key without a `kid` (`alg` and `typ`, both strings); nil for any other.
    static func text(_ header: JWTHeader) -> String? {
        guard header.fields.count == 2, case .string(let algorithm)? = header.fields["alg"],
            case .string(let type)? = header.fields["typ"]
        else { return nil }
        var out = JSONObjectText(capacity: 32)
        out.string("alg", algorithm)
        out.string("typ", type)
        return out.finish()
    }
}
