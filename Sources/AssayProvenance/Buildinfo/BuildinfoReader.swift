import AssayBundle
import AssayCrypto

/// Reads a Debian `.buildinfo` file (deb-buildinfo(5)): deb822 text, usually OpenPGP clear-signed, whose
/// `Checksums-*` fields list the `.dsc` it was built from (when `Architecture` includes `source`) and every package
/// built.
///
/// The claim's subjects are the `.deb`, `.udeb` and `.ddeb` lines of `Checksums-Sha256` with the digests the other
/// checksums fields give for the same names; its sources are the `.dsc` lines. A binary-only build lists no `.dsc`:
/// the claim then has no sources and a remark saying so, never a silent link. The clear-signature is checked with
/// `gpgv` only when the policy gives an OpenPGP keyring (see ``OpenPGPCheck``).
enum BuildinfoReader {
    /// The checksums fields, by algorithm name as ``DigestedName`` keys them.
    private static let checksumFields = [
        ("Checksums-Sha256", "sha256", 64), ("Checksums-Sha512", "sha512", 128), ("Checksums-Sha1", "sha1", 40),
        ("Checksums-Md5", "md5", 32),
    ]
    private static let packageSuffixes = [".deb", ".udeb", ".ddeb"]

    /// Whether deb822 text has the fields only a `.buildinfo` has (`Build-Architecture` is required by
    /// deb-buildinfo(5); `Installed-Build-Depends` is written by every dpkg that writes buildinfo files). Only the
    /// field names are looked at, so that a damaged buildinfo is read, and refused naming its line, not
    /// "unrecognized".
    static func matches(_ bytes: [UInt8]) -> Bool {
        let names = Set(bytes.split(separator: UInt8(ascii: "\n")).compactMap { line -> String? in
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            return String(decoding: line[..<colon], as: UTF8.self).lowercased()
        })
        return names.contains("checksums-sha256")
            && (names.contains("build-architecture") || names.contains("installed-build-depends"))
    }

    /// The claim one `.buildinfo` makes; `place` names the file in errors.
    static func claim(from bytes: [UInt8], place: String, policy: VerificationPolicy) throws(ProvenanceError)
        -> ProvenanceClaim
    {
        let document: Deb822
        do {
            document = try Deb822(bytes, file: place)
        } catch {
            throw ProvenanceError(deb822: error, place: place)
        }
        guard let sha256Field = document.field("Checksums-Sha256") else {
            throw .malformed(place: place, field: "Checksums-Sha256", reason: "missing (deb-buildinfo(5) requires it)")
        }
        var digests: [String: [String: String]] = [:]
        for (name, algorithm, length) in checksumFields {
            guard let field = document.field(name) else { continue }
            for (file, hex) in try lines(of: field, hexLength: length, place: place) {
                digests[file, default: [:]][algorithm] = hex
            }
        }
        let listed = try lines(of: sha256Field, hexLength: 64, place: place).map { file, _ in
            DigestedName(name: file, digests: digests[file] ?? [:])
        }
        let subjects = listed.filter { item in packageSuffixes.contains { item.name.hasSuffix($0) } }
        let sources = listed.filter { $0.name.hasSuffix(".dsc") }
        var remarks = listed.filter { item in !subjects.contains(item) && !sources.contains(item) }.map {
            "\($0.name): listed but neither a package nor a .dsc (not a subject)"
        }
        if subjects.isEmpty {
            throw .malformed(
                place: "\(place):\(sha256Field.line)", field: "Checksums-Sha256", reason: "lists no .deb, .udeb or .ddeb")
        }
        if sources.isEmpty { remarks.append(noSourceRemark(document)) }
        var claim = ProvenanceClaim(
            kind: .buildinfo, fileSha256: try ProvenanceError.sha256(bytes),
            strength: .unsigned, subjects: subjects, sources: sources, builder: builder(document), remarks: remarks)
        if document.clearSigned {
            try OpenPGPCheck.clearSigned(bytes, place: place, policy: policy).apply(to: &claim)
        }
        return claim
    }

    /// The `name → hex` rows of a checksums field: ` hex size name` per continuation line.
    private static func lines(of field: Deb822.Field, hexLength: Int, place: String) throws(ProvenanceError)
        -> [(String, String)]
    {
        var rows: [(String, String)] = []
        for line in field.continuation {
            let columns = line.text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            func malformed(_ reason: String) -> ProvenanceError {
                .malformed(place: "\(place):\(line.number)", field: field.name, reason: reason)
            }
            guard columns.count == 3 else { throw malformed("expected 'digest size name', got '\(line.text)'") }
            guard columns[0].count == hexLength, Hex.decode(columns[0]) != nil else {
                throw malformed("'\(columns[0])' is not a digest of \(hexLength) hex digits")
            }
            guard UInt64(columns[1]) != nil else { throw malformed("size '\(columns[1])' is not a number") }
            if rows.contains(where: { $0.0 == String(columns[2]) }) { throw malformed("\(columns[2]) listed twice") }
            rows.append((String(columns[2]), columns[0].lowercased()))
        }
        if rows.isEmpty {
            throw .malformed(place: "\(place):\(field.line)", field: field.name, reason: "lists no files")
        }
        return rows
    }

    /// The remark of a build without a `.dsc`: `Source: NAME (VERSION)` names the source but nothing links to it.
    private static func noSourceRemark(_ document: Deb822) -> String {
        let source = document.field("Source")?.value ?? "unknown"
        let version = source.contains("(") ? "" : document.field("Version").map { " (\($0.value))" } ?? ""
        let architecture = document.field("Architecture")?.value.split(separator: " ") ?? []
        let kind = architecture.contains("source") ? "no .dsc listed" : "binary-only build"
        return "\(kind): no source link (Source: \(source)\(version))"
    }

    /// Who built it, as far as the file says: origin, architecture and the size of the build environment.
    private static func builder(_ document: Deb822) -> String? {
        let origin = document.field("Build-Origin")?.value
        let architecture = document.field("Build-Architecture")?.value
        guard origin != nil || architecture != nil else { return nil }
        var text = [origin, architecture.map { "on \($0)" }].compactMap { $0 }.joined(separator: " ")
        if let depends = document.field("Installed-Build-Depends") {
            let count = ([depends.value] + depends.continuation.map(\.text)).joined(separator: " ")
                .split(separator: ",").count { !$0.allSatisfy(\.isWhitespace) }
            text += " with \(count) installed build dependencies"
        }
        return text
    }
}
