import Foundation

/// One page of a Horizon collection. Records that do not decode are listed apart instead of failing the page,
/// so one odd record cannot stall a reader; `nextCursor` moves past them too.
public struct HorizonPage<Record: Sendable & Hashable>: Sendable, Hashable {
    public var records: [Record]
    public var undecodable: [HorizonUndecodableRecord]
    /// The paging token to pass as `cursor` for the following page: the last record's, or the request's cursor
    /// when the page is empty.
    public var nextCursor: String?

    public init(records: [Record], undecodable: [HorizonUndecodableRecord] = [], nextCursor: String?) {
        self.records = records
        self.undecodable = undecodable
        self.nextCursor = nextCursor
    }
}

/// Horizon's `order` parameter.
public enum HorizonOrder: String, Sendable, Hashable {
    case ascending = "asc"
    case descending = "desc"
}

/// One record, or why it did not decode together with its paging token when that much is readable. Decoding
/// never throws, so a collection of these survives an odd record.
struct LossyRecord<Record: Decodable>: Decodable {
    enum Result {
        case record(Record)
        case undecodable(HorizonUndecodableRecord)
    }

    let result: Result

    init(from decoder: any Decoder) {
        do {
            self.result = .record(try Record(from: decoder))
        } catch {
            let token = try? decoder.container(keyedBy: HorizonKey.self).optional(String.self, "paging_token")
            self.result = .undecodable(HorizonUndecodableRecord(pagingToken: token ?? nil, reason: DecodingFailure.describe(error)))
        }
    }

    static func decode(_ data: Data) -> Result {
        do {
            return try JSONDecoder().decode(LossyRecord.self, from: data).result
        } catch {
            return .undecodable(HorizonUndecodableRecord(pagingToken: nil, reason: "not JSON"))
        }
    }
}

/// A short reason for a decoding error: which field, without echoing the document.
enum DecodingFailure {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: type(of: error)) }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let prefix = path(context)
            return "missing " + (prefix.isEmpty ? "" : prefix + ".") + key.stringValue
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type at \(path(context))"
        case .dataCorrupted(let context): return "\(context.debugDescription) at \(path(context))"
        @unknown default: return "undecodable"
        }
    }
}

/// A page as Horizon sends it: `_embedded.records`, each decoded on its own.
struct LossyPage<Record: Decodable & Sendable & Hashable>: Decodable {
    var records: [LossyRecord<Record>]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: HorizonKey.self)
        self.records = try container.nested("_embedded").value([LossyRecord<Record>].self, "records")
    }

    func page(requestCursor: String?, token: (Record) -> String) -> HorizonPage<Record> {
        var records: [Record] = []
        var undecodable: [HorizonUndecodableRecord] = []
        var next = requestCursor
        for record in self.records {
            switch record.result {
            case .record(let record):
                records.append(record)
                next = token(record)
            case .undecodable(let failure):
                undecodable.append(failure)
                if let token = failure.pagingToken { next = token }
            }
        }
        return HorizonPage(records: records, undecodable: undecodable, nextCursor: next)
    }
}
