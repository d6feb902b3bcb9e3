import CapstanCore
import NIOCore

/// Wallet-facing transaction JSON kept by id and version, so a wallet polling its list pays only for what changed.
///
/// It can never serve a stale object: every change to a stored transaction raises its version
/// (`TransactionStore.update`), and readers ask for the version the database holds now, so a changed transaction is
/// simply a miss. That holds across processes too (`capstan worker` beside `capstan serve`), since the version is
/// read from the database on every request. The rendered text must depend on nothing but the transaction and
/// settings fixed for the process's life.
///
/// At most `capacity` objects are kept (`RecentCache`), those used recently first.
public final class RenderedTransactionCache: Sendable {
    private struct Entry {
        let version: Int64
        let json: String
    }

    private let entries: RecentCache<String, Entry>

    public init(capacity: Int) {
        self.entries = RecentCache(capacity: capacity)
    }

    /// The JSON rendered for exactly this version, or nil.
    public func json(for key: TransactionVersion) -> String? {
        guard let entry = self.entries.value(for: key.id), entry.version == key.version else { return nil }
        return entry.json
    }

    /// Keeps `json` as the rendering of `version`, replacing whatever an older version left.
    public func store(_ json: String, for key: TransactionVersion) {
        self.entries.set(Entry(version: key.version, json: json), for: key.id) { $0.version <= key.version }
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

    /// How many objects are held.
    public var count: Int { self.entries.count }
}
