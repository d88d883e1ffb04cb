import AssayBundle
import Foundation
import Synchronization

/// Shows hashing progress (files, bytes, rate) on stderr, at most ten times a second, only on a terminal.
final class ProgressMeter: Sendable {
    private let start = Date()
    private let lastDraw = Mutex<TimeInterval>(0)
    private let drew = Atomic<Bool>(false)

    /// A meter when stderr is a terminal, else `nil` (no progress in logs and pipes).
    static func forStandardError() -> ProgressMeter? {
        isatty(STDERR_FILENO) == 1 ? ProgressMeter() : nil
    }

    /// The callback to hand to the bundle reader.
    var callback: @Sendable (ReadProgress) -> Void {
        { [self] progress in self.update(progress) }
    }

    private func update(_ progress: ReadProgress) {
        let elapsed = Date().timeIntervalSince(start)
        let due = lastDraw.withLock { last in
            guard elapsed - last >= 0.1 else { return false }
            last = elapsed
            return true
        }
        guard due else { return }
        let mebibytes = Double(progress.bytes) / 1_048_576
        let rate = elapsed > 0 ? mebibytes / elapsed : 0
        let files = progress.totalFiles.map { "\(progress.files)/\($0)" } ?? "\(progress.files)"
        let line = String(format: "\rhashing: %@ files, %.1f MiB, %.1f MiB/s   ", files, mebibytes, rate)
        FileHandle.standardError.write(Data(line.utf8))
        drew.store(true, ordering: .relaxed)
    }

    /// Clears the progress line once hashing is over.
    func finish() {
        if drew.load(ordering: .relaxed) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
