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
