/// Flags symlinks whose target, resolved lexically from the link's folder, leaves the bundle.
enum SymlinkContainment {
    static func findings(_ entries: EntryList) -> [BundleFinding] {
        entries.indices.compactMap { index in
            guard entries.record(index).type == .symlink else { return nil }
            let entry = entries[index]
            guard let target = entry.linkTarget, escapes(from: entry.path, to: target) else { return nil }
            return BundleFinding(.symlinkOutside, .warning, path: entry.path, "symlink points outside the bundle: \(target)")
        }
    }

    static func escapes(from link: EntryPath, to target: EntryPath) -> Bool {
        if target.bytes.first == UInt8(ascii: "/") { return true }
        var depth = link.components.count - 1
        for component in target.bytes.split(separator: UInt8(ascii: "/")) {
            if component == [UInt8(ascii: ".")] { continue }
            if component == [UInt8(ascii: "."), UInt8(ascii: ".")] {
                depth -= 1
                if depth < 0 { return true }
            } else {
                depth += 1
            }
        }
        return false
    }
}
