import CapstanCore
import Foundation
import Testing

@testable import SEP24

/// Server-side validation of hook forms, field type by field type.
@Suite struct FormValidatorTests {
    let validator: FormValidator

    init() throws {
        let catalog = try PageRenderer.load(overrideDirectory: nil, defaultLanguage: "en").catalog
        let asset = Asset(
            code: "SRT", significantDecimals: 2, seps: [.sep24],
            deposit: .init(enabled: true, minAmount: Amount("1"), maxAmount: Amount("500")))
        self.validator = FormValidator(catalog: catalog, language: "en", asset: asset, operation: .deposit)
    }

    func error(_ field: FormField, _ value: String) -> String? {
        self.validator.validate(FormSchema(id: "f", title: "t", fields: [field]), [field.name: value]).errors[field.name]
    }

    @Test func requiredAndOptional() {
        #expect(self.error(FormField(name: "a", type: .text, label: "Full name", required: true), "  ") == "Enter full name")
        #expect(self.error(FormField(name: "a", type: .text, label: "IBAN", required: true), "") == "Enter IBAN")
        #expect(self.error(FormField(name: "a", type: .text, label: "Nickname"), "") == nil)
        #expect(self.error(FormField(name: "a", type: .email, label: "Email"), "") == nil)        // optional and empty: no type check
    }

    @Test func emails() {
        let field = FormField(name: "e", type: .email, label: "Email")
        #expect(self.error(field, "ana@example.com") == nil)
        for bad in ["ana", "ana@", "@example.com", "ana@example", "a b@example.com"] {
            #expect(self.error(field, bad) != nil, "\(bad)")
        }
    }

    @Test func numbersWithBounds() {
        let field = FormField(name: "n", type: .number, label: "Age", min: "18", max: "120")
        #expect(self.error(field, "30") == nil)
        #expect(self.error(field, "17") == "Enter 18 or more")
        #expect(self.error(field, "121") == "Enter 120 or less")
        #expect(self.error(field, "3e1") == "Enter a number like 12 or 12.5")
    }

    @Test func amountsUseTheTighterOfFieldAndAssetLimits() {
        let field = FormField(name: "amount", type: .amount, label: "Amount", min: "5", max: "1000")
        #expect(self.validator.limits(field).min == Amount("5"))
        #expect(self.validator.limits(field).max == Amount("500"))
        #expect(self.error(field, "4.99") == "Enter 5.00 or more")
        #expect(self.error(field, "500.01") == "Enter 500.00 or less")
        #expect(self.error(field, "12.345") == "Use at most 2 decimal places")
        #expect(self.error(field, "-3") == "Enter an amount like 100 or 100.50")
        #expect(self.error(field, "250") == nil)
    }

    @Test func dates() {
        let field = FormField(name: "d", type: .date, label: "Birth date", min: "1900-01-01", max: "2008-01-01")
        #expect(self.error(field, "1990-05-17") == nil)
        #expect(self.error(field, "1990-02-30") == "Enter a date as YYYY-MM-DD")
        #expect(self.error(field, "17/05/1990") == "Enter a date as YYYY-MM-DD")
        #expect(self.error(field, "2010-01-01") == "Enter 2008-01-01 or earlier")
        #expect(self.error(field, "1899-12-31") == "Enter 1900-01-01 or later")
    }

    @Test func choicesCheckboxesPatternsAndLength() {
        let select = FormField(name: "s", type: .select, label: "Bank", required: true, choices: [.init(value: "a", label: "A")])
        #expect(self.error(select, "a") == nil)
        #expect(self.error(select, "b") == "Choose one of the options")
        #expect(self.error(select, "") == "Choose bank")
        let box = FormField(name: "c", type: .checkbox, label: "I agree", required: true)
        #expect(self.error(box, "true") == nil)
        #expect(self.error(box, "") == "Tick the box to confirm: I agree")
        let code = FormField(name: "p", type: .text, label: "Code", pattern: "[A-Z]{2}[0-9]{2}")
        #expect(self.error(code, "ES12") == nil)
        #expect(self.error(code, "ES123") == "Code is not in the expected format")      // the whole value must match
        #expect(self.error(FormField(name: "t", type: .text, label: "T"), String(repeating: "x", count: 1001)) == "Use at most 1000 characters")
    }

