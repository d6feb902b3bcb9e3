import CapstanCore
import Foundation
import HTTPTypes
import Testing

@testable import SEP24

/// The more-info page, static files and operator overrides.
@Suite struct PublicPagesTests {
    /// CONFORMANCE #25 and "Gotchas" 7: the `more_info_url` answers 200 `text/html` without an Authorization header.
    @Test func moreInfoIsPublicHTMLBehindItsKey() async throws {
        let hooks = ScriptedHooks(instructions: { _ in
            InstructionsReply(instructions: ["organization.bank_account_number": .init(value: "4420 0006", description: "Account number")], message: "Use the reference")
        })
        try await SEP24Fixture.with({ $0.hooks = hooks }) { _, wallet in
            let (id, url) = try await wallet.start()
            let moreInfo = try #require(try await wallet.transaction(id)["more_info_url"] as? String)
            let path = String(moreInfo.dropFirst(SEP24Fixture.publicURL.count))
            let page = try await wallet.page(path)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.contains("text/html") == true)
            #expect(page.text.contains("Transaction details"))
            #expect(page.text.contains("Waiting for your details"))
            #expect(!page.text.contains("4420 0006"))                       // no instructions before the flow ends

            let (_, result) = try await InteractiveFlowTests.submitFirstForm(wallet, id: id, url: url, ["amount": "50"])
            #expect(result.status == .seeOther)
            let after = try await wallet.page(path).text
            #expect(after.contains("Waiting for your payment"))
            #expect(after.contains("4420 0006") && after.contains("Use the reference"))
            #expect(after.contains("50.00 SRT"))

            #expect(try await wallet.page("/sep24/more_info/\(id)?key=wrong").status == .notFound)
            #expect(try await wallet.page("/sep24/more_info/\(id)").status == .notFound)
        }
    }

    @Test func staticFilesAreServedWithTheirTypes() async throws {
        try await SEP24Fixture.with { _, wallet in
            let css = try await wallet.page("/sep24/static/capstan.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.text.contains(":focus-visible"))
            let js = try await wallet.page("/sep24/static/capstan.js")
            #expect(js.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(try await wallet.page("/sep24/static/nope.css").status == .notFound)
        }
    }

    /// Operators restyle and reword without rebuilding: files in `ui.dir` replace the built-in ones by name.
    @Test func uiDirectoryOverridesTemplatesCSSAndMessages() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-ui-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for sub in ["templates", "static", "i18n"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try "{{> head}}<p class=\"custom\">Custom error: {{message}}</p>{{> foot}}"
            .write(to: directory.appendingPathComponent("templates/error.mustache"), atomically: true, encoding: .utf8)
        try "body { background: hotpink; }".write(to: directory.appendingPathComponent("static/capstan.css"), atomically: true, encoding: .utf8)
        try #"{"error_session": "Please reopen the link from your wallet."}"#
            .write(to: directory.appendingPathComponent("i18n/en.json"), atomically: true, encoding: .utf8)
        try await SEP24Fixture.with({ $0.uiDirectory = directory.path }) { _, wallet in
            let (id, _) = try await wallet.start()
            let page = try await wallet.page("/sep24/interactive/\(id)")
            #expect(page.text.contains(#"<p class="custom">Custom error: Please reopen the link from your wallet.</p>"#))
            #expect(try await wallet.page("/sep24/static/capstan.css").text == "body { background: hotpink; }")
            #expect(page.text.contains("Skip to content"))                  // the rest of the catalog is still there
        }
    }

    @Test func everyBuiltInTemplateParsesAndBothCatalogsAreComplete() throws {
        let pages = try PageRenderer.load(overrideDirectory: nil, defaultLanguage: "en")
        let english = pages.catalog.languages["en"] ?? [:]
        let spanish = pages.catalog.languages["es"] ?? [:]
        #expect(english.count > 100)
        #expect(Set(english.keys) == Set(spanish.keys))
        for status in TransactionStatus.allCases where TransactionStateMachine.uses(status, kind: .deposit, protocol: .sep24)
            || TransactionStateMachine.uses(status, kind: .withdrawal, protocol: .sep24) {
            #expect(english["status_\(status.rawValue)"] != nil, "no wording for \(status.rawValue)")
        }
    }

    @Test func scriptSafeJSONCannotCloseItsElement() {
        #expect(PageRenderer.scriptSafeJSON(#"{"a":"</script><!--&"}"#) == #"{"a":"\u003c/script\u003e\u003c!--\u0026"}"#)
    }
}
