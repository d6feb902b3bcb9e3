import Synchronization

/// A bounded, thread-safe map that keeps what was used recently.
///
/// Two generations bound the memory: when the young one is full the old one is dropped and the young one takes its
/// place; a hit in the old generation moves back to the young. Entries used recently stay, like an LRU, without its
/// per-hit bookkeeping.
///
/// Inlinable so each user gets it specialised for its key and value: called through generic witnesses, recording an
/// issued SEP-10 challenge cost 2 % of a `GET /auth`.
public final class RecentCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    @usableFromInline
    struct Generations {
        @usableFromInline var young: [Key: Value] = [:]
        @usableFromInline var old: [Key: Value] = [:]

        @usableFromInline init() {}
    }

    @usableFromInline let generations = Mutex(Generations())
    @usableFromInline let generationSize: Int

    /// Holds at least `capacity / 2` and at most `capacity` entries.
    public init(capacity: Int) {
        self.generationSize = max(1, capacity / 2)
    }

    /// The value kept for `key`, or nil.
    @inlinable
    public func value(for key: Key) -> Value? {
        let (value, dropped) = self.generations.withLock { generations -> (Value?, [Key: Value]?) in
            if let value = generations.young[key] { return (value, nil) }
            guard let value = generations.old[key] else { return (nil, nil) }
            return (value, Self.add(key, value, to: &generations, generationSize: self.generationSize))
        }
        withExtendedLifetime(dropped) {}
        return value
    }

    /// Keeps `value` for `key`, unless `replaces` says the value already kept must stay.
    @inlinable
    public func set(_ value: Value, for key: Key, replaces: (Value) -> Bool = { _ in true }) {
        let dropped = self.generations.withLock { generations -> [Key: Value]? in
            if let current = generations.young[key] ?? generations.old[key], !replaces(current) { return nil }
            return Self.add(key, value, to: &generations, generationSize: self.generationSize)
        }
        withExtendedLifetime(dropped) {}
    }

    /// How many entries are kept (both generations).
    @inlinable
    public var count: Int {
        self.generations.withLock { $0.young.count + $0.old.count }
    }

    /// Returns the old generation when this addition retires it, for the caller to release after unlocking: freeing
    /// thousands of entries under the lock would stall every other user of the cache.
    @inlinable
    static func add(_ key: Key, _ value: Value, to generations: inout Generations, generationSize: Int) -> [Key: Value]? {
        var dropped: [Key: Value]?
        if generations.young[key] == nil, generations.young.count >= generationSize {
            dropped = generations.old
            generations.old = generations.young
            generations.young = Dictionary(minimumCapacity: generationSize)
        }
        generations.young[key] = value
        generations.old[key] = nil
        return dropped
    }
}
