import Foundation
import Testing

@testable import SEP10

/// `TokenRequestBody.json`: the parser-free reading of the usual body agrees with JSONSerialization on every body.
@Suite struct TokenRequestBodyTests {
    private static let xdr = "AAAAAgAAAAB+/z9=="

    private func parsed(_ body: String) -> Result<String?, ChallengeRejection> {
        Result { () throws(ChallengeRejection) -> String? in try TokenRequestBody.json(Array(body.utf8)) }
    }

    @Test(arguments: [
        #"{"transaction":"\#(xdr)"}"#,
        " \n{ \"transaction\" :\t\"\(xdr)\" }\r\n",
        #"{"transaction":""}"#,
    ])
    func theUsualBodyIsReadWithoutTheParser(body: String) throws {
        let plain = try #require(TokenRequestBody.plainJSON(Array(body.utf8)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(plain == object["transaction"] as? String)
    }

    /// Escapes, other keys, other value types, trailing bytes: the parser decides, so the answers are the parser's.
    @Test(arguments: [
        #"{"transaction":"AAAA\/AA=="}"#,
        #"{"transaction":"AAAA\u0041"}"#,
        #"{"transaction":"AAAA","other":1}"#,
        #"{"other":1,"transaction":"AAAA"}"#,
        #"{"transaction":null}"#,
        #"{"transaction":12}"#,
        #"{"transaction":"AAAA"}x"#,
        #"{"transaction":"AAAA"}}"#,
        #"{"transaction":"AA AA"}"#,
        #"{"transaction":"AAAA"#,
        #"{"Transaction":"AAAA"}"#,
        #"["transaction","AAAA"]"#,
    ])
    func anythingElseGoesToTheParser(body: String) {
        #expect(TokenRequestBody.plainJSON(Array(body.utf8)) == nil)
        let expected: Result<String?, ChallengeRejection>
        if let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] {
            switch object["transaction"] {
            case nil, is NSNull: expected = .success(nil)
            case let string as String: expected = .success(string)
            default: expected = .failure(.transactionNotString)
            }
        } else {
            expected = .failure(.malformedBody)
        }
        #expect(self.parsed(body) == expected)
    }
}
