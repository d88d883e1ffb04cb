/// Reports the build-instruction files at the top of a bundle, the first thing an escrow agent looks for.
enum BuildInstructions {
    /// Exact top-level names (compared case-insensitively).
    static let exactNames: Set<String> = [
        "makefile", "gnumakefile", "makefile.am", "makefile.in", "cmakelists.txt", "package.swift", "configure",
        "configure.ac", "meson.build", "build.gradle", "build.gradle.kts", "settings.gradle", "pom.xml", "cargo.toml",
        "go.mod", "setup.py", "setup.cfg", "pyproject.toml", "package.json", "build.bazel", "workspace", "sconstruct",
        "build.xml", "debian",
    ]
    /// Name prefixes (compared case-insensitively): `README.md`, `INSTALL.txt`, `BUILDING`.
    static let prefixes = ["readme", "install", "build"]

    static func findings(_ entries: EntryList) -> [BundleFinding] {
        let found = entries.indices.lazy.filter { !entries.pathBytes($0).contains(UInt8(ascii: "/")) }.map {
            entries[$0]
        }.filter { entry in
            guard let name = entry.path.utf8String?.lowercased() else { return false }
            return exactNames.contains(name) || prefixes.contains { name.hasPrefix($0) }
        }
        guard !found.isEmpty else {
            return [
                BundleFinding(
                    .noBuildInstructions, .warning, path: nil,
                    "no build instructions (README, INSTALL, Makefile…) at the top level")
            ]
        }
        let names = found.map(\.path.description).joined(separator: ", ")
        return [BundleFinding(.buildInstructions, .info, path: nil, "build instructions found: \(names)")]
    }
}
