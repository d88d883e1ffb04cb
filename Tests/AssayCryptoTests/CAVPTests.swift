import AssayCrypto
import Foundation
import Testing

/// Every record of every NIST CAVP hash vector file in the shared fixtures.
@Suite(.enabled(if: CAVP.available, "fixtures not found at ../shared/fixtures/hashes (see fixtures/README.md)"))
struct CAVPTests {
    @Test(arguments: CAVP.files)
    func everyRecordMatches(file: String, algorithm: DigestAlgorithm) throws {
        let records = try CAVP.records(in: file)
        #expect(records.count > 60, "too few records parsed from \(file)")
        let hasher = try DigestContext(algorithm)
        for record in records {
            hasher.update(record.message)
            #expect(try hasher.finalize().hex == record.digest, "\(file) Len = \(record.message.count * 8)")
        }
    }

    @Test func streamingInChunksEqualsOneShot() throws {
        let record = try #require(try CAVP.records(in: "SHA512LongMsg.rsp").last)
        let hasher = try DigestContext(.sha512)
        for start in stride(from: 0, to: record.message.count, by: 7) {
            hasher.update(Array(record.message[start..<min(start + 7, record.message.count)]))
        }
        #expect(try hasher.finalize().hex == record.digest)
    }
}

/// Parser for CAVP `.rsp` files: `Len = bits`, `Msg = hex`, `MD = hex`; CRLF lines; `Len = 0` is written `Msg = 00`.
enum CAVP {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/fixtures/hashes")

    static let available = FileManager.default.fileExists(atPath: folder.path)

    static let files: [(String, DigestAlgorithm)] = [
        ("SHA256ShortMsg.rsp", .sha256), ("SHA256LongMsg.rsp", .sha256), ("SHA384ShortMsg.rsp", .sha384),
        ("SHA512ShortMsg.rsp", .sha512), ("SHA512LongMsg.rsp", .sha512),
        ("SHA3_256ShortMsg.rsp", .sha3_256), ("SHA3_256LongMsg.rsp", .sha3_256),
    ]

    struct Record {
        let message: [UInt8]
        let digest: String
    }

    static func records(in file: String) throws -> [Record] {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        var records: [Record] = []
        var length = 0
        var message: [UInt8] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let parts = rawLine.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !rawLine.hasPrefix("[") else { continue }
            switch parts[0] {
            case "Len": length = Int(parts[1]) ?? -1
            case "Msg": message = Array((Hex.decode(parts[1]) ?? []).prefix(length / 8))
            case "MD": records.append(Record(message: message, digest: parts[1].lowercased()))
            default: continue
            }
        }
        return records
    }
}
