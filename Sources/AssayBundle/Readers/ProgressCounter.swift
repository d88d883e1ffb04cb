import Foundation

/// The number of active cores, read once.
enum ProcessInfoCores {
    static let active = ProcessInfo.processInfo.activeProcessorCount
}

/// Thread-safe progress accumulation shared by hashing workers; forwards each update to the caller's closure.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var state: ReadProgress
    private let report: (@Sendable (ReadProgress) -> Void)?

    init(totalFiles: Int?, totalBytes: UInt64?, report: (@Sendable (ReadProgress) -> Void)?) {
        state = ReadProgress(files: 0, bytes: 0, totalFiles: totalFiles, totalBytes: totalBytes)
        self.report = report
    }

    /// Adds hashed bytes, and one file when `fileDone` is set, then reports.
    func add(bytes: UInt64, fileDone: Bool) {
        guard let report else { return }
        let snapshot = lock.withLock {
            state.bytes += bytes
            if fileDone { state.files += 1 }
            return state
        }
        report(snapshot)
    }
}
