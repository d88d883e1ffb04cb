import AssayCrypto
import Foundation
import Synchronization

/// The hashing side of an archive read: a dedicated thread that digests the chunks the reader hands over.
final class HashingThread: @unchecked Sendable {
    let channel = ChunkChannel()
    private let algorithm: DigestAlgorithm
    private let progress: ProgressCounter
    private let done = DispatchSemaphore(value: 0)
    /// Digests finished and not yet taken by the reader, which takes them as it goes: a handful at a time.
    private let finished = Mutex(Digests())
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

    /// The digests finished since the last call, by raw-entry position.
    func take() -> Digests {
        finished.withLock { digests in
            let taken = digests
            digests = Digests()
            return taken
        }
    }

    /// Closes the channel, waits for the thread to drain it, and returns the digests not taken yet.
    func finish() throws(BundleError) -> Digests {
        channel.close()
        done.wait()
        if let error { throw error }
        return take()
    }

    private func run() {
        do throws(CryptoError) {
            let hasher = try DigestContext(algorithm)
            let batch = ProgressBatch(counter: progress)
            while let message = channel.receive() {
                switch message {
                case .data(let chunk, let count):
                    chunk.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
                    batch.add(count)
                    channel.recycle(chunk)
                case .end(let index):
                    try finished.withLock { digests throws(CryptoError) in try digests.append(hasher, at: index) }
                    batch.finish()
                }
            }
        } catch {
            self.error = .crypto(error)
            channel.close()
        }
    }
}

/// The digests of an archive's files, side by side in one buffer, in the order the files were read.
struct Digests: Sendable {
    private var indexes: [Int] = []
    private var bytes: [UInt8] = []
    private var length = 0

    /// Finishes `hasher`'s digest, the content of the raw entry at `index`.
    mutating func append(_ hasher: DigestContext, at index: Int) throws(CryptoError) {
        length = hasher.algorithm.outputByteCount
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: length))
        var failure: CryptoError?
        bytes.withUnsafeMutableBytes { raw in
            do throws(CryptoError) {
                try hasher.finalize(into: UnsafeMutableRawBufferPointer(rebasing: raw[start...]))
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        indexes.append(index)
    }

    /// Writes each digest into the room its entry reserved.
    func write(into entries: inout EntryList) {
        for (position, index) in indexes.enumerated() {
            let digest = entries.digestOffset(index)
            entries.replaceBytes(at: digest, with: bytes[position * length..<(position + 1) * length])
        }
    }
}
