internal import CArchive

/// Reads an archive as a stream: this thread reads and inflates, a second one hashes, nothing touches the disk.
///
/// Hardlink entries (which carry no data in tar) take the content of the entry they name; special files and
/// encrypted entries become findings; the entry count and uncompressed bytes are capped by ``Limits``.
struct ArchiveReader {
    let path: String
    let options: ReadOptions

    func read() throws(BundleError) -> Manifest {
        let previousLocale = assay_use_c_locale()
        defer { assay_restore_locale(previousLocale) }
        let archive = try ArchiveHandle(path: path)
        var payload = try entries(of: archive)
        let assembler = ManifestAssembler(options: options, source: archive.formatName, mayStripPrefix: true)
        return try assembler.assemble(&payload.entries, findings: payload.findings)
    }

    /// Streams and hashes every entry of an opened archive, to its very end: the raw entries (hardlinks resolved)
    /// and what was noticed, ready for a ``ManifestAssembler``.
    func entries(of archive: ArchiveHandle) throws(BundleError) -> (entries: EntryList, findings: [BundleFinding]) {
        let hashing = HashingThread(
            algorithm: options.algorithm,
            progress: ProgressCounter(totalFiles: nil, totalBytes: nil, report: options.progress)
        )
        hashing.start()
        var streamed: Streamed
        do {
            streamed = try stream(archive, into: hashing)
        } catch {
            _ = try? hashing.finish()
            if error.isFirstHeaderFailure, archive.isFormatError { throw BundleError.unrecognizedFormat(path: path) }
            throw error.error
        }
        var entries = streamed.entries
        streamed.entries = EntryList()  // the one reference left, so writing digests copies nothing
        try hashing.finish().write(into: &entries)
        let tailFindings = try archive.finish()
        Self.giveContent(&entries, links: streamed.contentLinks)
        let linkFindings = resolveHardlinks(&entries, links: streamed.hardlinks)
        let headerFindings = ZipHeaderConsistency.findings(archive.zipRecords ?? [])
        return (entries, streamed.findings + linkFindings + headerFindings + tailFindings)
    }

    private struct Streamed {
        var entries = EntryList()
        var findings: [BundleFinding] = []
        /// Raw-entry positions of hardlinks and the raw path each names.
        var hardlinks: [(index: Int, target: [UInt8])] = []
        /// Raw-entry positions of hardlinks that carry the content, and the raw path each names (cpio, as in an
        /// rpm, stores a linked file's content with its last link and none with the earlier ones).
        var contentLinks: [(index: Int, target: [UInt8])] = []
    }

    /// A read failure, remembering whether it happened before any header was read (a wrong-magic file).
    private struct StreamError: Error {
        let error: BundleError
        let isFirstHeaderFailure: Bool
    }

    private func stream(_ archive: ArchiveHandle, into hashing: HashingThread) throws(StreamError) -> Streamed {
        let channel = hashing.channel
        var result = Streamed()
        var totalBytes: UInt64 = 0
        do throws(BundleError) {
            while let header = try archive.nextHeader() {
                let path = EntryPath(bytes: header.path)
                let shown = path.description
                let index = result.entries.count
                if index % 1024 == 0 { hashing.take().write(into: &result.entries) }
                if index >= options.limits.maxEntries {
                    throw BundleError.limitExceeded(
                        path: self.path, limit: "entries", value: UInt64(options.limits.maxEntries))
                }
                switch header.kind {
                case _ where header.isEncrypted:
                    result.findings.append(
                        BundleFinding(.encryptedEntry, .error, path: path, "encrypted entry cannot be verified"))
                    try archive.skipData(entry: shown)
                case .hardlink where (header.declaredSize ?? 0) > 0, .file:
                    if header.kind == .hardlink { result.contentLinks.append((index, header.linkTarget ?? [])) }
                    let size = try streamContent(archive, entry: shown, into: channel, total: &totalBytes)
                    if let declared = header.declaredSize, declared != size {
                        throw BundleError.archiveCorrupt(
                            path: self.path, entry: shown, reason: "header says \(declared) bytes, data has \(size)")
                    }
                    channel.send(.end(index: index))
                    result.entries.append(
                        path: header.path, type: .file, size: size, executable: header.executable,
                        digestRoom: options.algorithm)
                case .directory:
                    result.entries.append(path: header.path, type: .directory, size: 0, executable: false)
                case .symlink:
                    result.entries.append(
                        path: header.path, type: .symlink, size: 0, executable: false, target: header.linkTarget ?? [])
                case .hardlink:
                    result.hardlinks.append((index, header.linkTarget ?? []))
                    result.entries.append(
                        path: header.path, type: .file, size: nil, executable: header.executable,
                        digestRoom: options.algorithm)
                case .special:
                    result.findings.append(
                        BundleFinding(.specialFile, .error, path: path, "special file (device, FIFO or socket) not hashed"))
                }
            }
        } catch {
            throw StreamError(error: error, isFirstHeaderFailure: result.entries.isEmpty && result.findings.isEmpty)
        }
        return result
    }

