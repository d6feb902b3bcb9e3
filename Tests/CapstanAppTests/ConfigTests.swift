import CapstanApp
import CapstanTesting
import Foundation
import Testing

@Suite struct ConfigTests {
    @Test func readmeConfigurationTableMatchesTheKeyList() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        // Only the rows of the table under the configuration header; the README has other tables.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let header = try #require(lines.firstIndex { $0.hasPrefix("| Key | Environment | Default | Description |") })
        let tableLines = lines[(header + 2)...].prefix { $0.hasPrefix("|") }
        let rows = tableLines.map { line in
            line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let documented = rows.map { row in (row[1], row[2], row[3]) }
        let expected = CapstanConfig.keys.map { key in
            ("`\(key.name)`", key.environmentName.map { "`\($0)`" } ?? "—", key.defaultValue)
        }
        #expect(documented.map(\.0) == expected.map(\.0), "README keys differ from CapstanConfig.keys")
        #expect(documented.map(\.1) == expected.map(\.1), "README environment names differ")
        #expect(documented.map(\.2) == expected.map(\.2), "README defaults differ")
    }

    @Test func generatedConfigLoadsWithSecretsProtected() async throws {
        let anchor = try await TestAnchor.make()
        defer { anchor.remove() }
        let config = try await anchor.config()
        #expect(config.http.port == 8000)
        #expect(config.networkPassphrase == "Test SDF Network ; September 2015")
        #expect(config.sep10.signingKey.publicKey.strKey.hasPrefix("G"))
        let mode = try FileManager.default.attributesOfItem(atPath: anchor.configFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func initRefusesToOverwrite() async throws {
        let anchor = try await TestAnchor.make()
        defer { anchor.remove() }
        let before = try String(contentsOfFile: anchor.configFile, encoding: .utf8)
        await #expect(throws: ConfigError.self) {
            try await InitialSetup.run(.init(directory: anchor.directory.path, network: "testnet", homeDomain: "localhost:8000", pluginsDirectory: "plugins.d"), logger: .quiet)
        }
        #expect(try String(contentsOfFile: anchor.configFile, encoding: .utf8) == before)
    }

    @Test func environmentWinsOverTheFile() async throws {
        let anchor = try await TestAnchor.make()
        defer { anchor.remove() }
        let config = try await anchor.config(environment: ["HTTP_PORT": "9123", "ANCHOR_HOME_DOMAIN": "anchor.example.com"])
        #expect(config.http.port == 9123)
        #expect(config.publicURL == "https://anchor.example.com")
    }

    @Test func secretsCanComeFromANamedEnvironmentVariable() async throws {
        let anchor = try await TestAnchor.make()
        defer { anchor.remove() }
        let secret = String(repeating: "s", count: 40)
        let config = try await anchor.config(environment: ["SEP10_JWT_SECRET": "env:MY_JWT", "MY_JWT": secret])
        #expect(config.sep10.jwtSecret == secret)
        await #expect(throws: ConfigError(key: "sep10.jwt_secret", "refers to environment variable NOPE, which is not set")) {
            _ = try await anchor.config(environment: ["SEP10_JWT_SECRET": "env:NOPE"])
        }
    }

