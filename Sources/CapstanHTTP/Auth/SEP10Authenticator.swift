import Foundation
import Hummingbird
import HTTPTypes

/// Verifies `Authorization: Bearer <JWT>` and puts the claims in `context.sep10`.
///
/// No header: the request passes with `sep10 == nil`, so routes where SEP-10 is optional (SEP-38
/// `GET /prices`) still work; routes that need it use `AuthenticatedContext`, which answers 403.
/// A header that does not verify is refused here with 403 rather than ignored: a client that sent a
/// token believes it is authenticated and must learn otherwise. 403, not 401, because SEP-6, SEP-24,
/// SEP-31 and SEP-38 specify 403 for missing or invalid authentication and the anchor test suite checks it.
public struct SEP10Authenticator<Context: SEP10ClaimsContext>: RouterMiddleware {
    let tokens: SessionTokens

    public init(tokens: SessionTokens) {
        self.tokens = tokens
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            return try await next(request, context)
        }
        guard let token = Self.bearerToken(header) else { throw SEPError.invalidToken }
        let claims: SEP10Claims
        do {
            claims = try await self.tokens.verify(token)
        } catch {
            throw SEPError.invalidToken
        }
        var context = context
        context.sep10 = claims
        return try await next(request, context)
    }

    /// The token of a `Bearer` credential; the scheme is case-insensitive (RFC 9110 §11.1).
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        // Trimmed by hand: Foundation's `trimmingCharacters` bridges through NSString, a tenth of a request's time.
        var token = parts[1]
        while let last = token.last, last == " " || last == "\t" { token.removeLast() }
        while let first = token.first, first == " " || first == "\t" { token.removeFirst() }
        return token.isEmpty ? nil : String(token)
    }
}
