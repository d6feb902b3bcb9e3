import CapstanHTTP
import Testing

@testable import SEP12

/// `CustomerIdentity`: the JWT `sub` decides who a request is about (SEP-12 "Shared, Omnibus, or Pooled Accounts").
@Suite struct IdentityTests {
    func claims(_ sub: String) -> SEP10Claims {
        SEP10Claims(issuer: "i", subject: sub, issuedAt: 0, expiresAt: 1, tokenID: "t")
    }

    @Test func plainAccountMayNameAnIDMemo() throws {
        let identity = try CustomerIdentity(claims: self.claims(Accounts.alice), account: nil, memo: "5")
        #expect(identity == CustomerIdentity(owner: "\(Accounts.alice):5", memo: "5"))
        #expect(throws: SEPError.self) { try CustomerIdentity(claims: self.claims(Accounts.alice), account: nil, memo: "05") }
        #expect(throws: SEPError.self) { try CustomerIdentity(claims: self.claims(Accounts.alice), account: nil, memo: "text") }
    }

    @Test func memoSubjectFixesTheMemo() throws {
        let sub = "\(Accounts.alice):9"
        #expect(try CustomerIdentity(claims: self.claims(sub), account: Accounts.alice, memo: nil) == CustomerIdentity(owner: sub, memo: "9"))
        #expect(throws: SEPError.self) { try CustomerIdentity(claims: self.claims(sub), account: nil, memo: "8") }
    }

    @Test func muxedSubjectUsesItsID() throws {
        let identity = try CustomerIdentity(claims: self.claims(Accounts.muxed), account: Accounts.muxed, memo: "7")
        #expect(identity == CustomerIdentity(owner: Accounts.muxed, memo: "7"))
        #expect(throws: SEPError.self) { try CustomerIdentity(claims: self.claims(Accounts.muxed), account: Accounts.alice, memo: nil) }
    }
}
