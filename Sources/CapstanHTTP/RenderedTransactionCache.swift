import CapstanCore
import NIOCore
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

    /// The JSON of each transaction `query` lists for `owner`, in the list's order. Only versions not held already
    /// are loaded and passed to `render`: wallets poll their lists, and between two polls most of a list is unchanged.
    public func list(
        owner: String, query: TransactionQuery, from store: any TransactionStore, render: (Transaction) -> String
    ) async throws -> [String] {
        let listed = try await store.transactionVersions(owner: owner, query: query)
        var objects = listed.map { self.json(for: $0) }
        let missing = zip(listed, objects).compactMap { key, json in json == nil ? key.id : nil }
        guard !missing.isEmpty else { return objects.compactMap { $0 } }
        var fresh: [String: String] = [:]
        for transaction in try await store.transactions(ids: missing, owner: owner)
        where query.protocols?.contains(transaction.protocol) ?? true {
            let json = render(transaction)
            self.store(json, for: TransactionVersion(id: transaction.id, version: transaction.version))
            fresh[transaction.id] = json
        }
        // A transaction changed between the two reads is shown as it is now; one gone meanwhile is left out.
        for index in objects.indices where objects[index] == nil { objects[index] = fresh[listed[index].id] }
        return objects.compactMap { $0 }
    }

    /// `{"transactions":[…]}` around objects already rendered, copied once into the response buffer.
    public static func listBody(_ objects: [String]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(objects.reduce(24) { $0 + $1.utf8.count + 1 })
        buffer.writeStaticString(#"{"transactions":["#)
        for (index, object) in objects.enumerated() {
            if index > 0 { buffer.writeStaticString(",") }
            buffer.writeString(object)
        }
        buffer.writeStaticString("]}")
        return buffer
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
