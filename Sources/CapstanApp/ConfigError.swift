/// A configuration problem found before anything is bound or opened, naming the key at fault.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public let key: String?
    public let problem: String

    public init(key: String?, _ problem: String) {
        self.key = key
        self.problem = problem
    }

    public var description: String {
        if let key { return "config: \(key): \(self.problem)" }
        return "config: \(self.problem)"
    }
}
