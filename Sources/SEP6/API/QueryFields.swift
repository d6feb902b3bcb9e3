import Hummingbird

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The query parameters of a SEP-6 GET request: the first value of each, trimmed; empty values count as absent
/// (wallets send `memo=` for "no memo").
struct QueryFields: Sendable {
    private(set) var values: [String: String]
    /// Every value of every parameter, for the repeatable `kind`.
    private let all: [String: [String]]

    init(_ request: Request) {
        var values: [String: String] = [:]
        var all: [String: [String]] = [:]
        for (key, value) in request.uri.queryParameters {
            let name = String(key), text = String(value).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            all[name, default: []].append(text)
            if values[name] == nil { values[name] = text }
        }
        self.values = values
        self.all = all
    }

    subscript(_ name: String) -> String? { self.values[name] }

    /// Every value of a repeated parameter, each also split at commas (`kind=deposit,withdrawal`).
    func list(_ name: String) -> [String] {
        (self.all[name] ?? []).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }
}
