import Foundation

/// Locates the shared third-party fixtures at `../shared/fixtures` relative to the package root.
enum Fixtures {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // AssayRegistryTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    static let certifications = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/certifications")

    static func certification(_ name: String) -> String { certifications.appendingPathComponent(name).path }

    /// The FCC Covered List snapshot of `shared/fixtures/market-access`.
    static let coveredList = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/market-access/fcc-covered-list-2026-05-21.csv").path

    /// Whether the market-access fixtures are present.
    static var coveredListAvailable: Bool { FileManager.default.fileExists(atPath: coveredList) }

    /// Whether the certification registry fixtures are present.
    static var certificationsAvailable: Bool {
        FileManager.default.fileExists(atPath: certification("cc-portal-products-active.csv"))
    }
}
