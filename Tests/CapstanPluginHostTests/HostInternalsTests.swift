import Testing
@testable import CapstanPluginHost

/// The host's small self-made pieces: SHA-256 for runtime copy names, the reply JSON check.
@Suite struct HostInternalsTests {
    @Test func sha256KnownVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test(arguments: [
        #"{}"#, #" {"a": [1, -2.5e3, true, false, null, "x\"\u00e9"], "b": {"c": {}}} "#, #"{"é":"ü"}"#,
    ])
    func acceptsObjects(text: String) { #expect(JSONSyntax.isObject(Array(text.utf8))) }

    @Test(arguments: [
        "", "[]", "\"text\"", "{", #"{"a":}"#, #"{"a":1,}"#, #"{"a":01}"#, #"{"a":"\x"}"#, #"{} {}"#, "{'a':1}", #"{"a":tru}"#,
    ])
    func rejectsEverythingElse(text: String) { #expect(!JSONSyntax.isObject(Array(text.utf8))) }

    @Test func rejectsInvalidUTF8() {
        #expect(!JSONSyntax.isObject([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]))
    }

    @Test func loadErrorIsOneLine() {
        let error = PluginLoadError(path: "/p/libx.so", reason: "init failed: line one\nline two")
        #expect(error.description == "/p/libx.so: refused: init failed: line one line two")
    }
}
