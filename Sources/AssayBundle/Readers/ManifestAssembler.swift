/// Turns the entries a reader saw, in reading order and with raw names, into a canonical ``Manifest``:
/// safe relative paths within the path limits, duplicates resolved (the last wins, as extractors do) and flagged, the
/// single top-level folder of an archive stripped and recorded, entries below a symlink refused, implied parent
/// directories added, then the bundle-wide checks.
struct ManifestAssembler {
    let options: ReadOptions
    let source: String
    /// Archives may wrap everything in one folder; directory trees never get their root stripped.
    let mayStripPrefix: Bool
    /// A package's own metadata, carried into the manifest beside its payload.
    var package: PackageMetadata?

    func assemble(_ raw: [BundleEntry], findings readerFindings: [Finding]) throws(BundleError) -> Manifest {
        var findings = readerFindings
        var byPath: [EntryPath: BundleEntry] = [:]
        byPath.reserveCapacity(raw.count)
        var order: [EntryPath] = []
        for var entry in raw {
            switch PathSafety.normalize(entry.path.bytes) {
            case .root: continue
            case .unsafe(let finding): findings.append(finding)
            case .path(let path):
                if let finding = PathLimits.finding(for: path, limits: options.limits) {
                    findings.append(finding)
                    continue
                }
                entry.path = path
                if byPath.updateValue(entry, forKey: path) == nil {
                    order.append(path)
                } else {
                    findings.append(
                        Finding(.duplicateEntry, .error, path: path, "duplicate entry; the last one is recorded"))
                }
            }
        }
        var entries = order.compactMap { byPath[$0] }
        let prefix = mayStripPrefix && !options.keepPrefix ? Self.singleTopFolder(entries) : nil
        if let prefix {
            entries = Self.strip(prefix, from: entries)
            findings.append(
                Finding(.strippedPrefix, .info, path: prefix, "top-level folder '\(prefix)/' stripped from every path"))
        }
        let throughLinks = SymlinkParents.check(entries)
        findings += throughLinks.findings
        entries = Self.addingParents(throughLinks.kept)
        entries.sort { $0.path < $1.path }
        findings += NameVariants.findings(entries.map(\.path))
        findings += SymlinkContainment.findings(entries)
        if package == nil { findings += BuildInstructions.findings(entries) }  // a package's payload is built
        return try Manifest(
            algorithm: options.algorithm, coverage: .complete, source: source, entries: entries, findings: findings,
            strippedPrefix: prefix, toolVersion: options.toolVersion, package: package
        )
    }

    /// The one folder every entry lives in, when there is such a folder and something inside it.
    static func singleTopFolder(_ entries: [BundleEntry]) -> EntryPath? {
        guard let first = entries.first?.path.components.first else { return nil }
        let top = EntryPath(bytes: Array(first))
        var hasChild = false
        for entry in entries {
            if entry.path == top {
                guard entry.type == .directory else { return nil }
            } else if entry.path.bytes.starts(with: top.bytes + [UInt8(ascii: "/")]) {
                hasChild = true
            } else {
                return nil
            }
        }
        return hasChild ? top : nil
    }

    static func strip(_ prefix: EntryPath, from entries: [BundleEntry]) -> [BundleEntry] {
        let drop = prefix.bytes.count + 1
        return entries.compactMap { entry in
            guard entry.path != prefix else { return nil }
            var stripped = entry
            stripped.path = EntryPath(bytes: Array(entry.path.bytes.dropFirst(drop)))
            return stripped
        }
    }

    /// Archives may omit directory entries; a tree always has them. Adding the implied ones makes both agree.
    static func addingParents(_ entries: [BundleEntry]) -> [BundleEntry] {
        var known = Set(entries.map(\.path))
        var result = entries
        for entry in entries {
            var parent = entry.path.parent
            while let directory = parent, known.insert(directory).inserted {
                result.append(.directory(directory))
                parent = directory.parent
            }
        }
        return result
    }
}
