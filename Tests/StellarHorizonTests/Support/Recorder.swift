import Synchronization

/// Collects what a concurrent producer reports, for a test to wait on.
final class Recorder<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])

    func append(_ item: Element) { self.items.withLock { $0.append(item) } }

    var all: [Element] { self.items.withLock { $0 } }

    /// Waits until `condition` holds for what has been recorded, or fails after `timeout`.
    @discardableResult
    func wait(
        _ description: String, timeout: Duration = .seconds(10), until condition: ([Element]) -> Bool
    ) async throws -> [Element] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let items = self.all
            if condition(items) { return items }
            guard ContinuousClock.now < deadline else { throw RecorderTimeout(description: description, count: items.count) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

struct RecorderTimeout: Error, CustomStringConvertible {
    var description: String
    var count: Int
}

/// Consumes `stream` into a recorder until it ends; the stream's error, if any, is recorded too.
func consume<Element: Sendable>(
    _ stream: AsyncThrowingStream<Element, any Error>, into recorder: Recorder<Element>, errors: Recorder<String>
) -> Task<Void, Never> {
    Task {
        do {
            for try await element in stream { recorder.append(element) }
            errors.append("finished")
        } catch {
            errors.append("\(error)")
        }
    }
}
