import CapstanCore
import Foundation
import SQLKit

// How domain values become column values and back. One place, so every table agrees:
// amounts are canonical decimal TEXT (never REAL), dates are INTEGER milliseconds since 1970 UTC,
// nested SEP objects are JSON TEXT with sorted keys, booleans are BOOLEAN (0/1 in SQLite).

extension Date {
    /// Milliseconds since 1970 UTC, to the nearest: the stored form of every date. Nearest rather than down,
    /// because a date read back from milliseconds is a binary fraction a hair either side of the exact value.
    var storedMilliseconds: Int64 { Int64((self.timeIntervalSince1970 * 1000).rounded()) }

    init(storedMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(storedMilliseconds) / 1000)
    }
}

/// A stored value that does not parse back: the row was written by something other than this store.
struct CorruptRowError: Error, CustomStringConvertible {
    let table: String
    let column: String
    var description: String { "unreadable value in \(self.table).\(self.column)" }
}

/// Reads one row of `table`, translating stored forms back into domain values.
struct StoredRow {
    let row: any SQLRow
    let table: String

    func string(_ column: String) throws -> String { try self.row.decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try self.optional(column, String.self) }
    func int64(_ column: String) throws -> Int64 { try self.row.decode(column: column, as: Int64.self) }
    func optionalInt64(_ column: String) throws -> Int64? { try self.optional(column, Int64.self) }
    func bool(_ column: String) throws -> Bool { try self.row.decode(column: column, as: Bool.self) }
    func optionalBool(_ column: String) throws -> Bool? { try self.optional(column, Bool.self) }

    /// A NULL check, then the plain type: drivers convert `String`/`Int64`/`Bool` directly, whereas asking for an
    /// `Optional` sends every column through a generic `Decoder` (most of the transaction row's decoding time).
    private func optional<T: Decodable>(_ column: String, _ type: T.Type) throws -> T? {
        try self.row.decodeNil(column: column) ? nil : try self.row.decode(column: column, as: T.self)
    }

    func date(_ column: String) throws -> Date { Date(storedMilliseconds: try self.int64(column)) }
    func optionalDate(_ column: String) throws -> Date? { try self.optionalInt64(column).map(Date.init(storedMilliseconds:)) }

    /// Stored amounts went through `Amount.description`, so the signed parser reads every one of them back.
    func amount(_ column: String) throws -> Amount? {
        guard let text = try self.optionalString(column) else { return nil }
        guard let amount = Amount(signed: text) else { throw CorruptRowError(table: self.table, column: column) }
        return amount
    }

    func enumeration<E: RawRepresentable>(_ column: String, as type: E.Type) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: try self.string(column)) else { throw CorruptRowError(table: self.table, column: column) }
        return value
    }

    func optionalEnumeration<E: RawRepresentable>(_ column: String, as type: E.Type) throws -> E? where E.RawValue == String {
        guard let raw = try self.optionalString(column) else { return nil }
        guard let value = E(rawValue: raw) else { throw CorruptRowError(table: self.table, column: column) }
        return value
    }

    func json<D: Decodable>(_ column: String, as type: D.Type) throws -> D? {
        guard let text = try self.optionalString(column) else { return nil }
        do {
            return try JSONDecoder().decode(D.self, from: Data(text.utf8))
        } catch {
            throw CorruptRowError(table: self.table, column: column)
        }
    }
}

enum StoredJSON {
    /// JSON text for a nested SEP object; sorted keys so equal values are equal text.
    static func text<E: Encodable>(_ value: E?) throws -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
