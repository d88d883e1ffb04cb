/// Resolves a symlink's target as the kernel will once the bundle is on disk, following the bundle's other
/// symlinks, to tell whether it stays inside the bundle's folder.
///
/// ``SymlinkContainment`` reads one target on its own, which a chain defeats: `a/up -> ..` stays inside, and so
/// does `b -> a/up/..` read alone, yet on disk `b` names the folder's parent.
enum SymlinkResolution {
    /// The most links followed while resolving one target (Linux's `SYMLOOP_MAX` is 40); a longer chain is a loop.
    static let maxHops = 40

    /// Whether `target`, read from the folder of `link`, resolves inside the bundle; `links` are all the bundle's
    /// symlinks and their targets. Absolute targets, a `..` above the root and loops do not stay inside.
    static func staysInside(_ link: EntryPath, target: EntryPath, links: [EntryPath: EntryPath]) -> Bool {
        let slash = UInt8(ascii: "/")
        guard target.bytes.first != slash else { return false }
        // A stack of components still to walk, the next one last.
        var pending: [ArraySlice<UInt8>] = Array(
            ((link.parent?.components ?? []) + target.bytes.split(separator: slash)).reversed())
        var resolved: [ArraySlice<UInt8>] = []
        var hops = 0
        while let component = pending.popLast() {
            if component.isEmpty || component == [UInt8(ascii: ".")] { continue }
            if component == [UInt8(ascii: "."), UInt8(ascii: ".")] {
                guard resolved.popLast() != nil else { return false }
                continue
            }
            resolved.append(component)
            guard let next = links[EntryPath(bytes: Array(resolved.joined(separator: [slash])))] else { continue }
            hops += 1
            guard hops <= maxHops, next.bytes.first != slash else { return false }
            resolved.removeLast()
            pending.append(contentsOf: next.bytes.split(separator: slash).reversed())
        }
        return true
    }
}
