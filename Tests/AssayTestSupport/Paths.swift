import Foundation

/// Where the package, its shared fixtures and the built binary are.
public enum Paths {
    /// The package root, found from this source file's location.
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `../shared/fixtures` beside the package, where real third-party test data lives.
    public static let fixtures = URL(fileURLWithPath: packageRoot).deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures").path

    /// True when the shared fixtures are present; tests that need them are skipped otherwise.
    public static var fixturesAvailable: Bool { FileManager.default.fileExists(atPath: fixtures + "/README.md") }

    /// A file under `Schemas/`.
    public static func schema(_ name: String) -> String { packageRoot + "/Schemas/" + name }

    /// Another executable of the package, built beside `assay` (such as `assay-stress-driver`).
    public static func product(_ name: String) -> String {
        URL(fileURLWithPath: assayBinary).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// The built `assay` executable: `$ASSAY_BIN`, else beside the running test bundle.
    public static let assayBinary: String = {
        if let explicit = ProcessInfo.processInfo.environment["ASSAY_BIN"] { return explicit }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]))
        for candidate in candidates {
            var folder = candidate.deletingLastPathComponent()
            for _ in 0..<4 {
                let binary = folder.appendingPathComponent("assay").path
                if FileManager.default.isExecutableFile(atPath: binary) { return binary }
                folder.deleteLastPathComponent()
            }
        }
        return packageRoot + "/.build/debug/assay"
    }()
}
