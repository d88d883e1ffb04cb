/// Refuses entries placed "through" a symlink of the same bundle: a tar with `link -> /etc` and then
/// `link/cron.d/evil` describes no real tree, and extracting it writes outside the folder (a classic attack).
enum SymlinkParents {
    /// The entries whose parent paths are not symlinks of the bundle, and an error finding for each other one.
    static func check(_ entries: [BundleEntry]) -> (kept: [BundleEntry], findings: [Finding]) {
        let links = Set(entries.lazy.filter { $0.type == .symlink }.map(\.path))
        guard !links.isEmpty else { return (entries, []) }
        var kept: [BundleEntry] = []
        var findings: [Finding] = []
        for entry in entries {
            let slashes = entry.path.bytes.indices.lazy.filter { entry.path.bytes[$0] == UInt8(ascii: "/") }
            if let link = slashes.map({ EntryPath(bytes: Array(entry.path.bytes[..<$0])) }).first(where: links.contains)
            {
                findings.append(
                    Finding(
                        .pathThroughSymlink, .error, path: entry.path,
                        "parent '\(link)' is a symlink in this bundle; entry ignored"))
            } else {
                kept.append(entry)
            }
        }
        return (kept, findings)
    }
}
