import AssayCrypto

/// Collects an SPDX tag-value document's files, packages and relationships tag by tag, checking each value and
/// naming the line of any problem.
struct SPDXBuilder {
    let file: String
    private var version: String?
    private var files: [(id: String?, name: String, checksums: [SPDXDocument.Checksum], types: [String], line: Int)] = []
    private var packages: [(id: String?, name: String, code: String?, excluded: [String],
        checksums: [SPDXDocument.Checksum], files: [Int], line: Int)] = []
    private var relationships: [SPDXDocument.Relationship] = []
    /// What the latest element tag opened: a package, a file, or something Assay skips (snippets, licences).
    private var current: Element = .document

    private enum Element { case document, package, file, other }

    init(file: String) { self.file = file }

    private func malformed(_ line: Int, _ tag: String, _ reason: String) -> BundleError {
        .malformedManifest(file: file, line: line, reason: "\(tag): \(reason)")
    }

    mutating func take(tag: String, value: String, line: Int) throws(BundleError) {
        switch tag {
        case "SPDXVersion":
            guard version == nil else { throw malformed(line, tag, "repeated") }
            guard value.hasPrefix("SPDX-2.") else { throw malformed(line, tag, "'\(value)' is not SPDX 2.x") }
            version = value
        case "PackageName":
            packages.append((nil, value, nil, [], [], [], line))
            current = .package
        case "FileName":
            files.append((nil, value, [], [], line))
            if !packages.isEmpty { packages[packages.count - 1].files.append(files.count - 1) }
            current = .file
        case "SnippetSPDXID", "LicenseID":
            current = .other
        case "SPDXID":
            switch current {
            case .package: packages[packages.count - 1].id = value
            case .file: files[files.count - 1].id = value
            case .document, .other: break
            }
        case "FileChecksum" where current == .file:
            files[files.count - 1].checksums.append(try checksum(value, line: line, tag: tag))
        case "FileType" where current == .file:
            files[files.count - 1].types.append(value.uppercased())
        case "PackageChecksum" where current == .package:
            packages[packages.count - 1].checksums.append(try checksum(value, line: line, tag: tag))
        case "PackageVerificationCode" where current == .package:
            let (code, excluded) = try verificationCode(value, line: line, tag: tag)
            packages[packages.count - 1].code = code
            packages[packages.count - 1].excluded = excluded
        case "Relationship":
            let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard words.count == 3 else { throw malformed(line, tag, "expected 'SPDXRef-A TYPE SPDXRef-B'") }
            relationships.append(.init(element: words[0], type: words[1].uppercased(), related: words[2]))
        default:
            break
        }
    }

    /// `SHA1: hex`, checked against the algorithm's digest length when Assay knows it.
    private func checksum(_ value: String, line: Int, tag: String) throws(BundleError) -> SPDXDocument.Checksum {
        guard let colon = value.firstIndex(of: ":") else { throw malformed(line, tag, "expected 'ALGORITHM: hex'") }
        let algorithm = String(value[..<colon]).trimmingBlanks
        let hex = String(value[value.index(after: colon)...]).trimmingBlanks.lowercased()
        try SPDXBuilder.check(SPDXDocument.Checksum(algorithm: algorithm, hex: hex)) { reason in
            malformed(line, tag, reason)
        }
        return SPDXDocument.Checksum(algorithm: algorithm, hex: hex)
    }

    /// Refuses a value that is not hex, or not the digest length of an algorithm Assay knows.
    static func check(_ checksum: SPDXDocument.Checksum, _ error: (String) -> BundleError) throws(BundleError) {
        guard !checksum.hex.isEmpty, Hex.decode(checksum.hex) != nil else {
            throw error("'\(checksum.hex)' is not hex")
        }
        if let algorithm = checksum.digestAlgorithm, checksum.hex.count != algorithm.outputByteCount * 2 {
            throw error("'\(checksum.hex)' is not a \(checksum.algorithm) digest (\(algorithm.outputByteCount * 2) hex digits)")
        }
    }

    /// `hex` or `hex (excludes: ./a, ./b)`.
    private func verificationCode(_ value: String, line: Int, tag: String) throws(BundleError) -> (String, [String]) {
        let parts = value.split(separator: "(", maxSplits: 1)
        let code = String(parts.first ?? "").trimmingBlanks.lowercased()
        guard code.count == 40, Hex.decode(code) != nil else { throw malformed(line, tag, "'\(code)' is not a SHA-1") }
        guard parts.count == 2 else { return (code, []) }
        var list = String(parts[1]).trimmingBlanks
        guard list.hasSuffix(")") else { throw malformed(line, tag, "expected '(excludes: FILE, …)'") }
        list.removeLast()
        if let colon = list.firstIndex(of: ":") { list = String(list[list.index(after: colon)...]) }
        return (code, list.split(separator: ",").map { String($0).trimmingBlanks }.filter { !$0.isEmpty })
    }

    func build() throws(BundleError) -> SPDXDocument {
        guard let version else { throw malformed(1, "SPDXVersion", "missing") }
        var documentFiles: [SPDXDocument.File] = []
        for entry in files {
            guard let id = entry.id else { throw malformed(entry.line, "FileName", "\(entry.name) has no SPDXID") }
            documentFiles.append(.init(id: id, name: entry.name, checksums: entry.checksums, types: entry.types, line: entry.line))
        }
        var documentPackages: [SPDXDocument.Package] = []
        for entry in packages {
            guard let id = entry.id else { throw malformed(entry.line, "PackageName", "\(entry.name) has no SPDXID") }
            let listed = entry.files.map { documentFiles[$0].id }
            documentPackages.append(.init(
                id: id, name: entry.name, verificationCode: entry.code, excludedFiles: entry.excluded,
                checksums: entry.checksums, fileIds: SPDXBuilder.members(of: id, listed: listed, relationships)))
        }
        return SPDXDocument(version: version, files: documentFiles, packages: documentPackages, relationships: relationships)
    }

    /// A package's files: those listed with it, and those a `CONTAINS` relationship (or its inverse `CONTAINED_BY`)
    /// puts in it, without repeats.
    static func members(of package: String, listed: [String], _ relationships: [SPDXDocument.Relationship]) -> [String] {
        var ids = listed
        for relationship in relationships {
            let member: String? =
                switch relationship.type {
                case "CONTAINS" where relationship.element == package: relationship.related
                case "CONTAINED_BY" where relationship.related == package: relationship.element
                default: nil
                }
            if let member, !ids.contains(member) { ids.append(member) }
        }
        return ids
    }
}
