import Foundation
import Synchronization

/// The last stop signal received (0 while none has been), set by the handler below.
private let receivedSignal = Atomic<Int32>(0)

/// Turns SIGTERM and SIGINT into a request to stop, seen between runs of a foreground loop.
///
/// The handler only records the signal (an atomic store is async-signal-safe), so a run in progress is never cut
/// short: the loop finishes it, then sees the request. It is installed synchronously, so no signal sent after
/// `init` returns can be lost.
struct StopSignal {
    init() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGTERM, SIGINT] {
            signal(number) { number in receivedSignal.store(number, ordering: .relaxed) }
            sigaddset(&signals, number)
        }
        // A parent may have started us with these signals blocked (a blocked mask is inherited): accept them here.
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// The signal received, if any.
    var received: String? {
        switch receivedSignal.load(ordering: .relaxed) {
        case 0: nil
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        case let other: "signal \(other)"
        }
    }

    /// Waits up to `seconds`, looking for a stop request every 0.1 s; true when one came.
    func wait(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while received == nil && Date() < deadline {
            Thread.sleep(forTimeInterval: min(0.1, max(0, deadline.timeIntervalSinceNow)))
        }
        return received != nil
    }
}
