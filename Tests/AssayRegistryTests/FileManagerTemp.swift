import Foundation

/// Temporary files for tests, in one directory per test process.
enum FileManagerTemp {
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("assay-registry-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func file(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
