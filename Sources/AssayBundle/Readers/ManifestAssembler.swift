/// Turns the entries a reader saw, in reading order and with raw names, into a canonical ``Manifest``:
/// safe relative paths within the path limits, duplicates resolved (the last wins, as extractors do) and flagged, the
/// single top-level folder of an archive stripped and recorded, entries below a symlink refused, implied parent
/// directories added, then the bundle-wide checks.
///
/// Works on the compact ``EntryList`` in place: memory stays proportional to the entry count, never to the square
/// of path lengths, and no entry is copied into a dictionary.
struct ManifestAssembler {
    let options: ReadOptions
    let source: String
    /// Archives may wrap everything in one folder; directory trees never get their root stripped.
    let mayStripPrefix: Bool
    /// A package's own metadata, carried into the manifest beside its payload.
    var package: PackageMetadata?
    /// Paths walked on disk are already safe, within the limits, unique and complete with their parents.
    var walked = false

    /// Assembles the manifest; `entries` is taken over (inout, so that changing it in place copies nothing) and
    /// left empty.
    func assemble(_ raw: inout EntryList, findings readerFindings: [BundleFinding]) throws(BundleError) -> Manifest {
        var entries = raw
        raw = EntryList()
        var findings = readerFindings
        var prefix: EntryPath?
        if !walked {
            findings += Self.normalize(&entries, limits: options.limits)
            entries.sortByPath()
            findings += Self.dropDuplicates(&entries)
            entries.removeDropped()
            prefix = mayStripPrefix && !options.keepPrefix ? Self.singleTopFolder(entries) : nil
            if let prefix {
                Self.strip(prefix, from: &entries)
                findings.append(
                    BundleFinding(
                        .strippedPrefix, .info, path: prefix, "top-level folder '\(prefix)/' stripped from every path"))
            }
            findings += SymlinkParents.check(&entries)
            Self.addParents(&entries)
        } else {
            entries.sortByPath()
        }
        findings += NameVariants.findings(entries)
        findings += SymlinkContainment.findings(entries)
        if package == nil { findings += BuildInstructions.findings(entries) }  // a package's payload is built
        return try Manifest(
            algorithm: options.algorithm, coverage: .complete, source: source, sorted: entries, findings: findings,
            strippedPrefix: prefix, toolVersion: options.toolVersion, package: package
        )
    }

    /// Rewrites every path in its canonical form; unsafe paths, the root itself and paths over the limits are
    /// dropped, with a finding each, in reading order.
    private static func normalize(_ entries: inout EntryList, limits: Limits) -> [BundleFinding] {
        var findings: [BundleFinding] = []
        for index in entries.indices where !entries.record(index).isDropped {
            switch PathSafety.normalize(Array(entries.pathBytes(index))) {
            case .root: entries.drop(index)
            case .unsafe(let finding):
                findings.append(finding)
                entries.drop(index)
            case .path(let path):
                if let finding = PathLimits.finding(for: path, limits: limits) {
                    findings.append(finding)
                    entries.drop(index)
                } else if path.bytes.count != entries.record(index).pathLength {
                    entries.shortenPath(at: index, to: path.bytes)
                }
            }
        }
        return findings
    }

    /// Of entries with the same path (adjacent once sorted, in reading order), keeps the last, as extractors do, and
    /// reports each one it replaces.
    private static func dropDuplicates(_ entries: inout EntryList) -> [BundleFinding] {
        var findings: [BundleFinding] = []
        var previous: Int?
        for index in entries.indices where !entries.record(index).isDropped {
            if let previous, entries.pathBytes(previous).elementsEqual(entries.pathBytes(index)) {
                entries.drop(previous)
                findings.append(
                    BundleFinding(
                        .duplicateEntry, .error, path: entries.path(index), "duplicate entry; the last one is recorded")
                )
            }
            previous = index
        }
        return findings
    }

    /// The one folder every entry lives in, when there is such a folder and something inside it.
    static func singleTopFolder(_ entries: EntryList) -> EntryPath? {
        guard !entries.isEmpty else { return nil }
        let first = entries.pathBytes(0)
        let top = Array(first.prefix { $0 != UInt8(ascii: "/") })
        var hasChild = false
        for index in entries.indices {
            let path = entries.pathBytes(index)
            if path.elementsEqual(top) {
                guard entries.record(index).type == .directory else { return nil }
            } else if path.count > top.count, path.starts(with: top),
                path[path.startIndex + top.count] == UInt8(ascii: "/")
            {
                hasChild = true
            } else {
                return nil
            }
        }
        return hasChild ? EntryPath(bytes: top) : nil
    }

    /// Removes `prefix/` from every path and the `prefix` folder itself (sorted order is kept).
    static func strip(_ prefix: EntryPath, from entries: inout EntryList) {
        let drop = prefix.bytes.count + 1
        for index in entries.indices {
            if entries.pathBytes(index).count == prefix.bytes.count {
                entries.drop(index)
            } else {
                entries.dropPathPrefix(drop, at: index)
            }
        }
        entries.removeDropped()
    }

    /// Archives may omit directory entries; a tree always has them. Adding the implied ones makes both agree.
    ///
    /// Entries are sorted, so a parent is looked up once per run of entries that share it.
    static func addParents(_ entries: inout EntryList) {
        var added: Set<[UInt8]> = []
        var checked: Slice<UnsafeBufferPointer<UInt8>>?
        let count = entries.count
        for index in 0..<count {
            let path = entries.pathBytes(index)
            guard let slash = path.lastIndex(of: UInt8(ascii: "/")) else { continue }
            var parent = path[..<slash]
            if let checked, parent.elementsEqual(checked) { continue }
            checked = parent
            while !parent.isEmpty, !Self.contains(entries, count: count, parent), added.insert(Array(parent)).inserted {
                guard let up = parent.lastIndex(of: UInt8(ascii: "/")) else { break }
                parent = parent[..<up]
            }
        }
        guard !added.isEmpty else { return }
        for directory in added { entries.append(.directory(EntryPath(bytes: directory))) }
        entries.sortByPath()
    }

    /// Whether one of the first `count` (sorted) entries has this path.
    private static func contains(_ entries: EntryList, count: Int, _ path: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if entries.pathBytes(mid).lexicographicallyPrecedes(path) { low = mid + 1 } else { high = mid }
        }
        return low < count && entries.pathBytes(low).elementsEqual(path)
    }
}
