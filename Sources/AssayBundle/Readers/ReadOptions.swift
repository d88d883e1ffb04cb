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
    /// The tool version written into the manifest (the CLI passes its own).
    public var toolVersion: String

    /// Creates options; defaults suit an escrow bundle.
    public init(
        algorithm: DigestAlgorithm = .sha256,
        keepPrefix: Bool = false,
        limits: Limits = Limits(),
        workers: Int = ReadOptions.coreCount,
        toolVersion: String = Manifest.toolVersion,
        progress: (@Sendable (ReadProgress) -> Void)? = nil
    ) {
        self.algorithm = algorithm
        self.keepPrefix = keepPrefix
        self.limits = limits
        self.workers = max(1, workers)
        self.toolVersion = toolVersion
        self.progress = progress
    }

    /// The number of active processor cores.
    public static var coreCount: Int { ProcessInfoCores.active }
}
