import AssayCrypto
import AssayRegistry
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

    /// A portal CSV of `rows` products, the row of index `badDate` (if any) with a date that is not one.
    private static func portalCSV(rows: Int, badDate: Int? = nil) -> String {
        var text =
            "\"Category\",\"Name\",\"Manufacturer\",\"Scheme\",\"Assurance Level\",\"Protection Profile(s)\","
            + "\"Certification Date\",\"Archived Date\",\"Certification Report URL\",\"Security Target URL\","
            + "\"Maintenance Date\",\"Maintenance Title\",\"Maintenance Report\",\"Maintenance ST\"\r\n"
        for index in 0..<rows {
            let date = index == badDate ? "13/45/2020" : "06/15/2020"
            text +=
                "\"Network Devices\",\"Product \(index)\",\"Fortinet, Inc.\",\"US\",\"EAL2+,ALC_FLR.2\","
                + "\"CPP_ND_V2.2E\",\"\(date)\",\"06/15/2025\",\"https://example.org/cr-\(index).pdf\","
                + "\"\",\"\",\"\",\"\",\"\"\r\n"
        }
        return text
    }

    @Test("a portal CSV is imported as it is read, with progress in lines; a bad row far in rolls it all back")
    func portalStreamedImport() throws {
        let folder = TemporaryDirectory()
        let store = try Store(location: StoreLocation(path: folder.file("assay.sqlite")), actor: "tester")
        let file = try folder.write("cc.csv", Self.portalCSV(rows: 500))
        let told = Mutex<[(Int, Int)]>([])
        guard
            case .records(let report) = try RegistryFileImport(source: .ccPortal, file: file)
                .run(store: { store }, progress: { done, total in told.withLock { $0.append((done, total)) } })
        else {
            Issue.record("expected a record-registry report")
            return
        }
        #expect(report.rows == 500 && report.added == 500)
        #expect(told.withLock { $0.map(\.0) } == Array(0..<500))
        #expect(told.withLock { $0.allSatisfy { $0.1 == 500 } })
        let bad = try folder.write("bad.csv", Self.portalCSV(rows: 500, badDate: 420))
        let thrown = #expect(throws: StoreError.self) {
            try RegistryFileImport(source: .ccPortal, file: bad).run(store: { store })
        }
        guard case .registry(let error) = thrown else {
            Issue.record("expected the reader's error, got \(String(describing: thrown))")
            return
        }
        #expect(
            error
                == .invalidField(
                    file: bad, at: .line(422), field: "Certification Date",
                    reason: "'13/45/2020' is not a date (MM/DD/YYYY)"))
        #expect(try store.registryRecords(.ccPortal).count == 500)
        #expect(try store.logEntries().count == 1)
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
