/// Horizon's `order` parameter.
enum PageOrder: String, Sendable {
    case ascending = "asc"
    case descending = "desc"
}

/// One page of a collection: records after `cursor` (before it, descending), at most `limit`.
struct PageRequest: Sendable {
    /// Horizon's default page size and largest allowed one.
    static let defaultLimit = 10
    static let maximumLimit = 200

    var cursor: Int64?
    var order: PageOrder
    var limit: Int
}

extension Array where Element: Sendable {
    /// The page of `self`, which must be sorted ascending by `id`, keeping only elements `include` accepts.
    func page(_ request: PageRequest, id: (Element) -> Int64, where include: (Element) -> Bool) -> [Element] {
        var records: [Element] = []
        switch request.order {
        case .ascending:
            var index = request.cursor.map { cursor in self.firstIndex(after: cursor, id: id) } ?? 0
            while index < self.count, records.count < request.limit {
                if include(self[index]) { records.append(self[index]) }
                index += 1
            }
        case .descending:
            var index = (request.cursor.map { cursor in self.firstIndex(after: cursor - 1, id: id) } ?? self.count) - 1
            while index >= 0, records.count < request.limit {
                if include(self[index]) { records.append(self[index]) }
                index -= 1
            }
        }
        return records
    }

    /// The first index whose id is above `cursor` (binary search).
    private func firstIndex(after cursor: Int64, id: (Element) -> Int64) -> Int {
        var low = 0, high = self.count
        while low < high {
            let middle = (low + high) / 2
            if id(self[middle]) <= cursor { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
