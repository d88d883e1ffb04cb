public import AssayCrypto

/// How a bundle is read: algorithm, prefix handling, resource limits and progress reporting.
public struct ReadOptions: Sendable {
    /// The digest algorithm for entries and the bundle digest.
    public var algorithm: DigestAlgorithm
    /// Keep an archive's single top-level folder in paths instead of stripping it.
    public var keepPrefix: Bool
    /// Caps on entries and uncompressed bytes.
    public var limits: Limits
    /// Called from worker threads while hashing; keep it cheap (the CLI should throttle its rendering).
    public var progress: (@Sendable (ReadProgress) -> Void)?
    /// Hashing threads for directory trees; defaults to the number of active cores.
    public var workers: Int

    /// Creates options; defaults suit an escrow bundle.
    public init(
        algorithm: DigestAlgorithm = .sha256,
        keepPrefix: Bool = false,
        limits: Limits = Limits(),
        workers: Int = ReadOptions.coreCount,
        progress: (@Sendable (ReadProgress) -> Void)? = nil
    ) {
        self.algorithm = algorithm
        self.keepPrefix = keepPrefix
        self.limits = limits
        self.workers = max(1, workers)
        self.progress = progress
    }

    /// The number of active processor cores.
    public static var coreCount: Int { ProcessInfoCores.active }
}

/// Resource limits: an archive bomb or a runaway tree ends in ``BundleError/limitExceeded(path:limit:value:)``.
public struct Limits: Sendable {
    /// The most entries (files, directories, links) a bundle may have.
    public var maxEntries: Int
    /// The most uncompressed bytes a bundle may hold.
    public var maxTotalBytes: UInt64

    /// Creates limits; the defaults are one million entries and 256 GiB.
    public init(maxEntries: Int = 1_000_000, maxTotalBytes: UInt64 = 256 << 30) {
        self.maxEntries = maxEntries
        self.maxTotalBytes = maxTotalBytes
    }
}

/// A snapshot of hashing progress.
public struct ReadProgress: Sendable, Equatable {
    /// Files hashed so far.
    public var files: Int
    /// Bytes hashed so far.
    public var bytes: UInt64
    /// Files to hash, when known in advance (directory trees; `nil` for archives, which are streamed).
    public var totalFiles: Int?
    /// Bytes to hash, when known in advance.
    public var totalBytes: UInt64?
}
