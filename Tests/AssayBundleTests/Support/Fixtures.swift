import Foundation
import Testing

/// Paths to the shared third-party test data, `../shared/fixtures` relative to the package root.
enum Fixtures {
    /// The package root, derived from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The fixtures folder.
    static let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")

    /// Whether the fixtures are present; tests that need them are disabled otherwise.
    static let available = FileManager.default.fileExists(atPath: root.path)

    /// The comment shown for tests skipped because the fixtures are missing.
    static let missing: Comment = "fixtures not found at ../shared/fixtures (see fixtures/README.md)"

    /// A path inside the fixtures folder.
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The rows of a tab-separated fixture file, header excluded.
    static func tsv(_ relative: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path(relative), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }
}
