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

    /// Escapes, other keys, other value types, trailing bytes: the fast path declines, and the parser's answer stands.
    @Test(arguments: [
        (#"{"transaction":"AAAA\/AA=="}"#, Result<String?, ChallengeRejection>.success("AAAA/AA==")),
        (#"{"transaction":"AAAA\u0041"}"#, .success("AAAAA")),
        (#"{"transaction":"AAAA","other":1}"#, .success("AAAA")),
        (#"{"other":[1,{"a":null}],"transaction":"AAAA"}"#, .success("AAAA")),
        (#"{"transaction":"AA AA"}"#, .success("AA AA")),
        (#"{"transaction":"AAÉA"}"#, .success("AAÉA")),
        ("\u{FEFF}{\"transaction\":\"AAAA\"}", .success("AAAA")),
        (#"{"transaction":null}"#, .success(nil)),
        (#"{"Transaction":"AAAA"}"#, .success(nil)),
        (#"{"transaction":12}"#, .failure(.transactionNotString)),
        (#"{"transaction":["AAAA"]}"#, .failure(.transactionNotString)),
        ("{\"transaction\":\"AA\u{01}AA\"}", .failure(.malformedBody)),
        (#"{"transaction":"AAAA"}x"#, .failure(.malformedBody)),
        (#"{"transaction":"AAAA"}}"#, .failure(.malformedBody)),
        (#"{"transaction":"AAAA"#, .failure(.malformedBody)),
        (#"["transaction","AAAA"]"#, .failure(.malformedBody)),
    ])
    func anythingElseGoesToTheParser(body: String, expected: Result<String?, ChallengeRejection>) {
        #expect(TokenRequestBody.plainJSON(Array(body.utf8)) == nil)
        #expect(self.parsed(body) == expected)
    }
}
