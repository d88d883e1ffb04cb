import AssayCore
import AssayStore
import AssayTestSupport
import AssayWorkflows
import Foundation
import Testing

@Suite("Certification workflows: X.509 import and registry reconciliation")
struct CertificationWorkflowTests {
    private static let certificates = Paths.fixtures + "/x509/certs"

    private static func claims(of vendor: String, in store: Store) throws -> [CertificationDetails] {
        var filter = CertificationFilter()
        filter.vendor = vendor
        return try store.certifications(filter)
    }

    private func requireFixtures() throws {
        try #require(
            FileManager.default.fileExists(atPath: Self.certificates),
            "shared fixtures absent: \(Paths.fixtures) (skipped)")
    }

    @Test("certificates go to the vendor their subject's O= names; a second import changes nothing")
    func importsBySubjectOrganization() throws {
        try requireFixtures()
        let folder = TemporaryDirectory()
        let store = try Store(location: StoreLocation(path: folder.file("assay.sqlite")), actor: "tester")
        _ = try store.addVendor(VendorDraft(name: "ACCV"))
        let file = Self.certificates + "/accvraiz1.pem"
        let first = try CertificateFileImport.run([file], vendor: nil) { store }
        #expect(first.map(\.outcome) == ["added"])
        #expect(first.first?.subject.contains("O=ACCV") == true)
        let again = try CertificateFileImport.run([file], vendor: nil) { store }
        #expect(again.map(\.outcome) == ["unchanged"])
        #expect(again.first?.certificationId == first.first?.certificationId)
        #expect(try Self.claims(of: "ACCV", in: store).count == 1)
    }

    @Test("a file that holds no certificate is refused before the store is opened: no database is left behind")
    func nonCertificateOpensNoStore() throws {
        try requireFixtures()
        let folder = TemporaryDirectory()
        let database = folder.file("assay.sqlite")
        let request = Self.certificates + "/requests/basic_constraints.pem"
        let error = try #require(throws: WorkflowError.self) {
            try CertificateFileImport.run([Self.certificates + "/accvraiz1.pem", request], vendor: "ACCV") {
                try Store(location: StoreLocation(path: database), actor: "tester")
            }
        }
        #expect(error.code == "x509.not-a-certificate")
        #expect(error.description.hasPrefix(request + ": not a certificate"))
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test("a subject without O= and no vendor given is an error naming file and subject, and registers nothing")
    func subjectWithoutOrganization() throws {
        try requireFixtures()
        let folder = TemporaryDirectory()
        let store = try Store(location: StoreLocation(path: folder.file("assay.sqlite")), actor: "tester")
        _ = try store.addVendor(VendorDraft(name: "ACCV"))
        let file = Self.certificates + "/ed25519/ed25519-rfc8410.pem"
        let error = try #require(throws: WorkflowError.self) {
            try CertificateFileImport.run([Self.certificates + "/accvraiz1.pem", file], vendor: nil) { store }
        }
        #expect(error == .noOrganization(file: file, subject: "CN=IETF Test Demo"))
        #expect(try Self.claims(of: "ACCV", in: store).isEmpty)
    }

    @Test("reconciliation passes with no CC claim, and fails on a CC claim the imported portal list lacks")
    func reconciliationVerdict() throws {
        let portal = Paths.fixtures + "/certifications/cc-portal-products-active.csv"
        try #require(FileManager.default.fileExists(atPath: portal), "shared fixtures absent (skipped)")
        let folder = TemporaryDirectory()
        let store = try Store(location: StoreLocation(path: folder.file("assay.sqlite")), actor: "tester")
        _ = try store.addVendor(VendorDraft(name: "Borealis Telecom"))
        var iso = CertificationDraft(vendor: "Borealis Telecom", scheme: try CertificationScheme("iso27001"))
        iso.number = "ISO-1"
        _ = try store.addCertification(iso)
        _ = try RegistryFileImport(source: .ccPortal, file: portal).run(store: { store })
        let day = try CalendarDate(iso: "2025-01-01")
        let quiet = try ClaimReconciliation.run(vendor: "Borealis Telecom", asOf: day, in: store)
        #expect(quiet.findings.isEmpty)
        #expect(quiet.passed)
        var cc = CertificationDraft(vendor: "Borealis Telecom", scheme: try CertificationScheme("cc"))
        cc.number = "BSI-DSZ-CC-9999-2024"
        _ = try store.addCertification(cc)
        let checked = try ClaimReconciliation.run(vendor: nil, asOf: day, in: store)
        #expect(checked.findings.map(\.outcome) == [.notFound])
        #expect(!checked.passed)
    }
}
