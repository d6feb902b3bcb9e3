/// Where plugins come from and how the host calls them: the `plugins` section of the host config.
public struct PluginHostConfiguration: Sendable {
    /// A directory whose `*.so` files are loaded in file-name order (usually `plugins.d`).
    public var directory: String?
    /// Further plugin files, loaded after the directory's, in this order.
    public var paths: [String]
    /// Where content-addressed copies (`<sha256>.so`) are made; created if missing.
    public var runtimeDirectory: String
    /// `plugins.order`: plugin names; when two plugins implement a hook, the one listed first owns it.
    public var order: [String]
    /// How long a caller waits for a hook before `PluginCallError.deadlineExceeded`.
    public var deadline: Duration
    /// Upper bound on host threads running plugin code; a hung plugin can hold at most this many.
    public var maxThreads: Int

    public init(
        directory: String? = nil,
        paths: [String] = [],
        runtimeDirectory: String,
        order: [String] = [],
        deadline: Duration = .seconds(5),
        maxThreads: Int = 8
    ) {
        self.directory = directory
        self.paths = paths
        self.runtimeDirectory = runtimeDirectory
        self.order = order
        self.deadline = deadline
        self.maxThreads = max(1, maxThreads)
    }
}
