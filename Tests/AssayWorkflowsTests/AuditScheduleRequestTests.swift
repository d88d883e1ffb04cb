import AssayAudit
import AssayTestSupport
import AssayWorkflows
import Foundation
import Testing

@Suite("Audit runs: schedule files")
struct AuditScheduleRequestTests {
    @Test("unit files name the installed assay and the database, and are not replaced unless asked")
    func unitFiles() throws {
        let folder = TemporaryDirectory()
        let bin = folder.file("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try folder.write("bin/assay", "#!/bin/sh\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/assay")
        let units = folder.file("units")
        try FileManager.default.createDirectory(atPath: units, withIntermediateDirectories: true)
        var request = AuditScheduleRequest(
            kind: .systemd, reportsFolder: folder.file("reports/../reports"),
            environment: ["PATH": bin, "ASSAY_DB": folder.file("team.sqlite")])
        request.unitFolder = units
        let first = try request.run()
        #expect(first.installedBinary == bin + "/assay" && first.written == .written)
        #expect(first.paths == [units + "/assay-audit.service", units + "/assay-audit.timer"])
        let service = try String(contentsOfFile: first.paths[0], encoding: .utf8)
        #expect(service.contains(bin + "/assay") && service.contains(folder.file("team.sqlite")))
        #expect(service.contains(folder.file("reports")) && !service.contains(".."))
        try folder.write("units/assay-audit.timer", "kept\n")
        #expect(try request.run().written == .refused(existing: units + "/assay-audit.service"))
        #expect(try String(contentsOfFile: units + "/assay-audit.timer", encoding: .utf8) == "kept\n")
        request.replacing = true
        #expect(try request.run().written == .written)
        #expect(try String(contentsOfFile: units + "/assay-audit.timer", encoding: .utf8) == ScheduleTemplates.timer())
    }

    @Test("without an installed assay, a cron line names the placeholder and nothing is written")
    func cronPlaceholder() throws {
        let folder = TemporaryDirectory()
        let request = AuditScheduleRequest(
            kind: .cron, reportsFolder: folder.path, environment: ["PATH": folder.path, "HOME": folder.path])
        let outcome = try request.run()
        #expect(outcome.installedBinary == nil && outcome.written == nil && outcome.paths.isEmpty)
        #expect(outcome.files.count == 1 && outcome.files[0].text.contains(InstalledAssay.placeholder))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
