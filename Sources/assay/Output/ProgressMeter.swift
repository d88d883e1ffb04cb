import AssayBundle
import AssayCore
import Foundation
import Synchronization

/// Shows how far a long command has got on stderr: the count done (of the total), bytes, rate and time left,
/// redrawn at most ten times a second on one line that is cleared at the end; only when stderr is a terminal.
///
/// Time is counted from the first update (the work counted, not what came before it, such as reading a file), and
/// nothing is drawn during its first tenth of a second, so quick commands show nothing.
final class ProgressMeter: Sendable {
    private let label: String
    private let unit: String
    /// When the first update came, and how long after it the line was last drawn.
    private let timing = Mutex<(start: Date?, lastDraw: TimeInterval)>((nil, 0))
    private let drew = Atomic<Bool>(false)

    private init(label: String, unit: String) {
        self.label = label
        self.unit = unit
    }

    /// A meter when stderr is a terminal, else `nil` (no progress in logs and pipes); `label` says what is being
    /// done (`hashing`) and `unit` what is counted (`files`).
    static func forStandardError(_ label: String, unit: String) -> ProgressMeter? {
        isatty(STDERR_FILENO) == 1 ? ProgressMeter(label: label, unit: unit) : nil
    }

    /// Runs `body` with a meter when stderr is a terminal (`nil` elsewhere), and clears its line before returning,
    /// so that what the command prints next starts on a clean line.
    static func run<T, Failure: Error>(
        _ label: String, unit: String, _ body: (ProgressMeter?) throws(Failure) -> T
    ) throws(Failure) -> T {
        let meter = forStandardError(label, unit: unit)
        defer { meter?.finish() }
        return try body(meter)
    }

    /// The callback to hand to the bundle reader.
    var readCallback: @Sendable (ReadProgress) -> Void {
        { [self] progress in
            update(
                progress.files, of: progress.totalFiles, bytes: progress.bytes, ofBytes: progress.totalBytes)
        }
    }

    /// The callback to hand to the store.
    var handler: ProgressHandler {
        { [self] done, total in update(done, of: total) }
    }

    /// Records how far the work has got, and redraws the line when it is due.
    func update(_ done: Int, of total: Int?, bytes: UInt64? = nil, ofBytes totalBytes: UInt64? = nil) {
        let now = Date()
        let elapsed = timing.withLock { timing -> TimeInterval? in
            let start = timing.start ?? now
            timing.start = start
            let elapsed = now.timeIntervalSince(start)
            guard elapsed - timing.lastDraw >= 0.1 else { return nil }
            timing.lastDraw = elapsed
            return elapsed
        }
        guard let elapsed else { return }
        let line = Self.line(
            label: label, unit: unit, done: done, total: total, bytes: bytes, totalBytes: totalBytes,
            elapsed: elapsed)
        FileHandle.standardError.write(Data("\r\(line)\u{1B}[K".utf8))
        drew.store(true, ordering: .relaxed)
    }

    /// `hashing: 120/400 files, 34.2/120.0 MiB, 12.3 MiB/s, 0:07 left`: the rate in bytes when they are counted,
    /// else in units; the time left from the share of bytes, else of units, done so far.
    static func line(
        label: String, unit: String, done: Int, total: Int?, bytes: UInt64?, totalBytes: UInt64?,
        elapsed: TimeInterval
    ) -> String {
        var parts = [total.map { "\(done)/\($0) \(unit)" } ?? "\(done) \(unit)"]
        let share: Double?
        if let bytes {
            let mebibytes = Double(bytes) / 1_048_576
            parts.append(
                totalBytes.map { String(format: "%.1f/%.1f MiB", mebibytes, Double($0) / 1_048_576) }
                    ?? String(format: "%.1f MiB", mebibytes))
            parts.append(String(format: "%.1f MiB/s", elapsed > 0 ? mebibytes / elapsed : 0))
            share = totalBytes.flatMap { $0 > 0 ? Double(bytes) / Double($0) : nil }
        } else {
            parts.append(String(format: "%.0f \(unit)/s", elapsed > 0 ? Double(done) / elapsed : 0))
            share = total.flatMap { $0 > 0 ? Double(done) / Double($0) : nil }
        }
        if let share, share > 0, share < 1 {
            parts.append(duration(elapsed * (1 - share) / share) + " left")
        }
        return "\(label): " + parts.joined(separator: ", ")
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    private static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }

    /// Clears the progress line once the work is over.
    func finish() {
        if drew.load(ordering: .relaxed) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
