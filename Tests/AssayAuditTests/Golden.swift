import AssayTestSupport
import Foundation
import Testing

/// Compares text byte for byte with a reviewed file in `Golden/`; `ASSAY_UPDATE_GOLDEN=1` rewrites the file.
enum Golden {
    static func expect(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = Paths.packageRoot + "/Tests/AssayAuditTests/Golden/" + name
        if ProcessInfo.processInfo.environment["ASSAY_UPDATE_GOLDEN"] != nil {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            actual == expected, "\(name) differs from its golden file; review, then ASSAY_UPDATE_GOLDEN=1",
            sourceLocation: sourceLocation)
    }
}
