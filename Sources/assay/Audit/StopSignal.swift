import Dispatch
import Foundation
import Synchronization

/// Turns SIGTERM and SIGINT into a request to stop, seen between runs of a foreground loop.
///
/// The signals' default action (ending the process at once) is replaced by dispatch sources, so a run in
/// progress is never cut short: the loop finishes it, then sees the request.
final class StopSignal {
    /// What the signal handlers share with the loop.
    private final class State: Sendable {
        let semaphore = DispatchSemaphore(value: 0)
        let name = Mutex<String?>(nil)

        func receive(_ label: String) {
            let first = name.withLock { current in
                defer { current = current ?? label }
                return current == nil
            }
            if first { semaphore.signal() }
        }
    }

    private let state = State()
    private var sources: [any DispatchSourceSignal] = []

    init() {
        let queue = DispatchQueue(label: "assay.stop-signal")
        let state = state
        for (number, label) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { state.receive(label) }
            source.resume()
            sources.append(source)
        }
    }

    /// The signal received, if any.
    var received: String? { state.name.withLock { $0 } }

    /// Waits up to `seconds`; true when a stop was requested (before or during the wait).
    func wait(seconds: Double) -> Bool {
        if received != nil { return true }
        _ = state.semaphore.wait(timeout: .now() + seconds)
        return received != nil
    }
}
