import Foundation

/// The number of active cores, read once.
enum ProcessInfoCores {
    static let active = ProcessInfo.processInfo.activeProcessorCount
}

/// Thread-safe progress accumulation shared by hashing workers; forwards each update to the caller's closure, in
/// order (under the lock: the last report is the last state).
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var state: ReadProgress
    private let report: (@Sendable (ReadProgress) -> Void)?

    init(totalFiles: Int?, totalBytes: UInt64?, report: (@Sendable (ReadProgress) -> Void)?) {
        state = ReadProgress(files: 0, bytes: 0, totalFiles: totalFiles, totalBytes: totalBytes)
        self.report = report
    }

    /// Sets the totals once they are known (a directory's, when its scan ends while its first files are hashed), and
    /// reports them.
    func setTotals(files: Int, bytes: UInt64) {
        guard let report else { return }
        lock.withLock {
            state.totalFiles = files
            state.totalBytes = bytes
            report(state)
        }
    }

    /// Adds hashed bytes, and one file when `fileDone` is set, then reports.
    func add(bytes: UInt64, fileDone: Bool) {
        guard let report else { return }
        lock.withLock {
            state.bytes += bytes
            if fileDone { state.files += 1 }
            report(state)
        }
    }
}

/// Progress of one worker, flushed to the shared counter every few MiB so workers do not contend on its lock.
final class ProgressBatch {
    private let counter: ProgressCounter
    private var pending: UInt64 = 0
    private static let flushBytes: UInt64 = 4 << 20

    init(counter: ProgressCounter) { self.counter = counter }

    func add(_ bytes: Int) {
        pending += UInt64(bytes)
        if pending >= Self.flushBytes {
            counter.add(bytes: pending, fileDone: false)
            pending = 0
        }
    }

    func finish() {
        counter.add(bytes: pending, fileDone: true)
        pending = 0
    }
}
