#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Host-owned threads that run plugin code, so a blocking C call never occupies a thread of the
/// Swift cooperative pool (which has one thread per core and must never block).
///
/// Threads start on demand up to `maxThreads` and then wait for work; a plugin stuck past its
/// deadline keeps its thread, which is why the bound exists.
///
/// `@unchecked Sendable`: all mutable state is read and written only while `lock` is held.
final class PluginThreadPool: @unchecked Sendable {
    private let lock = ConditionLock()
    private let maxThreads: Int
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var threads = 0
    /// Waiting threads that no submitted job has claimed yet.
    private var idle = 0
    /// Wake-ups handed out by `submit`, each consumed by exactly one waiting thread.
    private var wakeTokens = 0
    private var stopped = false

    init(maxThreads: Int) {
        self.maxThreads = max(1, maxThreads)
    }

    /// Runs `job` on a pool thread; jobs start in submission order.
    func submit(_ job: @escaping @Sendable () -> Void) {
        self.lock.lock()
        self.jobs.append(job)
        if self.idle > 0 {
            self.idle -= 1
            self.wakeTokens += 1
            self.lock.signal()
        } else if self.threads < self.maxThreads {
            self.threads += 1
            self.spawnThread()
        }
        self.lock.unlock()
    }

    /// Lets idle threads exit once the queue is empty; running jobs finish.
    func stop() {
        self.lock.lock()
        self.stopped = true
        self.lock.broadcast()
        self.lock.unlock()
    }

    private func spawnThread() {
        let context = Unmanaged.passRetained(self).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            let pool = Unmanaged<PluginThreadPool>.fromOpaque(context).takeRetainedValue()
            pool.work()
            return nil
        }, context)
        pthread_attr_destroy(&attributes)
        if status != 0 {
            // Called with the lock held: queued jobs wait for an existing thread instead.
            Unmanaged<PluginThreadPool>.fromOpaque(context).release()
            self.threads -= 1
        }
    }

    private func work() {
        self.lock.lock()
        while true {
            if self.head < self.jobs.count {
                let job = self.jobs[self.head]
                self.head += 1
                if self.head == self.jobs.count {
                    self.jobs.removeAll(keepingCapacity: true)
                    self.head = 0
                } else if self.head >= 1024 && self.head * 2 >= self.jobs.count {
                    // Under sustained load the queue never drains; drop the consumed prefix now and then.
                    self.jobs.removeFirst(self.head)
                    self.head = 0
                }
                self.lock.unlock()
                job()
                self.lock.lock()
                continue
            }
            if self.stopped { break }
            self.idle += 1
            while self.wakeTokens == 0 && !self.stopped { self.lock.wait() }
            if self.wakeTokens > 0 { self.wakeTokens -= 1 } else { self.idle -= 1 }
        }
        self.threads -= 1
        self.lock.unlock()
    }
}
