import Foundation

/// An account as the devnet ledger holds it.
struct AccountEntry: Codable, Sendable, Hashable {
    /// The `G…` account id.
    var accountID: String
    /// Lumens, in stroops.
    var balance: Int64
    var sequence: Int64
    /// The ledger and close time at which `sequence` last changed (for CAP-21 min-seq-age/gap checks).
    var sequenceLedger: UInt32
    var sequenceTime: UInt64
    /// Reserves this account pays for entries it sponsors (each claimant of a claimable balance it created).
    var numSponsoring: UInt32
    /// `AccountFlags` bits.
    var flags: UInt32
    var homeDomain: String
    var inflationDestination: String?
    var masterWeight: UInt32
    var lowThreshold: UInt32
    var mediumThreshold: UInt32
    var highThreshold: UInt32
    /// Signers other than the master key, sorted by key as stellar-core keeps them.
    var signers: [AccountSigner]
    /// Data entries: name to value.
    var data: [String: Data]
    /// Trustlines in the order they were created.
    var trustlines: [TrustlineEntry]
    var lastModifiedLedger: UInt32
    var lastModifiedTime: UInt64

    /// A fresh account as CreateAccount makes it: master weight 1, thresholds 0.
    init(accountID: String, balance: Int64, sequence: Int64, ledger: UInt32, closeTime: UInt64) {
        self.accountID = accountID
        self.balance = balance
        self.sequence = sequence
        self.sequenceLedger = ledger
        self.sequenceTime = closeTime
        self.numSponsoring = 0
        self.flags = 0
        self.homeDomain = ""
        self.inflationDestination = nil
        self.masterWeight = 1
        self.lowThreshold = 0
        self.mediumThreshold = 0
        self.highThreshold = 0
        self.signers = []
        self.data = [:]
        self.trustlines = []
        self.lastModifiedLedger = ledger
        self.lastModifiedTime = closeTime
    }

    /// Entries that each need a reserve: trustlines, signers and data entries.
    var subentryCount: Int { self.trustlines.count + self.signers.count + self.data.count }

    /// `(2 + subentries + sponsoring) × baseReserve`, optionally with `extraEntries` more.
    func minimumBalance(baseReserve: Int64, extraEntries: Int = 0) -> Int64 {
        Int64(2 + self.subentryCount + Int(self.numSponsoring) + extraEntries) * baseReserve
    }

    /// Lumens the account can spend without going below its minimum balance.
    func availableBalance(baseReserve: Int64) -> Int64 {
        self.balance - self.minimumBalance(baseReserve: baseReserve)
    }

    func trustlineIndex(_ asset: String) -> Int? {
        self.trustlines.firstIndex { $0.asset == asset }
    }

    /// Stamps the entry as changed in `ledger`.
    mutating func touch(ledger: UInt32, closeTime: UInt64) {
        self.lastModifiedLedger = ledger
        self.lastModifiedTime = closeTime
    }
}
