/// Turns a path as stored in an archive or walked on disk into a canonical relative path, or says why it is unsafe.
enum PathSafety {
    enum Outcome: Equatable {
        /// A safe relative path.
        case path(EntryPath)
        /// The path names the bundle root itself (`.`, `./`): nothing to record.
        case root
        /// An unsafe path, reported and never recorded.
        case unsafe(BundleFinding)
    }

    /// Drops empty and `.` components (`./a`, `a/`, `a//b`); refuses absolute paths, `..` components and NUL bytes.
    static func normalize(_ raw: [UInt8]) -> Outcome {
        let shown = EntryPath(bytes: raw)
        if raw.isEmpty || raw.contains(0) {
            return .unsafe(BundleFinding(.invalidName, .error, path: shown, "empty name or NUL byte in name; entry ignored"))
        }
        if raw.first == UInt8(ascii: "/") {
            return .unsafe(BundleFinding(.absolutePath, .error, path: shown, "absolute path; entry ignored"))
        }
        var kept: [ArraySlice<UInt8>] = []
        for component in raw.split(separator: UInt8(ascii: "/")) where component != [UInt8(ascii: ".")] {
            if component == [UInt8(ascii: "."), UInt8(ascii: ".")] {
                return .unsafe(BundleFinding(.parentComponent, .error, path: shown, "'..' component in path; entry ignored"))
            }
            kept.append(component)
        }
        guard !kept.isEmpty else { return .root }
        return .path(EntryPath(bytes: Array(kept.joined(separator: [UInt8(ascii: "/")]))))
    }
}
