/// Refuses paths longer or deeper than ``Limits`` allow, so that no name can make a bundle's manifest (which lists
/// every parent folder by its full path) grow with the square of its length.
enum PathLimits {
    /// An error finding when `path` exceeds `limits`, else `nil`.
    static func finding(for path: EntryPath, limits: Limits) -> BundleFinding? {
        if path.bytes.count > limits.maxPathBytes {
            return BundleFinding(
                .pathLimit, .error, path: EntryPath(bytes: Array(path.bytes.prefix(200)) + Array("…".utf8)),
                "path of \(path.bytes.count) bytes is longer than the limit of \(limits.maxPathBytes); entry ignored")
        }
        let depth = path.bytes.count { $0 == UInt8(ascii: "/") } + 1
        if depth > limits.maxDepth {
            return BundleFinding(
                .pathLimit, .error, path: path,
                "path of \(depth) components is deeper than the limit of \(limits.maxDepth); entry ignored")
        }
        return nil
    }
}
