import Foundation

/// Reads the regular files of a tar or zip archive as a stream, one at a time in archive order, without
/// extracting anything to disk.
///
/// For small archives whose every file is wanted in memory (evidence packs); bundles are read by
/// ``BundleReader``, which hashes without keeping content.
public struct ArchiveFiles {
    /// One entry: its name as stored, and its content when it is a regular file (`nil` for anything else).
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]?
    }

    /// Calls `body` with each entry of the archive at `path`, in order; stops when `maxBytes` of content were read.
    public static func forEach(
        in path: String, maxBytes: Int = 1 << 31, _ body: (File) throws -> Void
    ) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw BundleError.notFound(path: path) }
        let archive = try ArchiveHandle(path: path)
        var total = 0
        while let header = try archive.nextHeader() {
            let name = String(decoding: header.path, as: UTF8.self)
            guard header.kind == .file else {
                try archive.skipData(entry: name)
                try body(File(name: name, bytes: nil))
                continue
            }
            var bytes: [UInt8] = []
            while true {
                let chunk = try archive.readData(capacity: 64 * 1024, entry: name)
                if chunk.isEmpty { break }
                total += chunk.count
                guard total <= maxBytes else {
                    throw BundleError.limitExceeded(path: path, limit: "bytes of content", value: UInt64(maxBytes))
                }
                bytes += chunk
            }
            try body(File(name: name, bytes: bytes))
        }
        _ = try archive.finish()
    }
}
