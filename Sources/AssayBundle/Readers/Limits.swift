/// Resource limits: an archive bomb or a runaway tree ends in ``BundleError/limitExceeded(path:limit:value:)``; a
/// path over the path limits is an error finding and is not recorded.
public struct Limits: Sendable {
    /// The most entries (files, directories, links) a bundle may have.
    public var maxEntries: Int
    /// The most uncompressed bytes a bundle may hold.
    public var maxTotalBytes: UInt64
    /// The longest path, in bytes, an entry may have (Linux's `PATH_MAX` by default).
    public var maxPathBytes: Int
    /// The most components a path may have.
    public var maxDepth: Int

    /// Creates limits; the defaults are one million entries, 256 GiB, paths of 4,096 bytes and 128 components.
    public init(
        maxEntries: Int = 1_000_000, maxTotalBytes: UInt64 = 256 << 30, maxPathBytes: Int = 4096, maxDepth: Int = 128
    ) {
        self.maxEntries = maxEntries
        self.maxTotalBytes = maxTotalBytes
        self.maxPathBytes = maxPathBytes
        self.maxDepth = maxDepth
    }
}
