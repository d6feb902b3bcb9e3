import Foundation

/// The file a devnet persists its ledger in: JSON, replaced atomically (write to a temporary file, then rename)
/// after every ledger that holds transactions and on shutdown, so a crash leaves the last complete ledger.
public struct StateFile: Sendable {
    /// The file's path.
    public let path: String

    /// A state file at `path`; it need not exist yet.
    public init(path: String) {
        self.path = path
    }

    /// The saved state, or nil when there is no file yet.
    func load() throws(DevnetError) -> LedgerState? {
        guard FileManager.default.fileExists(atPath: self.path) else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: self.path))
            let state = try JSONDecoder().decode(LedgerState.self, from: data)
            guard state.format == LedgerState.currentFormat else {
                throw DevnetError.unreadableState(self.path, "format \(state.format), expected \(LedgerState.currentFormat)")
            }
            return state
        } catch let error as DevnetError {
            throw error
        } catch {
            throw .unreadableState(self.path, String(describing: error))
        }
    }

    func save(_ state: LedgerState) throws(DevnetError) {
        do {
            let data = try JSONEncoder().encode(state)
            try data.write(to: URL(fileURLWithPath: self.path), options: .atomic)
        } catch {
            throw .unwritableState(self.path, String(describing: error))
        }
    }
}
