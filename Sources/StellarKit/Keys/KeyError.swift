/// Why raw bytes cannot be used as a key.
public enum KeyError: Error, Sendable, Hashable {
    /// The key material has the wrong number of bytes.
    case invalidLength(expected: Int, actual: Int)
}
