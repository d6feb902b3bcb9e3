import Foundation
import Hummingbird

/// A parsed JSON value with forgiving subscripts, so tests read like the documents they check.
struct JSON: CustomStringConvertible {
    let value: Any?

    init(_ buffer: ByteBuffer) {
        self.value = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView), options: [.fragmentsAllowed])
    }

    init(data: Data) {
        self.value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    private init(value: Any?) {
        self.value = value
    }

    subscript(key: String) -> JSON { JSON(value: (self.value as? [String: Any])?[key]) }
    subscript(index: Int) -> JSON {
        guard let array = self.value as? [Any], array.indices.contains(index) else { return JSON(value: nil) }
        return JSON(value: array[index])
    }

    var string: String? { self.value as? String }
    var int: Int? { (self.value as? NSNumber)?.intValue }
    var bool: Bool? { (self.value as? NSNumber).map(\.boolValue) }
    var array: [JSON] { ((self.value as? [Any]) ?? []).map { JSON(value: $0) } }
    var keys: Set<String> { Set((self.value as? [String: Any])?.keys.map(\.self) ?? []) }
    var exists: Bool { self.value != nil && !(self.value is NSNull) }

    /// The records of a Horizon page.
    var records: [JSON] { self["_embedded"]["records"].array }
    /// `extras.result_codes` of a problem document: the transaction code and the operation codes.
    var transactionCode: String? { self["extras"]["result_codes"]["transaction"].string }
    var operationCodes: [String] { self["extras"]["result_codes"]["operations"].array.compactMap(\.string) }

    var description: String { String(describing: self.value ?? "nil") }
}
