/// Refuses entries placed "through" a symlink of the same bundle: a tar with `link -> /etc` and then
/// `link/cron.d/evil` describes no real tree, and extracting it writes outside the folder (a classic attack).
enum SymlinkParents {
    /// Removes the entries whose parent paths are symlinks of the bundle, with an error finding for each.
    static func check(_ entries: inout EntryList) -> [BundleFinding] {
        let list = entries
        let links = Set(list.indices.filter { list.record($0).type == .symlink }.map { list.path($0) })
        guard !links.isEmpty else { return [] }
        var findings: [BundleFinding] = []
        for index in entries.indices {
            let path = entries.path(index)
            let slashes = path.bytes.indices.lazy.filter { path.bytes[$0] == UInt8(ascii: "/") }
            if let link = slashes.map({ EntryPath(bytes: Array(path.bytes[..<$0])) }).first(where: links.contains) {
                findings.append(
                    BundleFinding(
                        .pathThroughSymlink, .error, path: path,
                        "parent '\(link)' is a symlink in this bundle; entry ignored"))
                entries.drop(index)
            }
        }
        entries.removeDropped()
        return findings
    }
}
