import Foundation

/// Times as Horizon prints them: RFC 3339 in UTC with whole seconds (`2025-01-02T03:04:05Z`).
enum HorizonTime {
    static func format(_ unixSeconds: UInt64) -> String {
        Date(timeIntervalSince1970: TimeInterval(min(unixSeconds, 253_402_300_799))).ISO8601Format()
    }

    /// The current time in whole Unix seconds.
    static func now() -> UInt64 {
        UInt64(max(0, Date().timeIntervalSince1970))
    }
}
