/// Resource limits: an archive bomb or a runaway tree ends in ``BundleError/limitExceeded(path:limit:value:)``; a
/// path over the path limits is an error finding and is not recorded.
///
/// The defaults fit the largest real source trees (tens of millions of entries, terabytes) and stop hostile input
/// before it exhausts memory or disk time; `--max-entries` and `--max-bytes` change them.
public struct Limits: Sendable {
    /// The most entries (files, directories, links) a bundle may have.
    public var maxEntries: Int
    /// The most uncompressed bytes a bundle may hold.
    public var maxTotalBytes: UInt64
    /// The longest path, in bytes, an entry may have (Linux's `PATH_MAX` by default).
    public var maxPathBytes: Int
    /// The most components a path may have.
    public var maxDepth: Int

    /// The default ``maxEntries``: 50 million.
    public static let defaultMaxEntries = 50_000_000
    /// The default ``maxTotalBytes``: 16 TiB.
    public static let defaultMaxTotalBytes: UInt64 = 16 << 40

    /// Creates limits; the defaults are 50 million entries, 16 TiB, paths of 4,096 bytes and 128 components.
    public init(
        maxEntries: Int = Limits.defaultMaxEntries,
        maxTotalBytes: UInt64 = Limits.defaultMaxTotalBytes,
        maxPathBytes: Int = 4096,
        maxDepth: Int = 128
    ) {
        self.maxEntries = maxEntries
        self.maxTotalBytes = maxTotalBytes
        self.maxPathBytes = maxPathBytes
        self.maxDepth = maxDepth
    }
}
