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