    @Test(arguments: [
        (["HTTP_PORT": "eighty"], "config: http.port: 'eighty' is not a whole number in 0...65535"),
        (["HTTP_PORT": "70000"], "config: http.port: '70000' is not a whole number in 0...65535"),
        (["STELLAR_NETWORK": "moonnet"], "config: stellar.network: 'moonnet' is not testnet, public or devnet"),
        (["SEP31_ENABLED": "true"], "config: sep31.enabled: SEP31 is not available in this build yet"),
        (["SEP1_ENABLED": "maybe"], "config: sep1.enabled: 'maybe' is not a boolean (true or false)"),
        (["SEP10_SIGNING_KEY": "SNOTAKEY"], "config: sep10.signing_key: is not a valid secret seed (S…)"),
        (["SEP10_JWT_SECRET": "short"], "config: sep10.jwt_secret: is required and must be at least 32 characters"),
        (["DATABASE_URL": "mysql://x"], "config: database.url: 'mysql://x' is not supported; use sqlite:PATH"),
        (["LOG_LEVEL": "loud"], "config: log.level: 'loud' is not one of trace, debug, info, notice, warning, error, critical"),
        (["ANCHOR_PUBLIC_URL": "https://anchor.example.com/"], "config: anchor.public_url: 'https://anchor.example.com/' must be an absolute http(s) URL without a trailing slash"),
    ])
    func invalidValuesNameTheKey(environment: [String: String], message: String) async throws {
        let anchor = try await TestAnchor.make()
        defer { anchor.remove() }
        do {
            _ = try await anchor.config(environment: environment)
            Issue.record("expected \(message)")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func unknownKeysInTheFileAreRefused() async throws {
        let anchor = try await TestAnchor.make(extra: "htpp:\n  port: 9000")
        defer { anchor.remove() }
        await #expect(throws: ConfigError(key: "htpp.port", "unknown key (see the configuration table in README.md)")) {
            _ = try await anchor.config()
        }
    }

    @Test func pluginSectionsArePassedAsJSON() async throws {
        let anchor = try await TestAnchor.make()
        defer { anchor.remove() }
        var text = try String(contentsOfFile: anchor.configFile, encoding: .utf8)
        text = text.replacingOccurrences(of: "  order: [reference, minimal]", with: "  order: [reference, minimal]\n  config:\n    reference:\n      greeting: hello\n      limits: [1, 2]")
        try text.write(toFile: anchor.configFile, atomically: true, encoding: .utf8)
        let config = try await anchor.config()
        let json = try #require(config.plugins.sections["reference"])
        #expect(String(decoding: json, as: UTF8.self) == #"{"greeting":"hello","limits":[1,2]}"#)
    }

    /// The file is read without Yams' regex resolver, so plain scalars are typed by `YAMLTree`: as YAML 1.1 types
    /// them for the forms a config uses, and as text otherwise.
    @Test func pluginSectionsKeepYAMLTypes() async throws {
        let anchor = try await TestAnchor.make()
        defer { anchor.remove() }
        var text = try String(contentsOfFile: anchor.configFile, encoding: .utf8)
        let section = """
              config:
                reference:
                  int: 42
                  negative: -7
                  grouped: 1_000
                  hex: 0x1F
                  decimal: 2.50
                  exponent: 6.02e23
                  quoted: "5"
                  single: 'true'
                  yes_word: yes
                  off_word: Off
                  nothing: ~
                  empty:
                  text: 12 Main St
                  leading_zero: 0755
                  no_point: 1e5
                  date: 2026-11-21
                  nested: {list: [1, two, 3.5, false]}
                  letter: y
                  base: &base {a: 1, b: 2}
                  derived: {<<: *base, b: 3}
            """
        text = text.replacingOccurrences(of: "  order: [reference, minimal]", with: "  order: [reference, minimal]\n" + section)
        try text.write(toFile: anchor.configFile, atomically: true, encoding: .utf8)
        let config = try await anchor.config()
        let json = try #require(config.plugins.sections["reference"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        #expect(object["int"] as? Int == 42)
        #expect(object["negative"] as? Int == -7)
        #expect(object["grouped"] as? Int == 1000)
        #expect(object["hex"] as? Int == 31)
        #expect(object["decimal"] as? Double == 2.5)
        #expect(object["exponent"] as? Double == 6.02e23)
        #expect(object["quoted"] as? String == "5")
        #expect(object["single"] as? String == "true")
        #expect(object["yes_word"] as? Bool == true)
        #expect(object["off_word"] as? Bool == false)
        #expect(object["nothing"] is NSNull)
        #expect(object["empty"] is NSNull)
        #expect(object["text"] as? String == "12 Main St")
        #expect(object["leading_zero"] as? String == "0755")
        #expect(object["no_point"] as? String == "1e5")
        #expect(object["date"] as? String == "2026-11-21")
        let nested = try #require((object["nested"] as? [String: Any])?["list"] as? [Any])
        #expect(nested.count == 4)
        #expect(nested[0] as? Int == 1)
        #expect(nested[1] as? String == "two")
        #expect(nested[2] as? Double == 3.5)
        #expect(nested[3] as? Bool == false)
        #expect(object["letter"] as? String == "y")                 // YAML 1.1 booleans are words, not letters
        let derived = try #require(object["derived"] as? [String: Any])
        #expect(derived["a"] as? Int == 1)                          // merged from the anchor
        #expect(derived["b"] as? Int == 3)                          // the mapping's own value wins
        #expect(derived["<<"] == nil)
    }

    /// swift-configuration's YAML provider joined key paths with dots, so a dotted key at the top level meant the same
    /// as the nested form; the file still means what it meant.
    @Test func aDottedKeyMeansTheNestedOne() async throws {
        let anchor = try await TestAnchor.make(extra: "workers.interval_ms: 1234\nworkers:\n  recheck_seconds: 7")
        defer { anchor.remove() }
        let config = try await anchor.config()
        #expect(config.workers.intervalMilliseconds == 1234)
        #expect(config.workers.recheckSeconds == 7)
    }

    @Test func aListOfMappingsWhereValuesAreExpectedIsRefused() async throws {
        let anchor = try await TestAnchor.make(extra: "sep10.home_domains:\n  - {name: a.example}")
        defer { anchor.remove() }
        await #expect(throws: ConfigError(key: "sep10.home_domains", "must be a list of plain values")) { _ = try await anchor.config() }
    }
}
