import Foundation
import Testing

/// One row of `openssl-ground-truth-full.tsv` joined with its row in `openssl-ground-truth.tsv`.
struct GroundTruthRow: Sendable, CustomTestStringConvertible {
    let fields: [String: String]
    let basic: [String: String]

    var file: String { fields["file", default: ""] }
    var testDescription: String { file }
    var accepted: Bool { fields["openssl_rc"] == "0" }
    var url: URL { Fixtures.x509.appendingPathComponent("certs").appendingPathComponent(file) }

    /// A ground-truth field, `""` when the column is empty.
    subscript(_ column: String) -> String { fields[column, default: ""] }

    /// The rows, or none when the fixtures are absent.
    static let all: [GroundTruthRow] = {
        guard Fixtures.x509Available else { return [] }
        let basic = Fixtures.tsv(Fixtures.x509.appendingPathComponent("openssl-ground-truth.tsv"))
        let byFile = Dictionary(basic.map { ($0["file", default: ""], $0) }, uniquingKeysWith: { first, _ in first })
        return Fixtures.tsv(Fixtures.x509.appendingPathComponent("openssl-ground-truth-full.tsv")).map {
            GroundTruthRow(fields: $0, basic: byFile[$0["file", default: ""], default: [:]])
        }
    }()
}
