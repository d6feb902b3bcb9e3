import ServiceLifecycle

/// Closes a ledger every interval (or, with a zero interval, leaves closing to submissions), and on shutdown
/// ends the event streams and saves the state file.
struct LedgerCloser: Service {
    let ledger: DevnetLedger
    let interval: Duration

    func run() async throws {
        if self.interval > .zero {
            try? await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(for: self.interval)
                    await self.ledger.closeLedger()
                }
            }
        } else {
            // Returning early would stop the whole service group, so wait for shutdown.
            try? await gracefulShutdown()
        }
        await self.ledger.finishStreams()
        await self.ledger.persist()
    }
}
