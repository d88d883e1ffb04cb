import AssayCrypto
import Foundation
import Testing

/// Every file in `../shared/fixtures/x509` must get OpenSSL's verdict, fingerprint, names, dates and algorithms.
@Suite(.enabled(if: Fixtures.x509Available, "x509 fixtures absent at ../shared/fixtures/x509"))
struct CertificateGroundTruthTests {
    static let fixedDate = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z

    @Test func groundTruthIsComplete() {
        #expect(GroundTruthRow.all.count == 188)
    }

    @Test(arguments: GroundTruthRow.all.filter { $0.accepted && $0["notAfter_iso"] != "Bad time value" })
    func acceptedFileMatchesOpenSSL(row: GroundTruthRow) throws {
        let file = try CertificateFile(contentsOf: row.url.path)
        #expect(file.encoding.rawValue == row["container"])
        #expect(file.certificates.count == max(1, Int(row["n_pem_certs"]) ?? 0))
        #expect(!file.skippedBlocks.contains(.certificate))
        let certificate = try #require(file.certificates.first)
        #expect(certificate.fingerprint.hex == row["der_sha256_crosscheck"])
        #expect(colonHex(certificate.fingerprint.hex) == row.basic["sha256_fingerprint"])
        #expect(certificate.subject == row["subject_rfc2253_utf8"])
        #expect(certificate.issuer == row["issuer_rfc2253_utf8"])
        #expect(certificate.serialNumber == row["serial"])
        #expect(certificate.signatureAlgorithm == row["sig_alg"])
        #expect(certificate.publicKey.algorithm == row["pubkey_alg"])
        #expect(certificate.isSelfIssued == (row["self_issued"] == "yes"))
        #expect(tsvISO(certificate.notBefore) == row["notBefore_iso"])
        #expect(tsvISO(certificate.notAfter) == row["notAfter_iso"])
        #expect(opensslText(certificate.notBefore) == row.basic["notBefore"])
        #expect(opensslText(certificate.notAfter) == row.basic["notAfter"])
        let status = certificate.validity(at: Self.fixedDate)
        #expect(
            status.rawValue == row["status_at_2025-01-01"].replacingOccurrences(of: "within-validity", with: "valid"))
    }

    @Test(arguments: GroundTruthRow.all.filter { $0["notAfter_iso"] == "Bad time value" })
    func unparseableDateIsAClearError(row: GroundTruthRow) {
        #expect(throws: CryptoError.invalidTime(field: "notAfter")) { try CertificateFile(contentsOf: row.url.path) }
    }

    @Test(arguments: GroundTruthRow.all.filter { !$0.accepted })
    func refusedFileIsRefused(row: GroundTruthRow) {
        let expectedKind: CryptoObjectKind? =
            switch row["other_kind_if_not_cert"] {
            case "CSR": .certificateRequest
            case "CRL": .crl
            case "PRIVATE-KEY": .privateKey
            default: nil
            }
        do {
            let file = try CertificateFile(contentsOf: row.url.path)
            Issue.record("accepted \(file.certificates.count) certificate(s); OpenSSL refuses this file")
        } catch {
            if let expectedKind {
                #expect(error == .notACertificate(expectedKind), "\(error)")
            } else {
                #expect(error.code != CryptoError.notACertificate(.certificate).code, "\(error)")
            }
        }
    }

    private func colonHex(_ hex: String) -> String {
        var pairs: [String] = []
        var rest = Substring(hex.uppercased())
        while !rest.isEmpty {
            pairs.append(String(rest.prefix(2)))
            rest = rest.dropFirst(2)
        }
        return pairs.joined(separator: ":")
    }

    /// The ground truth's ISO form: `2011-05-05 09:37:37Z`.
    private func tsvISO(_ date: Date) -> String {
        date.formatted(.iso8601.dateSeparator(.dash).dateTimeSeparator(.space).timeSeparator(.colon))
            .replacingOccurrences(of: "Z", with: "") + "Z"
    }

    /// OpenSSL's own form: `May  5 09:37:37 2011 GMT`.
    private func opensslText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = String(parts.day ?? 0)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "" }
        return "\(months[(parts.month ?? 1) - 1]) \(day.count == 1 ? " " + day : day) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) \(parts.year ?? 0) GMT"
    }
}
