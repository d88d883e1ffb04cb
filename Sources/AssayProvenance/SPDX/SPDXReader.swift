import AssayBundle
import AssayCrypto

/// Reads an SPDX 2.x SBOM (tag-value or JSON) as provenance: which files are generated from which.
///
/// Subjects are the files something is generated from (`GENERATED_FROM`, or its inverse `GENERATES`) and the
/// `BINARY` files, with every checksum given; sources are the files (or packages) they are generated from, or,
/// when the document has no such relationship, every `SOURCE` file. A package verification code that does not
/// match its files' SHA-1s is a remark, not an error (real SBOMs get it wrong). SPDX documents are not signed.
enum SPDXReader {
    static func claim(from bytes: [UInt8], place: String) throws(ProvenanceError) -> ProvenanceClaim {
        let document: SPDXDocument
        do {
            document = try SPDXDocument.parse(bytes, file: place)
        } catch {
            throw ProvenanceError(spdx: error, place: place)
        }
        let pairs = document.generatedFrom
        var subjectIds = pairs.map(\.generated)
        for file in document.files where file.types.contains("BINARY") { subjectIds.append(file.id) }
        var sourceIds = pairs.map(\.source)
        var remarks: [String] = []
        if pairs.isEmpty {
            sourceIds = document.files.filter { $0.types.contains("SOURCE") }.map(\.id)
            remarks.append("no GENERATED_FROM relationship: the sources are every SOURCE file")
        }
        let subjects = unique(subjectIds).compactMap { document.file(id: $0).map(named) }
        guard !subjects.isEmpty else {
            throw .malformed(
                place: place, field: "files",
                reason: "no BINARY file and no GENERATED_FROM relationship (nothing to vouch for)")
        }
        let sources = unique(sourceIds).compactMap { id in
            document.file(id: id).map(named)
                ?? document.packages.first { $0.id == id }.map {
                    DigestedName(name: $0.name, digests: digests($0.checksums))
                }
        }
        remarks += try ProvenanceError.crypto { () throws(CryptoError) in try document.verificationCodeMismatches() }
        return ProvenanceClaim(
            kind: .spdx, fileSha256: try ProvenanceError.sha256(bytes), strength: .unsigned, subjects: subjects,
            sources: sources, remarks: remarks)
    }

    private static func named(_ file: SPDXDocument.File) -> DigestedName {
        DigestedName(name: file.name, digests: digests(file.checksums))
    }

    private static func digests(_ checksums: [SPDXDocument.Checksum]) -> [String: String] {
        Dictionary(checksums.map { ($0.algorithm.lowercased(), $0.hex) }) { first, _ in first }
    }

    private static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
