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

    /// Whether the certification registry fixtures are present.
    static var certificationsAvailable: Bool {
        FileManager.default.fileExists(atPath: certification("cc-portal-products-active.csv"))
    }
}
