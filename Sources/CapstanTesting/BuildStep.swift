import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the build steps tests need (`cc`, `make`): one at a time, on a thread of their own, through posix_spawn.
///
/// Off Swift concurrency's threads because a test waiting for `cc` on one of those few threads holds up every other
/// suite's tasks, deadline tests' included. posix_spawn rather than Foundation's `Process`: one full test run
/// crashed inside `Process.run()` (a bad read in memmove), and a build step needs none of that class's machinery.
public enum BuildStep {
    /// A step that could not start or did not exit with status 0, with what it printed.
    public struct Failure: Error, CustomStringConvertible {
        public let command: String
        public let output: String
        public var description: String { "\(command) failed:\n\(output)" }
    }

    private static let queue = DispatchQueue(label: "capstan.tests.build-steps")

    /// Runs `arguments` through `/usr/bin/env` (so the PATH is searched) and waits for it without holding a thread.
    public static func run(_ arguments: [String]) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            self.queue.async { continuation.resume(with: Result { try self.spawnAndWait(["/usr/bin/env"] + arguments) }) }
        }
    }

    private static func spawnAndWait(_ argv: [String]) throws {
        let command = argv.dropFirst().joined(separator: " ")
        let log = NSTemporaryDirectory() + "capstan-build-step-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let arguments = argv.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, arguments, environ)
        guard spawned == 0 else { throw Failure(command: command, output: "posix_spawn: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(command: command, output: "waitpid: \(String(cString: strerror(errno)))") }
        }
        // 0 is a normal exit with status 0; anything else is a failure or a signal.
        guard status == 0 else {
            throw Failure(command: command, output: (try? String(contentsOfFile: log, encoding: .utf8)) ?? "(no output)")
        }
    }
}
