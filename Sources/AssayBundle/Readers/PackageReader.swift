internal import CArchive

/// Reads a `.deb` or an `.ipk` as the bundle of its installed payload, with paths as installed (`usr/bin/hello`).
///
/// The `data.tar.*` member is decompressed and read as a tar straight out of the outer archive (never extracted,
/// never held whole in memory) with every path check and limit of an archive bundle; `debian-binary` is checked and
/// the control member read for the package's metadata, reported beside the payload. Members other than these three
/// (signatures such as `_gpgorigin`) are listed in the metadata and not hashed.
struct PackageReader {
    let path: String
    let format: PackageMetadata.Format
    let options: ReadOptions
    /// The most bytes read from one control file (`control`, `md5sums`).
    static let maxControlFileBytes = 64 << 20

    /// What the control member holds that Assay uses.
    private struct Control {
        let member: String
        var files: [String] = []
        var fields: TagFile?
        var md5sums: [UInt8]?
    }

    func read() throws(BundleError) -> PackageRead {
        let previousLocale = assay_use_c_locale()
        defer { assay_restore_locale(previousLocale) }
        let outer = try ArchiveHandle(path: path, formats: .arOrTar)
        var members: [String] = []
        var control: Control?
        var payload: (member: String, entries: EntryList, findings: [BundleFinding])?
        var tailFindings: [BundleFinding] = []
        do {
            while let header = try outer.nextHeader() {
                let name = Self.memberName(header.path)
                // GNU ar in deterministic mode stores modes without a file type: anything but a folder is a member.
                guard header.kind != .directory else {
                    try outer.skipData(entry: name)
                    continue
                }
                members.append(name)
                if name == "debian-binary" {
                    try checkFormatVersion(outer)
                } else if name.hasPrefix("control.tar"), control == nil {
                    control = try readControl(MemberSource(outer, member: name))
                } else if name.hasPrefix("data.tar"), payload == nil {
                    let read = try readPayload(MemberSource(outer, member: name))
                    payload = (name, read.entries, read.findings)
                } else {
                    try outer.skipData(entry: name)
                }
            }
            tailFindings = try outer.finish()
        } catch {
            // The outer stream's own failure (an opkg tar cut short) names the member it was in, or had just read.
            throw members.last.map { Self.unnamed(error, at: $0) } ?? error
        }
        guard members.first == "debian-binary" else {
            throw BundleError.archiveCorrupt(path: path, entry: nil, reason: "the first member is not debian-binary")
        }
        guard var payload else { throw missing("data.tar", after: members) }
        guard let control else { throw missing("control.tar", after: members) }
        var assembler = ManifestAssembler(options: options, source: format.rawValue, mayStripPrefix: false)
        assembler.package = PackageMetadata(
            format: format, name: control.fields?.values("Package").first?.value,
            version: control.fields?.values("Version").first?.value,
            architecture: control.fields?.values("Architecture").first?.value, members: members,
            controlFiles: control.files, payload: payload.member)
        let manifest = try assembler.assemble(&payload.entries, findings: payload.findings + tailFindings)
        let checksums = control.md5sums.map { OwnChecksums(file: "\(control.member)/md5sums", bytes: $0) }
        return PackageRead(manifest: manifest, checksums: checksums)
    }

    /// A member's name without the `./` of opkg's tar layout.
    private static func memberName(_ raw: [UInt8]) -> String {
        let name = String(decoding: raw, as: UTF8.self)
        return name.hasPrefix("./") ? String(name.dropFirst(2)) : name
    }

    private func missing(_ member: String, after members: [String]) -> BundleError {
        .archiveTruncated(
            path: path, entry: "\(member).*",
            reason: "no such member; the package ends after '\(members.last ?? "the archive header")'")
    }

    /// `debian-binary` holds the format version, `2.0`: dpkg reads any 2.x and refuses the rest.
    private func checkFormatVersion(_ outer: ArchiveHandle) throws(BundleError) {
        let text = try outer.readData(capacity: 64, entry: "debian-binary")
        guard text.starts(with: Array("2.".utf8)) else {
            throw BundleError.archiveCorrupt(
                path: path, entry: "debian-binary",
                reason: "format version '\(ListingBuilder.quoted(text.prefix(16)))' is not 2.x")
        }
        try outer.skipData(entry: "debian-binary")
    }

