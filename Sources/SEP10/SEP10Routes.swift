import CapstanHTTP
import Foundation
import Hummingbird
import Logging
import StellarHorizon
import StellarKit

/// SEP-10 Stellar Web Authentication: `GET /auth` issues a challenge, `POST /auth` exchanges the signed
/// challenge for a session token.
public struct SEP10Routes: Sendable {
    let settings: SEP10Settings
    let ledger: any LedgerReader
    let clientDomains: any ClientDomainResolver
    let tokens: SessionTokens
    let clock: UnixClock
    let builder: ChallengeBuilder
    let reader: ChallengeReader

    public init(
        settings: SEP10Settings, ledger: any LedgerReader, clientDomains: any ClientDomainResolver,
        tokens: SessionTokens, clock: UnixClock = .system
    ) {
        self.settings = settings
        self.ledger = ledger
        self.clientDomains = clientDomains
        self.tokens = tokens
        self.clock = clock
        let issued = IssuedChallenges()
        self.builder = ChallengeBuilder(settings: settings, issued: issued)
        self.reader = ChallengeReader(settings: settings, issued: issued)
    }

    /// Mounts both methods on `auth`, and records them so CORS pre-flight and 405 know the path.
    public func register(on router: Router<CapstanRequestContext>, routes: RouteTable) {
        router.get("auth", use: self.challenge)
        router.post("auth", use: self.token)
        routes.add(.get, "auth")
        routes.add(.post, "auth")
    }

    /// `GET /auth?account=…[&memo=…][&home_domain=…][&client_domain=…]`.
    @Sendable func challenge(_ request: Request, context: CapstanRequestContext) async throws -> Response {
        let query = try ChallengeQuery(request.uri.queryParameters, homeDomains: self.settings.homeDomains)
        var clientDomainKey: PublicKey?
        if let domain = query.clientDomain {
            do {
                clientDomainKey = try await self.clientDomains.signingKey(for: domain)
            } catch {
                context.logger.info("client_domain SIGNING_KEY unavailable", metadata: ["client_domain": "\(domain)", "reason": "\(error)"])
                // "if the server tries and cannot fetch the client domain's SIGNING_KEY" → 400; one message for
                // every cause, see ClientDomainError.
                throw SEPError.badRequest("could not read SIGNING_KEY from the client_domain's stellar.toml")
            }
        }
        let transaction: String
        do {
            transaction = try self.builder.challenge(for: query, clientDomainKey: clientDomainKey, now: self.clock.now())
        } catch {
            context.logger.error("could not build a challenge", metadata: ["error": "\(error)"])
            throw SEPError.internalError()
        }
        // anchor-tests: the body has `transaction` and `network_passphrase` and nothing else.
        return Self.json(["transaction": transaction, "network_passphrase": self.settings.network.passphrase])
    }

    /// `POST /auth` with `transaction` as JSON or form data.
    @Sendable func token(_ request: Request, context: CapstanRequestContext) async throws -> Response {
        let challenge: ChallengeContents
        do {
            let transaction = try await TokenRequestBody.transaction(from: request)
            challenge = try self.reader.read(transaction, now: self.clock.now())
        } catch {
            throw error.sepError
        }
        let account: LedgerAccount?
        do {
            account = try await self.ledger.account(challenge.clientAccount.accountId)
        } catch {
            // Fail closed: without the ledger's answer there is no telling which signers count, and
            // falling back to the master-key rule would let a removed master key back in.
            context.logger.warning("ledger unavailable for SEP-10", metadata: ["reason": "\(error)"])
            throw SEPError(status: .serviceUnavailable, message: "the ledger is unavailable; try again later")
        }
        do {
            try ChallengeSigners.verify(challenge, account: account, server: self.settings.signingKey.publicKey)
        } catch {
            throw error.sepError
        }
        let issuedAt = Int64(clamping: challenge.minTime)
        let claims = SEP10Claims(
            issuer: self.settings.authEndpoint,
            subject: challenge.subject,
            issuedAt: issuedAt,
            expiresAt: issuedAt + self.settings.tokenTimeout,
            tokenID: Hex.encode(challenge.hash),
            clientDomain: challenge.clientDomain?.domain,
            homeDomain: challenge.homeDomain
        )
        let token: String
        do {
            token = try await self.tokens.sign(claims)
        } catch {
            context.logger.error("could not sign a session token", metadata: ["error": "\(error)"])
            throw SEPError.internalError()
        }
        return Self.json(["token": token])
    }

    /// A flat JSON object of strings, written directly: Foundation's JSONEncoder was a tenth of the
    /// challenge endpoint's CPU time in profiles. Keys are sorted so output is reproducible.
    static func json(_ body: [String: String]) -> Response {
        Response.json(Self.jsonText(body))
    }

    static func jsonText(_ body: [String: String]) -> String {
        var out = JSONObjectText(capacity: 256)
        for key in body.keys.sorted() { out.string(key, body[key]) }
        return out.finish()
    }
}
