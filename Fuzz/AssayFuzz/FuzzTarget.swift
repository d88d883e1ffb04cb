import AssayBundle
import AssayCore
import AssayCrypto
import AssayRegistry
import Foundation

/// The parsers that read untrusted bytes, each a libFuzzer target: any input must give a value or a typed
/// error, never a crash, a hang or a sanitizer report.
enum FuzzTarget: String, CaseIterable {
    /// Every manifest format, detected and forced: Assay JSON, sha256sum, BSD, BagIt, hashdeep, Debian `.dsc`.
    case manifest
    /// The streaming CSV reader, header tables with Windows-1252 decoding, and the certification import format.
    case csv
    /// PEM and DER detection and X.509 parsing, as `cert import-x509` reads files.
    case x509
    /// Partial dates (`2013`, `2013-10`, `2013-10-21`) as import files and flags give them.
    case partialDate = "partial-date"

    /// Runs one input through the target's parsers; errors are expected and ignored.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .manifest:
            _ = try? ManifestCodec.decode(bytes, file: "fuzz")
            for format in ManifestFormat.allCases {
                _ = try? ManifestCodec.decode(bytes, file: "fuzz", format: format)
            }
        case .csv:
            var reader = CSVReader(bytes: bytes, file: "fuzz")
            while let record = try? reader.next() { _ = record }
            if var table = try? CSVTable(reader: CSVReader(bytes: bytes, file: "fuzz"), encoding: .windows1252, required: []) {
                while let row = try? table.next() { _ = table.columns.map { try? row.string($0) } }
            }
            _ = try? CertificationFile.parseCSV(bytes, file: "fuzz")
            _ = try? CertificationFile.parseJSON(Data(bytes), file: "fuzz")
        case .x509:
            _ = try? CertificateFile(bytes: bytes)
            _ = try? PublicKey(bytes: bytes)
        case .partialDate:
            _ = try? PartialDate(parsing: String(decoding: bytes, as: UTF8.self))
        }
    }
}