    private func readPayload(_ source: MemberSource) throws(BundleError) -> (entries: EntryList, findings: [BundleFinding]) {
        try within(source) { () throws(BundleError) in
            try ArchiveReader(path: path, options: options).entries(of: try inner(source))
        }
    }

    /// The control member's file names, with `control` parsed and `md5sums` kept.
    private func readControl(_ source: MemberSource) throws(BundleError) -> Control {
        var control = Control(member: source.member)
        try within(source) { () throws(BundleError) in
            let archive = try inner(source)
            while let header = try archive.nextHeader() {
                let name = Self.memberName(header.path)
                guard header.kind == .file, name == "control" || name == "md5sums" else {
                    if header.kind != .directory { control.files.append(name) }
                    try archive.skipData(entry: name)
                    continue
                }
                control.files.append(name)
                var bytes: [UInt8] = []
                while case let chunk = try archive.readData(capacity: 64 * 1024, entry: name), !chunk.isEmpty {
                    bytes += chunk
                    guard bytes.count <= Self.maxControlFileBytes else {
                        throw BundleError.limitExceeded(
                            path: "\(path): \(source.member)/\(name)", limit: "bytes",
                            value: UInt64(Self.maxControlFileBytes))
                    }
                }
                if name == "md5sums" {
                    control.md5sums = bytes
                } else {
                    control.fields = try TagFile(file: "\(path): \(source.member)/control", bytes: bytes)
                }
            }
            _ = try archive.finish()
        }
        return control
    }

    /// The member as a tar archive, decompressed when it is compressed (gzip with its CRC checked; xz, zstd,
    /// bzip2, lzma by libarchive), as its content says.
    private func inner(_ source: MemberSource) throws(BundleError) -> ArchiveHandle {
        let stream: any DecompressedStream
        switch source.peek(2) {
        case .failure(let failure):
            throw ArchiveHandle.classify(failure.message, path: path, entry: source.member)
        case .success(let magic) where magic == [0x1F, 0x8B]:
            stream = try GzipStream.open(source, path: path)
        case .success:
            switch FilterStream.open(source) {
            case .success(let filter): stream = filter
            case .failure(let failure):
                throw ArchiveHandle.classify(failure.message, path: path, entry: source.member)
            }
        }
        return try ArchiveHandle(path: path, stream: stream, formats: .tar)
    }

    /// Runs `body` on a member, naming the member in its errors; the outer archive's own failure (a package cut
    /// short inside the member) wins over what the inner reader made of it.
    private func within<T>(_ source: MemberSource, _ body: () throws(BundleError) -> T) throws(BundleError) -> T {
        do {
            return try body()
        } catch {
            throw Self.naming(source.member, in: source.error ?? error)
        }
    }

    /// An archive error that names no entry, located at `member`.
    static func unnamed(_ error: BundleError, at member: String) -> BundleError {
        switch error {
        case .archiveTruncated(let path, nil, let reason): .archiveTruncated(path: path, entry: member, reason: reason)
        case .archiveCorrupt(let path, nil, let reason): .archiveCorrupt(path: path, entry: member, reason: reason)
        default: error
        }
    }

    /// An error inside a member, its entry qualified by the member: `data.tar.xz: ./usr/bin/hello`.
    static func naming(_ member: String, in error: BundleError) -> BundleError {
        func qualified(_ entry: String?) -> String {
            guard let entry, entry != member else { return member }
            return "\(member): \(entry)"
        }
        switch error {
        case .archiveTruncated(let path, let entry, let reason):
            return .archiveTruncated(path: path, entry: qualified(entry), reason: reason)
        case .archiveCorrupt(let path, let entry, let reason):
            return .archiveCorrupt(path: path, entry: qualified(entry), reason: reason)
        case .unrecognizedFormat(let path):
            return .archiveCorrupt(path: path, entry: member, reason: "not a tar archive, compressed or not")
        default:
            return error
        }
    }
}
