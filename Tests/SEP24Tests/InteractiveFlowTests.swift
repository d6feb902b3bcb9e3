import CapstanCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import SEP24

/// The interactive pages from first form to last page, with the built-in flow and with scripted hooks.
@Suite struct InteractiveFlowTests {
    /// Opens `url`, submits `fields` to the first form; returns the cookie and the response.
    static func submitFirstForm(_ wallet: Wallet, id: String, url: String, _ fields: [String: String]) async throws -> (String, TestResponse) {
        let cookie = try await wallet.open(url)
        let page = try await wallet.page("/sep24/interactive/\(id)", cookie: cookie)
        let (csrf, formID) = try Wallet.formFields(page.text)
        var body = fields
        body["csrf_token"] = csrf
        body["form_id"] = formID
        return (cookie, try await wallet.submit("/sep24/interactive/\(id)", cookie: cookie, body))
    }

    @Test func theBuiltInFormAsksForTheAmountWithLimitsAndFee() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, url) = try await wallet.start("deposit", ["amount": "100"])
            let cookie = try await wallet.open(url)
            let page = try await wallet.page("/sep24/interactive/\(id)", cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
            let html = page.text
            #expect(html.contains("How much SRT do you want to deposit?"))
            #expect(html.contains("Between 1.00 and 10000.00 SRT"))
            #expect(html.contains(#"<label for="field-amount">"#))
            #expect(html.contains(#"value="100.00""#))                    // the requested amount, prefilled
            #expect(html.contains(#"<output id="fee-value" data-fee-value aria-live="polite">2.00 SRT</output>"#))
            #expect(html.contains(#"<output id="receive-value" data-receive-value aria-live="polite">98.00 SRT</output>"#))
            #expect(html.contains("Test Anchor"))
            #expect(html.contains("Deposit SRT"))
            #expect(html.contains(#"<html lang="en">"#))
        }
    }

    /// A validation error is shown next to its field and in the summary, then corrected.
    @Test func depositWithAValidationErrorAndItsCorrection() async throws {
        try await SEP24Fixture.with { fixture, wallet in
            let (id, url) = try await wallet.start()
            let (cookie, first) = try await Self.submitFirstForm(wallet, id: id, url: url, ["amount": "0.5"])
            #expect(first.status == .unprocessableContent)
            let html = first.text
            #expect(html.contains("Enter 1.00 or more"))
            #expect(html.contains(#"aria-invalid="true""#))
            #expect(html.contains(#"aria-describedby="field-amount-limits field-amount-error""#))
            #expect(html.contains(##"<a href="#field-amount">Enter 1.00 or more</a>"##))
            #expect(html.contains(#"value="0.5""#))                         // what the user typed stays
            #expect(try await fixture.store.transactions.transaction(id: id)?.status == .incomplete)

            let (csrf, formID) = try Wallet.formFields(html)
            let second = try await wallet.submit("/sep24/interactive/\(id)", cookie: cookie, ["csrf_token": csrf, "form_id": formID, "amount": "250.55"])
            #expect(second.status == .seeOther)
            #expect(second.headers[.location] == "/sep24/interactive/\(id)?done=1")
            let transaction = try await wallet.transaction(id)
            #expect(transaction["status"] as? String == "pending_user_transfer_start")
            #expect(transaction["amount_in"] as? String == "250.55")
            #expect(transaction["amount_fee"] as? String == "3.51")
            #expect(transaction["amount_out"] as? String == "247.04")
            #expect(transaction["amount_in_asset"] as? String == "stellar:SRT:\(Accounts.issuer)")
            #expect(transaction["amount_out_asset"] as? String == "stellar:SRT:\(Accounts.issuer)")
            #expect((transaction["fee_details"] as? [String: Any])?["total"] as? String == "3.51")

            let done = try await wallet.page("/sep24/interactive/\(id)?done=1", cookie: cookie)
            #expect(done.status == .ok)
            #expect(done.text.contains("Now send your payment"))
            #expect(done.text.contains("247.04 SRT"))
            // The session is spent: the form cannot be posted again.
            let replay = try await wallet.submit("/sep24/interactive/\(id)", cookie: cookie, ["csrf_token": csrf, "form_id": formID, "amount": "5"])
            #expect(replay.status == .seeOther)
            #expect(try await wallet.transaction(id)["amount_in"] as? String == "250.55")
        }
    }

    @Test(arguments: [("abc", "Enter an amount like 100 or 100.50"), ("10.123", "Use at most 2 decimal places"),
                      ("20000", "Enter 10000.00 or less"), ("", "Enter amount")])
    func amountMistakesGetClearMessages(_ amount: String, _ message: String) async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, url) = try await wallet.start()
            let (_, result) = try await Self.submitFirstForm(wallet, id: id, url: url, ["amount": amount])
            #expect(result.status == .unprocessableContent)
            #expect(result.text.contains(message), "\(message)")
        }
    }

    /// A withdrawal ends with the asset's distribution account and a fresh memo for the wallet to pay.
    @Test func withdrawalGetsTheAccountAndMemoToPay() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, url) = try await wallet.start("withdraw")
            let (cookie, result) = try await Self.submitFirstForm(wallet, id: id, url: url, ["amount": "100"])
            #expect(result.status == .seeOther)
            let transaction = try await wallet.transaction(id)
            #expect(transaction["status"] as? String == "pending_user_transfer_start")
            #expect(transaction["withdraw_anchor_account"] as? String == Accounts.distribution)
            #expect(transaction["withdraw_memo_type"] as? String == "id")
            let memo = try #require(transaction["withdraw_memo"] as? String)
            #expect(transaction["amount_in"] as? String == "100" && transaction["amount_fee"] as? String == "1")
            #expect(transaction["amount_out"] as? String == "99")
            let done = try await wallet.page("/sep24/interactive/\(id)", cookie: cookie).text
            #expect(done.contains("Confirm the payment in your wallet"))
            #expect(done.contains(Accounts.distribution))
            #expect(done.contains(">\(memo)<"))
        }
    }

    /// Two forms from the hooks; the second's label carries markup that must arrive as text.
    @Test func hookFormsAreRenderedEscapedAndValidated() async throws {
        let hooks = ScriptedHooks(
            form: { request in
                switch request.step {
                case 0:
                    return FormReply(form: FormSchema(id: "amount", title: "Amount", fields: [FormField(name: "amount", type: .amount, label: "Amount", required: true)]))
                case 1:
                    return FormReply(
                        form: FormSchema(id: "kyc", title: "About you <b>now</b>", fields: [
                            FormField(name: "name", type: .text, label: "Name <script>alert(1)</script>", required: true),
                            FormField(name: "email_address", type: .email, label: "Email address", required: true),
                            FormField(name: "country", type: .select, label: "Country", required: true,
                                      choices: [.init(value: "ESP", label: "Spain"), .init(value: "USA", label: "United States")]),
                            FormField(name: "code", type: .text, label: "Code", pattern: "[A-Z]{3}"),
                            FormField(name: "terms", type: .checkbox, label: "I agree", required: true),
                        ]),
                        content: PageContent(title: "Why we ask", body: "Regulation \"quotes\" & <tags>"))
                default:
                    return FormReply(form: nil, content: PageContent(title: "Next", body: "We will email you."))
                }
            },
            submit: { submission in
                if submission.form == "kyc", submission.values["email_address"]?.hasSuffix(".invalid") == true {
                    throw HookRejection(message: "Undeliverable", fields: ["email_address": "This address can't receive mail"])
                }
                return nil
            },
            instructions: { _ in InstructionsReply(instructions: ["organization.bank_number": .init(value: "121000358", description: "Routing <number>")]) })
        try await SEP24Fixture.with({ $0.hooks = hooks }) { _, wallet in
            let (id, url) = try await wallet.start()
            let (cookie, first) = try await Self.submitFirstForm(wallet, id: id, url: url, ["amount": "10"])
            #expect(first.status == .seeOther)
            let page = try await wallet.page("/sep24/interactive/\(id)", cookie: cookie)
            let html = page.text
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("Name &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(html.contains("About you &lt;b&gt;now&lt;/b&gt;"))
            #expect(html.contains("Regulation &quot;quotes&quot; &amp; &lt;tags&gt;"))
            #expect(html.contains("You send") && html.contains("10.00 SRT") && html.contains("1.10 SRT"))   // summary after the amount step
            let (csrf, formID) = try Wallet.formFields(html)
            #expect(formID == "kyc")

            let bad = try await wallet.submit("/sep24/interactive/\(id)", cookie: cookie, [
                "csrf_token": csrf, "form_id": formID, "name": "", "email_address": "not-an-email", "country": "FRA", "code": "ab1",
            ])
            #expect(bad.status == .unprocessableContent)
            let errors = bad.text
            #expect(errors.contains("Enter name &lt;script&gt;"))
            #expect(errors.contains("Enter an email address like name@example.com"))
            #expect(errors.contains("Choose one of the options"))
            #expect(errors.contains("Code is not in the expected format"))
            #expect(errors.contains("Tick the box to confirm: I agree"))

            let refused = try await wallet.submit("/sep24/interactive/\(id)", cookie: cookie, [
                "csrf_token": csrf, "form_id": formID, "name": "Ana", "email_address": "ana@mail.invalid", "country": "ESP", "terms": "true",
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("This address can&#39;t receive mail"))

            let accepted = try await wallet.submit("/sep24/interactive/\(id)", cookie: cookie, [
                "csrf_token": csrf, "form_id": formID, "name": "Ana", "email_address": "ana@example.com", "country": "ESP", "terms": "true",
            ])
            #expect(accepted.status == .seeOther)
            let kyc = try #require(hooks.submissions.withLock { $0.last })
            #expect(kyc.values == ["name": "Ana", "email_address": "ana@example.com", "country": "ESP", "terms": "true"])
            #expect(kyc.step == 1)

            let done = try await wallet.page("/sep24/interactive/\(id)", cookie: cookie).text
            #expect(done.contains("We will email you."))
            #expect(done.contains("Routing &lt;number&gt;") && done.contains("121000358"))
        }
    }

    @Test func aStaleFormIsNotAppliedTwice() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, url) = try await wallet.start()
            let cookie = try await wallet.open(url)
            let page = try await wallet.page("/sep24/interactive/\(id)", cookie: cookie)
            let (csrf, _) = try Wallet.formFields(page.text)
            let stale = try await wallet.submit("/sep24/interactive/\(id)", cookie: cookie, ["csrf_token": csrf, "form_id": "kyc", "amount": "5"])
            #expect(stale.status == .ok)
            #expect(stale.text.contains("That form had already been sent"))
        }
    }

    @Test func theFeePreviewAnswersForTheSessionOnly() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, url) = try await wallet.start()
            let cookie = try await wallet.open(url)
            let ok = try await wallet.page("/sep24/interactive/\(id)/fee?amount=100", cookie: cookie)
            #expect(try ok.object() as? [String: String] == ["fee": "2.00 SRT", "receive": "98.00 SRT"])
            let bad = try await wallet.page("/sep24/interactive/\(id)/fee?amount=0.1", cookie: cookie)
            #expect(try bad.object()["error"] as? String == "Enter 1.00 or more")
            #expect(try await wallet.page("/sep24/interactive/\(id)/fee?amount=100").status == .forbidden)
        }
    }

    /// SEP-24 `callback=postMessage`: the last page carries the transaction for its script to post, escaped for a
    /// script element, and asks to post it once (right after the flow ends).
    @Test func thePostMessageCallbackIsOnTheLastPage() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, url) = try await wallet.start("deposit", ["memo": "</script><b>"])
            let cookie = try await wallet.open(url + "&callback=postMessage")
            let page = try await wallet.page("/sep24/interactive/\(id)", cookie: cookie)
            let (csrf, formID) = try Wallet.formFields(page.text)
            _ = try await wallet.submit("/sep24/interactive/\(id)", cookie: cookie, ["csrf_token": csrf, "form_id": formID, "amount": "10"])
            let done = try await wallet.page("/sep24/interactive/\(id)?done=1", cookie: cookie).text
            #expect(done.contains(#"<script type="application/json" id="capstan-transaction" data-send-on-load="true">"#))
            #expect(done.contains(#"\u003c/script\u003e\u003cb\u003e"#))
            #expect(!done.contains("</script><b>"))
            #expect(done.contains(#""status":"pending_user_transfer_start""#))
            let later = try await wallet.page("/sep24/interactive/\(id)", cookie: cookie).text
            #expect(later.contains(#"data-send-on-load="false""#))
        }
    }

    @Test func pagesSpeakTheUsersLanguage() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, url) = try await wallet.start("deposit", ["lang": "es"])
            let cookie = try await wallet.open(url)
            let spanish = try await wallet.page("/sep24/interactive/\(id)", cookie: cookie).text
            #expect(spanish.contains(#"<html lang="es">"#))
            #expect(spanish.contains("¿Cuánto SRT quieres depositar?"))
            #expect(spanish.contains("Entre 1.00 y 10000.00 SRT"))
            let english = try await wallet.page("/sep24/interactive/\(id)?lang=en", cookie: cookie).text
            #expect(english.contains("How much SRT do you want to deposit?"))
            #expect(english.contains(#"action="/sep24/interactive/\#(id)?lang=en""#))
        }
    }

    @Test func acceptLanguagePicksTheCatalog() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, url) = try await wallet.start()
            let cookie = try await wallet.open(url)
            let page = try await wallet.page("/sep24/interactive/\(id)", cookie: cookie, headers: [.acceptLanguage: "fr;q=0.9, es-AR;q=0.8"])
            // The wallet sent no `lang`, so the browser's preference decides.
            #expect(page.text.contains(#"<html lang="es">"#))
            let catalog = try PageRenderer.load(overrideDirectory: nil, defaultLanguage: "en").catalog
            #expect(catalog.negotiate(lang: nil, acceptLanguage: "fr;q=0.9, es-AR;q=0.8") == "es")
            #expect(catalog.negotiate(lang: "de", acceptLanguage: nil) == "en")
            #expect(catalog.negotiate(lang: "ES", acceptLanguage: "en") == "es")
        }
    }
}
