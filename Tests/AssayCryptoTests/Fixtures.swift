import Foundation

/// Locates the shared third-party fixtures at `../shared/fixtures` relative to the package root.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // AssayCryptoTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures")

    static let x509 = root.appendingPathComponent("x509")

    /// Whether the x509 fixtures are present; tests that need them are disabled otherwise.
    static var x509Available: Bool {
        FileManager.default.fileExists(atPath: x509.appendingPathComponent("openssl-ground-truth-full.tsv").path)
    }

    /// The rows of a tab-separated file with a header line, as dictionaries keyed by column name.
    static func tsv(_ url: URL) -> [[String: String]] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst()
        return lines.map {
            Dictionary(
                uniqueKeysWithValues: zip(header, $0 + Array(repeating: "", count: max(0, header.count - $0.count))))
        }
    }
}
