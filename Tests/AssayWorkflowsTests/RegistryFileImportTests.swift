import AssayCrypto
import AssayStore
import AssayTestSupport
import AssayWorkflows
import Foundation
import Synchronization
import Testing

@Suite("Registry file import workflow")
struct RegistryFileImportTests {
    private static let certifications = Paths.fixtures + "/certifications"

    @Test("NIST's CMVP list is imported with the file's SHA-256 and progress; a dry run afterwards changes nothing")
    func cmvpImportThenDryRun() throws {
        let file = Self.certifications + "/nist-cmvp-modules-active.json"
        try #require(
            FileManager.default.fileExists(atPath: file), "shared fixtures absent: \(Paths.fixtures) (skipped)")
        let folder = TemporaryDirectory()
        let store = try Store(location: StoreLocation(path: folder.file("assay.sqlite")), actor: "tester")
        let done = Mutex(0)
        guard
            case .records(let first) = try RegistryFileImport(source: .cmvp, file: file)
                .run(store: { store }, progress: { count, _ in done.withLock { $0 = max($0, count) } })
        else {
            Issue.record("expected a record-registry report")
            return
        }
        #expect(first.registry == .cmvp)
        #expect(first.rows == 1073)
        #expect(first.added == first.rows)
        #expect(first.sha256 == (try DigestContext.digest(fileAt: file).digest.hex))
        #expect(done.withLock { $0 } >= first.rows - 1)  // told of each entry as it is reached
        guard
            case .records(let again) = try RegistryFileImport(source: .cmvp, file: file, dryRun: true)
                .run(store: { store })
        else {
            Issue.record("expected a record-registry report")
            return
        }
        #expect(again.unchanged == again.rows)
        #expect(again.added + again.updated == 0)
        #expect(try store.registryRecords(.cmvp, vendor: nil).count == 1073)
    }

    @Test("a file that is not the registry named is refused before the store is opened: no database is created")
    func malformedFileOpensNoStore() throws {
        let folder = TemporaryDirectory()
        let database = folder.file("assay.sqlite")
        let file = try folder.write("modules.json", "{\"not\": \"a module list\"}\n")
        #expect(throws: (any Error).self) {
            try RegistryFileImport(source: .cmvp, file: file).run(store: {
                try Store(location: StoreLocation(path: database), actor: "tester")
            })
        }
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test("the FCC Covered List links the companies it names to vendors as events, the rest reported unmatched")
    func coveredList() throws {
        let file = Paths.fixtures + "/market-access/fcc-covered-list-2026-05-21.csv"
        try #require(
            FileManager.default.fileExists(atPath: file), "shared fixtures absent: \(Paths.fixtures) (skipped)")
        let folder = TemporaryDirectory()
        let store = try Store(location: StoreLocation(path: folder.file("assay.sqlite")), actor: "tester")
        _ = try store.addVendor(VendorDraft(name: "ZTE Corporation"))
        guard
            case .coveredList(let report) = try RegistryFileImport(source: .fccCoveredList, file: file)
                .run(store: { store })
        else {
            Issue.record("expected a Covered List report")
            return
        }
        #expect(report.sha256 == (try DigestContext.digest(fileAt: file).digest.hex))
        #expect(Set(report.events.map(\.vendor.name)) == ["ZTE Corporation"])
        #expect(report.added == report.events.count)
        #expect(!report.unmatched.isEmpty)
    }
}
