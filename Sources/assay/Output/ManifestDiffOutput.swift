import AssayBundle

/// Renders the paths of a manifest diff, one line each: `added`, `removed`, `changed` (with what changed).
enum ManifestDiffOutput {
    static func lines(_ diff: ManifestDiff) -> String {
        var out = ""
        for entry in diff.added { out += "added    \(TerminalText.line(entry.path))\n" }
        for entry in diff.removed { out += "removed  \(TerminalText.line(entry.path))\n" }
        for change in diff.changed {
            out +=
                "changed  \(TerminalText.line(change.path)) "
                + "(\(change.kinds.map(\.rawValue).joined(separator: ", ")))\n"
        }
        return out
    }
}
