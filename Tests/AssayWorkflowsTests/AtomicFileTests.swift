import AssayTestSupport
import AssayWorkflows
import Foundation
import Testing

@Suite("Atomic output files")
struct AtomicFileTests {
    @Test("a written file holds exactly the bytes, owner-only, with no temporary file left beside it")
    func writesWholeFile() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("report.json")
        try AtomicFile.write(Array("first".utf8), to: path)
        try AtomicFile.write(to: path) { write in
            try write(Array("second ".utf8))
            try write(Array("version".utf8))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second version")
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test("a producer that fails leaves the old file untouched and no temporary file")
    func failureKeepsOldFile() throws {
        struct Interrupted: Error {}
        let folder = TemporaryDirectory()
        let path = folder.file("manifest.json")
        try AtomicFile.write(Array("old".utf8), to: path)
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: path) { write in
                try write(Array("half".utf8))
                throw Interrupted()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["manifest.json"])
    }

    @Test("a folder that does not exist is a cannot-write error naming the path")
    func missingFolder() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("missing/report.html")
        #expect(throws: WorkflowError.cannotWrite(path: path, reason: "No such file or directory")) {
            try AtomicFile.write(Array("x".utf8), to: path)
        }
    }
}
