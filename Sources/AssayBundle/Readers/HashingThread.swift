import AssayCrypto
import Foundation

/// The hashing side of an archive read: a dedicated thread that digests the chunks the reader hands over.
final class HashingThread: @unchecked Sendable {
    let channel = ChunkChannel()
    private let algorithm: DigestAlgorithm
    private let progress: ProgressCounter
    private let done = DispatchSemaphore(value: 0)
    private var digests: [Int: Digest] = [:]
    private var error: BundleError?

    init(algorithm: DigestAlgorithm, progress: ProgressCounter) {
        self.algorithm = algorithm
        self.progress = progress
    }

    /// Starts hashing on a new thread.
    func start() {
        let thread = Thread { [self] in
            run()
            done.signal()
        }
        thread.name = "assay-archive-hash"
        thread.start()
    }

    /// Closes the channel, waits for the thread to drain it, and returns the digests by raw-entry position.
    func finish() throws(BundleError) -> [Int: Digest] {
        channel.close()
        done.wait()
        if let error { throw error }
        return digests
    }

    private func run() {
        do throws(CryptoError) {
            let hasher = try Hasher(algorithm)
            let batch = ProgressBatch(counter: progress)
            while let message = channel.receive() {
                switch message {
                case .data(let chunk):
                    hasher.update(chunk)
                    batch.add(chunk.count)
                case .end(let index):
                    digests[index] = try hasher.finalize()
                    batch.finish()
                }
            }
        } catch {
            self.error = .crypto(error)
            channel.close()
        }
    }
}
