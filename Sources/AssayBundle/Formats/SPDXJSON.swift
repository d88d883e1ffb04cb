import AssayCrypto
import Foundation

/// SPDX 2.2 and 2.3 documents in JSON (the specification's JSON schema): `files[]` with `checksums` and
/// `fileTypes`, `packages[]` with `packageVerificationCode` and `hasFiles`, `relationships[]`.
enum SPDXJSON {
    private struct Document: Decodable {
        var spdxVersion: String
        var files: [File]?
        var packages: [Package]?
        var relationships: [Relationship]?
    }

    private struct Checksum: Decodable {
        var algorithm: String
        var checksumValue: String
    }

    private struct File: Decodable {
        var SPDXID: String
        var fileName: String
        var checksums: [Checksum]?
        var fileTypes: [String]?
    }

    private struct Package: Decodable {
        struct Code: Decodable {
            var packageVerificationCodeValue: String
            var packageVerificationCodeExcludedFiles: [String]?
        }
        var SPDXID: String
        var name: String
        var packageVerificationCode: Code?
        var checksums: [Checksum]?
        var hasFiles: [String]?
    }

    private struct Relationship: Decodable {
        var spdxElementId: String
        var relationshipType: String
        var relatedSpdxElement: String
    }

    /// Whether bytes are a JSON object with `spdxVersion` `SPDX-2.x`.
    static func matches(_ bytes: [UInt8]) -> Bool {
        let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        return (object?["spdxVersion"] as? String)?.hasPrefix("SPDX-2.") == true
    }

    /// Parses a document; errors name the JSON field.
    static func parse(_ bytes: [UInt8], file: String) throws(BundleError) -> SPDXDocument {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw BundleError.invalidManifest(file: file, field: Self.path(error), reason: Self.reason(error))
        } catch {
            throw BundleError.invalidManifest(file: file, field: "", reason: "not JSON")
        }
        guard document.spdxVersion.hasPrefix("SPDX-2.") else {
            throw BundleError.invalidManifest(file: file, field: "spdxVersion", reason: "'\(document.spdxVersion)' is not SPDX 2.x")
        }
        func checksums(_ list: [Checksum]?, field: String) throws(BundleError) -> [SPDXDocument.Checksum] {
            var result: [SPDXDocument.Checksum] = []
            for (index, item) in (list ?? []).enumerated() {
                let checksum = SPDXDocument.Checksum(
                    algorithm: item.algorithm, hex: item.checksumValue.lowercased())
                try SPDXBuilder.check(checksum) { reason in
                    .invalidManifest(file: file, field: "\(field).checksums[\(index)]", reason: reason)
                }
                result.append(checksum)
            }
            return result
        }
        var files: [SPDXDocument.File] = []
        for (index, entry) in (document.files ?? []).enumerated() {
            files.append(.init(
                id: entry.SPDXID, name: entry.fileName, checksums: try checksums(entry.checksums, field: "files[\(index)]"),
                types: (entry.fileTypes ?? []).map { $0.uppercased() }, line: nil))
        }
        let relationships = (document.relationships ?? []).map {
            SPDXDocument.Relationship(
                element: $0.spdxElementId, type: $0.relationshipType.uppercased(), related: $0.relatedSpdxElement)
        }
        var packages: [SPDXDocument.Package] = []
        let lonePackage = (document.packages ?? []).count == 1
        for (index, entry) in (document.packages ?? []).enumerated() {
            let code = entry.packageVerificationCode?.packageVerificationCodeValue.lowercased()
            if let code, code.count != 40 || Hex.decode(code) == nil {
                throw BundleError.invalidManifest(
                    file: file, field: "packages[\(index)].packageVerificationCode", reason: "'\(code)' is not a SHA-1")
            }
            var members = SPDXBuilder.members(of: entry.SPDXID, listed: entry.hasFiles ?? [], relationships)
            // A lone package that names none of its files holds them all (how many tools write JSON).
            if members.isEmpty, lonePackage, code != nil { members = files.map(\.id) }
            packages.append(.init(
                id: entry.SPDXID, name: entry.name, verificationCode: code,
                excludedFiles: entry.packageVerificationCode?.packageVerificationCodeExcludedFiles ?? [],
                checksums: try checksums(entry.checksums, field: "packages[\(index)]"), fileIds: members))
        }
        return SPDXDocument(version: document.spdxVersion, files: files, packages: packages, relationships: relationships)
    }

    private static func path(_ error: DecodingError) -> String {
        let context: DecodingError.Context? =
            switch error {
            case .keyNotFound(let key, let context): .init(codingPath: context.codingPath + [key], debugDescription: "")
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): context
            @unknown default: nil
            }
        return (context?.codingPath ?? []).map { key in
            key.intValue.map { "[\($0)]" } ?? "." + key.stringValue
        }.joined().drop { $0 == "." }.description
    }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound: "missing"
        case .typeMismatch(let type, _): "not a \(type == String.self ? "string" : "\(type)")"
        case .valueNotFound: "null"
        case .dataCorrupted: "not valid JSON"
        @unknown default: "invalid"
        }
    }
}
