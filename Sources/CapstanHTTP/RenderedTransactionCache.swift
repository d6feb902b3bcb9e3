import CapstanCore
import Synchronization

/// Wallet-facing transaction JSON kept by id and version, so a wallet polling its list pays only for what changed.
///
/// It can never serve a stale object: every change to a stored transaction raises its version
/// (`TransactionStore.update`), and readers ask for the version the database holds now, so a changed transaction is
/// simply a miss. That holds across processes too (`capstan worker` beside `capstan serve`), since the version is
/// read from the database on every request. The rendered text must depend on nothing but the transaction and
/// settings fixed for the process's life.
///
/// Memory is bounded by two generations: when the young one is full the old one is dropped and the young one takes
/// its place; a hit in the old generation moves back to the young. Entries used recently stay, like an LRU, without
/// its per-hit bookkeeping.
public final class RenderedTransactionCache: Sendable {
    private struct Entry {
        let version: Int64
        let json: String
    }

    private struct Generations {
        var young: [String: Entry] = [:]
        var old: [String: Entry] = [:]
    }

    private let generations = Mutex(Generations())
    private let generationSize: Int

    /// Holds at least `capacity / 2` and at most `capacity` objects.
    public init(capacity: Int) {
        self.generationSize = max(1, capacity / 2)
    }

    /// The JSON rendered for exactly this version, or nil.
    public func json(for key: TransactionVersion) -> String? {
        self.generations.withLock { generations in
            if let entry = generations.young[key.id] {
                return entry.version == key.version ? entry.json : nil
            }
            guard let entry = generations.old[key.id], entry.version == key.version else { return nil }
            Self.add(key.id, entry, to: &generations, generationSize: self.generationSize)
            return entry.json
        }
    }

    /// Keeps `json` as the rendering of `version`, replacing whatever an older version left.
    public func store(_ json: String, for key: TransactionVersion) {
        self.generations.withLock { generations in
            if let current = generations.young[key.id] ?? generations.old[key.id], current.version > key.version { return }
            Self.add(key.id, Entry(version: key.version, json: json), to: &generations, generationSize: self.generationSize)
        }
    }

    /// How many objects are held (both generations).
    public var count: Int {
        self.generations.withLock { $0.young.count + $0.old.count }
    }

    private static func add(_ id: String, _ entry: Entry, to generations: inout Generations, generationSize: Int) {
        if generations.young[id] == nil, generations.young.count >= generationSize {
            generations.old = generations.young
            generations.young = [:]
            generations.young.reserveCapacity(generationSize)
        }
        generations.young[id] = entry
        generations.old[id] = nil
    }
}
