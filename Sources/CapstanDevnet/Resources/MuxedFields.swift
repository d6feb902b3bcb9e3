import StellarKit

/// Horizon's `*_muxed` / `*_muxed_id` pair for an `M…` address (the id as a decimal string).
enum MuxedFields {
    static func id(_ muxed: String?) -> String? {
        guard let muxed, let account = try? MuxedAccount(strKey: muxed), let id = account.id else { return nil }
        return String(id)
    }
}
