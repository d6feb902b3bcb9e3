/// A coding key spelled as Horizon's JSON spells it, so models read like the documents they decode.
struct HorizonKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { self.stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == HorizonKey {
    func value<T: Decodable>(_ type: T.Type = T.self, _ key: String) throws -> T {
        try self.decode(T.self, forKey: HorizonKey(key))
    }

    /// Absent and `null` are both nil: Horizon omits empty fields.
    func optional<T: Decodable>(_ type: T.Type = T.self, _ key: String) throws -> T? {
        try self.decodeIfPresent(T.self, forKey: HorizonKey(key))
    }

    /// An int64 Horizon prints as a string (beyond JSON's safe integers) or, in older versions, as a number.
    func int64(_ key: String) throws -> Int64 {
        if let text = try? self.decode(String.self, forKey: HorizonKey(key)) {
            guard let value = Int64(text) else {
                throw DecodingError.dataCorruptedError(forKey: HorizonKey(key), in: self, debugDescription: "not an int64")
            }
            return value
        }
        return try self.decode(Int64.self, forKey: HorizonKey(key))
    }

    func optionalInt64(_ key: String) throws -> Int64? {
        guard self.contains(HorizonKey(key)), try !self.decodeNil(forKey: HorizonKey(key)) else { return nil }
        return try self.int64(key)
    }

    func nested(_ key: String) throws -> KeyedDecodingContainer<HorizonKey> {
        try self.nestedContainer(keyedBy: HorizonKey.self, forKey: HorizonKey(key))
    }
}
