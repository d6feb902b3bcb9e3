import Foundation

/// The JSON documents in Fixtures/, shaped like Horizon's documented responses.
enum Fixture {
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw FixtureError.missing(name)
        }
        return try Data(contentsOf: url)
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try self.data(name), as: UTF8.self)
    }
}

enum FixtureError: Error {
    case missing(String)
}
