import AssayTestSupport
import Foundation
import Testing

/// `assay cert import-x509` on real certificates from `../shared/fixtures/x509`, checked against the
/// OpenSSL ground truth beside them.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (real X.509 certificates)"))
struct X509ImportTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }
    let certs = Paths.fixtures + "/x509/certs"

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    /// fingerprint, notBefore and notAfter (ISO) of a fixture file, from openssl-ground-truth-full.tsv.
    func groundTruth(_ file: String) throws -> (fingerprint: String, notBefore: String, notAfter: String) {
        let table = try String(contentsOfFile: Paths.fixtures + "/x509/openssl-ground-truth-full.tsv", encoding: .utf8)
        let rows = table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let header = rows[0].map(String.init)
        let row = try #require(rows.first { $0.first.map(String.init) == file })
        func column(_ name: String) throws -> String { String(row[try #require(header.firstIndex(of: name))]) }
        return (
            try column("sha256_fingerprint").replacingOccurrences(of: ":", with: "").lowercased(),
            // The ground truth writes ISO times with a space: 2013-08-01 12:00:00Z.
            try column("notBefore_iso").replacingOccurrences(of: " ", with: "T"),
            try column("notAfter_iso").replacingOccurrences(of: " ", with: "T")
        )
    }

    @Test func certificatesBecomeX509CertificationsMatchingOpenSSL() throws {
        try assay("vendor", "add", "PyCA Example", "--country", "US")
        let files = [
            "cryptography.io.chain.pem", "e-trust.ru.der", "cryptography.io.with_garbage.pem", "ecdsa_root.pem",
        ]
        let run = try AssayProcess.run(
            ["cert", "import-x509", "--vendor", "PyCA Example", "--format", "json"]
                + files.map { certs + "/" + $0 }, database: db)
        #expect(run.exitCode == 0, "\(run.stderr)")
        // The chain's leaf is also the with_garbage file's certificate: registered once.
        #expect(run.stderr == "4 added, 1 unchanged\n")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let fingerprints = Set(results.compactMap { $0["fingerprint"] as? String })
        for file in ["e-trust.ru.der", "ecdsa_root.pem", "cryptography.io.with_garbage.pem"] {
            #expect(fingerprints.contains(try groundTruth(file).fingerprint), "\(file)")
        }
        let truth = try groundTruth("ecdsa_root.pem")
        let id = try #require(
            results.first { $0["fingerprint"] as? String == truth.fingerprint }?["certificationId"] as? Int)
        let shown = try assay("cert", "show", "\(id)", "--format", "json")
        #expect(try SchemaValidator.problems(in: shown.stdout, schema: "certification.schema.json") == nil)
        let cert = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let x509 = try #require(cert["x509"] as? [String: Any])
        #expect(x509["notBefore"] as? String == truth.notBefore)
        #expect(x509["notAfter"] as? String == truth.notAfter)
        #expect(cert["issuedOn"] as? String == String(truth.notBefore.prefix(10)))
        #expect(cert["validUntil"] as? String == String(truth.notAfter.prefix(10)))
        #expect(x509["subject"] as? String == "CN=DigiCert Global Root G3,OU=www.digicert.com,O=DigiCert Inc,C=US")
    }

    @Test func theVendorCanComeFromTheSubjectOrganization() throws {
        try assay("vendor", "add", "Минкомсвязь России", "--country", "RU")
        #expect(try assay("cert", "import-x509", certs + "/e-trust.ru.der").exitCode == 0)
        let unknown = try assay("cert", "import-x509", certs + "/ecdsa_root.pem")
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr == "assay: error[store.unknown-vendor]: unknown vendor 'DigiCert Inc'\n")
    }

    @Test func weakCertificatesAreFlagged() throws {
        try assay("vendor", "add", "VeriSign", "--country", "US")
        let run = try assay("cert", "import-x509", "--vendor", "VeriSign", certs + "/verisign_md2_root.pem")
        #expect(run.stdout.contains("signed with the weak digest MD2"))
    }

    @Test func nonCertificatesAreRefusedSayingWhatTheyAreAndNothingIsWritten() throws {
        try assay("vendor", "add", "PyCA Example", "--country", "US")
        let cases: [(String, String, String)] = [
            (
                "requests/rsa_sha256.pem", "x509.not-a-certificate",
                "not a certificate: this is a certificate signing request (CSR)"
            ),
            (
                "badasn1time.pem", "x509.invalid-time",
                "certificate notAfter is not a valid ASN.1 time; no date was guessed"
            ),
        ]
        for (file, code, message) in cases {
            let run = try assay(
                "cert", "import-x509", "--vendor", "PyCA Example", certs + "/ecdsa_root.pem", certs + "/" + file)
            #expect(run.exitCode == 2)
            #expect(run.stderr == "assay: error[\(code)]: \(certs)/\(file): \(message)\n")
        }
        let key = try directory.write(
            "key.pem",
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----\n"
        )
        let refused = try assay("cert", "import-x509", "--vendor", "PyCA Example", key)
        #expect(refused.exitCode == 2 && refused.stderr.contains("not a certificate: this is a private key"))
        #expect(try assay("cert", "list", "--format", "csv").stdout.split(separator: "\r\n").count == 1)
        #expect(try assay("log", "verify").stdout.hasPrefix("OK 1 entries"))
    }
}
