import Foundation
import Synchronization
import Testing

@testable import AssayWorkflows

/// A reader run ahead on a thread of its own hands over every value in order, its error after the values read
/// before it, and stops when the consumer does.
struct ReadAheadThreadTests {
    struct Failure: Error, Equatable {
        let at: Int
    }

    /// A reader of 0, 1, 2, … up to `count` values, throwing at `failure` if given.
    func reader(count: Int, failingAt failure: Int? = nil) -> ReadAheadThread<Int, Failure> {
        var produced = 0
        return ReadAheadThread(batch: 16, depth: 2) { () throws(Failure) -> Int? in
            if produced == failure { throw Failure(at: produced) }
            guard produced < count else { return nil }
            defer { produced += 1 }
            return produced
        }
    }

    @Test(arguments: [0, 1, 15, 16, 17, 1000])
    func everyValueInOrder(count: Int) throws {
        let ahead = reader(count: count)
        defer { ahead.stop() }
        var values: [Int] = []
        while let value = try ahead.next() { values.append(value) }
        #expect(values == Array(0..<count))
        #expect(try ahead.next() == nil)
    }

    @Test func theErrorComesAfterTheValuesReadBeforeIt() {
        let ahead = reader(count: 100, failingAt: 40)
        defer { ahead.stop() }
        var values: [Int] = []
        #expect(throws: Failure(at: 40)) {
            while let value = try ahead.next() { values.append(value) }
        }
        #expect(values == Array(0..<40))
    }

    /// Set when the thread lets its reader go, which it does when it ends.
    final class Flag: Sendable {
        private let value = Atomic(false)
        var isSet: Bool { value.load(ordering: .relaxed) }
        func set() { value.store(true, ordering: .relaxed) }
    }

    /// Sets its flag when released.
    final class Witness: Sendable {
        let flag: Flag
        init(_ flag: Flag) { self.flag = flag }
        deinit { flag.set() }
    }

    @Test func stoppingEarlyEndsTheThread() throws {
        // An endless reader: the thread would wait for room forever if stopping did not end it.
        let released = Flag()
        let ahead = { () -> ReadAheadThread<Int, Failure> in
            let witness = Witness(released)
            var produced = 0
            return ReadAheadThread(batch: 16, depth: 2) { () throws(Failure) -> Int? in
                _ = witness
                defer { produced += 1 }
                return produced
            }
        }()
        #expect(try ahead.next() == 0)
        ahead.stop()
        #expect(try ahead.next() == 1)  // what was handed over before is still there
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while !released.isSet && clock.now < deadline { usleep(1000) }
        #expect(released.isSet)
    }
}
