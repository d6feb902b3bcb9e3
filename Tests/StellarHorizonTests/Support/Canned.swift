import Hummingbird
import Synchronization

/// Canned HTTP answers, served in order (the last one repeats), each after an optional delay.
final class Canned: Sendable {
    struct Answer: Sendable {
        var status: Int
        var body: String
        var delay: Duration = .zero
    }

    private let answers: Mutex<[Answer]>
    private let served = Mutex(0)

    init(_ answers: [Answer]) {
        self.answers = Mutex(answers)
    }

    var requestCount: Int { self.served.withLock { $0 } }

    func respond() async throws -> Response {
        let answer = self.answers.withLock { answers in answers.count > 1 ? answers.removeFirst() : answers[0] }
        self.served.withLock { $0 += 1 }
        if answer.delay > .zero { try await Task.sleep(for: answer.delay) }
        return Response(
            status: .init(code: answer.status), headers: [.contentType: "application/hal+json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body))
        )
    }
}
