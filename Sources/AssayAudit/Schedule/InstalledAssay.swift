/// Where a scheduled audit finds the `assay` binary and its manual page, looked up as a shell and `man` would.
///
/// A scheduled job must not run a binary from a build folder (`.build/debug/assay` disappears with the next
/// clean) nor name a manual page that nothing installed. The file system is reached only through the closures
/// passed in, so the rules can be tested without installing anything.
public enum InstalledAssay {
    /// What the templates name when no installed binary was found: an absolute path that fails loudly.
    public static let placeholder = "/path/to/assay"

    /// The binary a scheduled job should run: the first executable `assay` in `searchPath` (what
    /// `command -v assay` finds), else `running` (this process's binary), skipping any in a `.build` folder;
    /// `nil` when neither will do.
    public static func binary(searchPath: String?, running: String?, isExecutable: (String) -> Bool) -> String? {
        let found = (searchPath ?? "").split(separator: ":").lazy
            .filter { $0.hasPrefix("/") }
            .map { folder in folder.hasSuffix("/") ? "\(folder)assay" : "\(folder)/assay" }
            .first { isInstalled($0) && isExecutable($0) }
        if let found { return found }
        guard let running, running.hasPrefix("/"), isInstalled(running) else { return nil }
        return running
    }

    /// True when `man assay` would find a page: `assay.1` (or `.1.gz`) under `man1` of a folder of `manPath`
    /// (`$MANPATH`; an empty entry, or no `$MANPATH`, adds the usual system folders).
    public static func hasManualPage(manPath: String?, exists: (String) -> Bool) -> Bool {
        let standard = ["/usr/local/share/man", "/usr/share/man", "/usr/local/man"]
        var folders: [String] = []
        for entry in (manPath ?? "").split(separator: ":", omittingEmptySubsequences: false) {
            folders += entry.isEmpty ? standard : [String(entry)]
        }
        return folders.contains { folder in
            ["assay.1", "assay.1.gz"].contains { exists("\(folder)/man1/\($0)") }
        }
    }

    /// False for a path inside a SwiftPM build folder.
    private static func isInstalled(_ path: String) -> Bool {
        !path.split(separator: "/").contains(".build")
    }
}