    @Test func valuesForHooksNormaliseCheckboxesAndDropEmptyOptionals() {
        let schema = FormSchema(id: "f", title: "t", fields: [
            FormField(name: "box", type: .checkbox, label: "Box"), FormField(name: "note", type: .text, label: "Note"),
            FormField(name: "name", type: .text, label: "Name"),
        ])
        let result = self.validator.validate(schema, ["name": " Ana ", "note": ""])
        #expect(result.errors.isEmpty)
        #expect(result.values == ["box": "false", "name": "Ana"])
    }

    @Test func unusableSchemasAreRefused() {
        #expect(throws: FlowError.self) { try InteractiveFlow.check(FormSchema(id: "f", title: "t", fields: [])) }
        #expect(throws: FlowError.self) {
            try InteractiveFlow.check(FormSchema(id: "f", title: "t", fields: [FormField(name: "csrf_token", type: .text, label: "x")]))
        }
        #expect(throws: FlowError.self) {
            try InteractiveFlow.check(FormSchema(id: "f", title: "t", fields: [FormField(name: "s", type: .select, label: "x")]))
        }
        #expect(throws: FlowError.self) {
            try InteractiveFlow.check(FormSchema(id: "f", title: "t", fields: [FormField(name: "p", type: .text, label: "x", pattern: "([")]))
        }
    }
}

/// Request bodies and dates.
@Suite struct WireFormatTests {
    @Test func urlEncodedFieldsDecodePlusAndPercent() {
        #expect(RequestFields.urlEncoded(Array("a=1+2&b=%C3%B1&c&a=dup".utf8)) == ["a": "1 2", "b": "ñ", "c": ""])
    }

    @Test func jsonFieldsKeepNumbersExact() throws {
        let fields = try RequestFields.json(Array(#"{"amount": 0.1, "n": 100, "flag": false, "memo": "x", "gone": null}"#.utf8))
        #expect(fields == ["amount": "0.1", "n": "100", "flag": "false", "memo": "x"])
        #expect(throws: (any Error).self) { try RequestFields.json(Array(#"{"nested": {"a": 1}}"#.utf8)) }
        #expect(throws: (any Error).self) { try RequestFields.json(Array("[1]".utf8)) }
    }

    @Test func multipartSkipsFilesAndReadsText() throws {
        let body = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nhello\r\nworld\r\n--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n\r\n\u{0}\u{1}\r\n--b--\r\n"
        #expect(try MultipartForm.fields(Array(body.utf8), boundary: "b") == ["x": "hello\r\nworld"])
        #expect(throws: (any Error).self) { try MultipartForm.fields(Array("--b\r\nno headers".utf8), boundary: "b") }
    }

    @Test func base64URLMatchesRFC4648() {
        for count in 0..<20 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 * 37 + 250) }
            let expected = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(InteractiveSecrets.base64URL(bytes) == expected)
        }
    }

    @Test func transactionJSONEscapesStrings() throws {
        let transaction = Transaction(
            kind: .deposit, protocol: .sep24, sub: "GABC", assetCode: "SRT", status: .incomplete, startedAt: Date(timeIntervalSince1970: 0),
            message: "line\nbreak \"quoted\" \\ \u{1}", to: "G1")
        let text = TransactionObject.single(TransactionObject(transaction, moreInfoURL: "https://a.example/m?x=1&y=2"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: [String: Any]])
        #expect(object["transaction"]?["message"] as? String == "line\nbreak \"quoted\" \\ \u{1}")
        #expect(object["transaction"]?["more_info_url"] as? String == "https://a.example/m?x=1&y=2")
        #expect(object["transaction"]?["started_at"] as? String == "1970-01-01T00:00:00.000Z")
    }

    @Test func timestampsRoundTripAtMilliseconds() throws {
        let date = Date(timeIntervalSince1970: Double(1_767_225_600_123) / 1000)
        #expect(UTCTimestamp.format(date) == "2026-01-01T00:00:00.123Z")
        #expect(UTCTimestamp.parse("2026-01-01T00:00:00.123Z") == date)
        #expect(UTCTimestamp.parse("2026-01-01T01:00:00.123456+01:00") == date)
        #expect(UTCTimestamp.parse("2026-01-01") == Date(timeIntervalSince1970: 1_767_225_600))
        #expect(UTCTimestamp.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        for bad in ["2026-13-01T00:00:00Z", "2026-01-01T00:00:00", "yesterday", "2026-01-01T00:00:00.Z"] {
            #expect(UTCTimestamp.parse(bad) == nil, "\(bad)")
        }
    }
}