    /// Hands the current entry's content to the hashing thread in chunks of up to 64 KiB, read into buffers the
    /// hashing thread gives back; returns its size.
    private func streamContent(
        _ archive: ArchiveHandle,
        entry: String,
        into channel: ChunkChannel,
        total: inout UInt64
    ) throws(BundleError) -> UInt64 {
        var size: UInt64 = 0
        var chunk = channel.buffer(size: Self.chunkSize)
        defer { channel.recycle(chunk) }  // the buffer that got the end of the entry (or a failure), unsent
        while true {
            let count = try archive.readData(into: &chunk, entry: entry)
            if count == 0 { return size }
            size += UInt64(count)
            total += UInt64(count)
            if total > options.limits.maxTotalBytes {
                throw BundleError.limitExceeded(
                    path: path, limit: "uncompressed bytes", value: options.limits.maxTotalBytes)
            }
            channel.send(.data(chunk, count: count))
            chunk = channel.buffer(size: Self.chunkSize)
        }
    }

    private static let chunkSize = 64 * 1024

    /// Gives each hardlink the size and digest of the file it names: the last earlier file, or earlier resolved
    /// hardlink, with that path. Unresolved hardlinks are dropped, with a finding each.
    private func resolveHardlinks(_ entries: inout EntryList, links: [(index: Int, target: [UInt8])]) -> [BundleFinding] {
        guard !links.isEmpty else { return [] }
        let linkIndexes = Set(links.map(\.index))
        var byPath: [[UInt8]: Int] = [:]
        for index in entries.indices where entries.record(index).type == .file && !linkIndexes.contains(index) {
            byPath[Self.canonical(Array(entries.pathBytes(index)))] = index
        }
        var findings: [BundleFinding] = []
        for link in links {
            if let source = byPath[Self.canonical(link.target)], source < link.index {
                let content = entries[source]
                if let size = content.size { entries.setSize(size, at: link.index) }
                if let digest = content.digest { entries.setDigest(digest, at: link.index) }
                byPath[Self.canonical(Array(entries.pathBytes(link.index)))] = link.index
            } else {
                entries.drop(link.index)
                findings.append(
                    BundleFinding(
                        .unresolvedHardlink, .error, path: entries.path(link.index),
                        "hardlink to '\(EntryPath(bytes: link.target))', which is not an earlier file"))
            }
        }
        return findings
    }

    /// Gives the content of each hardlink that carries it to the earlier, empty file it names: the same file.
    private static func giveContent(_ entries: inout EntryList, links: [(index: Int, target: [UInt8])]) {
        for link in links {
            let target = canonical(link.target)
            guard
                let source = entries.indices[..<link.index].last(where: {
                    let record = entries.record($0)
                    return record.type == .file && record.flags.algorithm != nil && record.size == 0
                        && record.flags.contains(.hasSize) && canonical(Array(entries.pathBytes($0))) == target
                })
            else { continue }
            let content = entries[link.index]
            if let size = content.size { entries.setSize(size, at: source) }
            if let digest = content.digest { entries.setDigest(digest, at: source) }
        }
    }

    /// A raw path with `./` and repeated slashes removed, so `./a` and `a` name the same file.
    private static func canonical(_ raw: [UInt8]) -> [UInt8] {
        if case .path(let path) = PathSafety.normalize(raw) { return path.bytes }
        return raw
    }
}
