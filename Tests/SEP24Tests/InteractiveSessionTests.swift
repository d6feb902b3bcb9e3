import CapstanCore
import Foundation
import HTTPTypes
import Testing

@testable import SEP24

/// The token in the interactive URL and the session it is exchanged for.
@Suite struct InteractiveSessionTests {
    /// SEP-24: "Anchors should not accept JWTs that have expired or been used before" (for the URL's token).
    @Test func theTokenBecomesAnHttpOnlyLaxCookieScopedToTheTransaction() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, url) = try await wallet.start()
            let response = try await wallet.client.execute(uri: url, method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/sep24/interactive/\(id)")      // the token leaves the address bar
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("capstan_sep24="))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/sep24/interactive/\(id)"))
            #expect(!cookie.contains("Secure"))             // the fixture's public URL is plain http
            #expect(cookie.contains("Max-Age=1800"))
        }
    }

    @Test func aUsedTokenShowsAnErrorPage() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (_, url) = try await wallet.start()
            _ = try await wallet.open(url)
            let again = try await wallet.page(url)
            #expect(again.status == .gone)
            #expect(again.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(again.text.contains("already been used"))
            #expect(again.headers[.setCookie] == nil)
        }
    }

    @Test func anExpiredTokenShowsAnErrorPage() async throws {
        try await SEP24Fixture.with { fixture, wallet in
            let (_, url) = try await wallet.start()
            fixture.clock.advance(31)
            let response = try await wallet.page(url)
            #expect(response.status == .gone)
            #expect(response.text.contains("expired"))
        }
    }

    @Test func aTamperedTokenIsRefused() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, url) = try await wallet.start()
            let (other, _) = try await wallet.start()
            let forged = url.replacingOccurrences(of: "/interactive/\(id)?", with: "/interactive/\(other)?")
            #expect(try await wallet.page(forged).status == .badRequest)
            #expect(try await wallet.page(String(url.dropLast(2)) + "xx").status == .badRequest)
        }
    }

    @Test func pagesNeedTheSession() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, url) = try await wallet.start()
            let (other, otherURL) = try await wallet.start()
            let cookie = try await wallet.open(url)
            _ = try await wallet.open(otherURL)
            #expect(try await wallet.page("/sep24/interactive/\(id)").status == .forbidden)
            #expect(try await wallet.page("/sep24/interactive/\(id)", cookie: cookie).status == .ok)
            // A session is bound to its transaction: it opens nothing else.
            let crossed = try await wallet.page("/sep24/interactive/\(other)", cookie: cookie)
            #expect(crossed.status == .forbidden)
            #expect(crossed.text.contains("session has ended"))
        }
    }

    @Test func aSessionExpires() async throws {
        try await SEP24Fixture.with { fixture, wallet in
            let (id, url) = try await wallet.start()
            let cookie = try await wallet.open(url)
            fixture.clock.advance(30 * 60)
            #expect(try await wallet.page("/sep24/interactive/\(id)", cookie: cookie).status == .forbidden)
        }
    }

    @Test func callbacksFromTheURLAreStored() async throws {
        try await SEP24Fixture.with { fixture, wallet in
            let (id, url) = try await wallet.start()
            _ = try await wallet.open(url + "&callback=postMessage&on_change_callback=https%3A%2F%2Fwallet.example%2Fhook&lang=es")
            let stored = try #require(try await fixture.store.transactions.transaction(id: id))
            #expect(stored.callback == "postMessage")
            #expect(stored.onChangeCallback == "https://wallet.example/hook")
            #expect(stored.lang == "es")
        }
    }

    @Test func anInvalidCallbackIsRefused() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (_, url) = try await wallet.start()
            #expect(try await wallet.page(url + "&callback=javascript%3Aalert(1)").status == .badRequest)
        }
    }

    @Test func aPostWithoutTheCSRFValueChangesNothing() async throws {
        try await SEP24Fixture.with { fixture, wallet in
            let (id, url) = try await wallet.start()
            let cookie = try await wallet.open(url)
            let page = try await wallet.page("/sep24/interactive/\(id)", cookie: cookie)
            let (_, formID) = try Wallet.formFields(page.text)
            let response = try await wallet.submit("/sep24/interactive/\(id)", cookie: cookie, ["form_id": formID, "amount": "100", "csrf_token": "forged"])
            #expect(response.status == .forbidden)
            #expect(response.text.contains("This form has expired"))
            #expect(try await fixture.store.transactions.transaction(id: id)?.amountFee == nil)
        }
    }

    @Test func secretsAreBoundToTheirPurpose() throws {
        let secrets = InteractiveSecrets(secret: Array("s".utf8))
        let token = secrets.token(transactionID: "t1", version: 1, expires: 100)
        #expect(secrets.readToken(token) == InteractiveToken(transactionID: "t1", version: 1, expires: 100))
        #expect(secrets.readToken(token.replacingOccurrences(of: ".1.100.", with: ".2.100.")) == nil)
        #expect(InteractiveSecrets(secret: Array("other".utf8)).readToken(token) == nil)
        let session = secrets.session(transactionID: "t1", owner: "G1", expires: 100)
        #expect(secrets.readSession(session, transactionID: "t1", owner: "G1", now: 99) != nil)
        #expect(secrets.readSession(session, transactionID: "t1", owner: "G1:5", now: 99) == nil)
        #expect(secrets.readSession(session, transactionID: "t1", owner: "G1", now: 100) == nil)
        let nonce = try #require(secrets.readSession(session, transactionID: "t1", owner: "G1", now: 1) as String?)
        let csrf = secrets.csrf(transactionID: "t1", nonce: nonce)
        #expect(secrets.checkCSRF(csrf, transactionID: "t1", nonce: nonce))
        #expect(!secrets.checkCSRF(csrf, transactionID: "t2", nonce: nonce))
        #expect(!secrets.checkMoreInfoKey(csrf, transactionID: "t1"))
    }
}
