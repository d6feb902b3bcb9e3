/// A plugin the host refused to load; `description` is the one line an operator sees.
///
/// The form is always `<original path>: refused: <reason>`, so log lines and `capstan plugins
/// list` output can be grepped by file.
public struct PluginLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path the operator gave or the file found in the plugin directory, not the runtime copy.
    public let path: String
    /// Why, in one line.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = Self.oneLine(reason)
    }

    public var description: String { "\(self.path): refused: \(self.reason)" }

    /// Plugin-supplied text (log lines, dlerror) may hold newlines; a refusal stays one line.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
