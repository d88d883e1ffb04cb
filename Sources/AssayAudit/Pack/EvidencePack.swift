import AssayBundle
import AssayCore
import AssayCrypto
import AssayStore
import Foundation

/// Writes an evidence pack: one tar holding the audit report, vendors' dossiers, the evidence files, deposits,
/// manifests and verification runs they rest on, the audit log up to a freshly signed checkpoint, a `MANIFEST` of
/// every file's SHA-256 and the manifest's signature (``PackLayout``). ``PackVerifier`` checks it with no database.
public struct EvidencePack {
    /// The vendors whose dossiers, records and findings to include (name, alias or id); empty for every vendor.
    public var vendors: [String]
    /// The day the report and the dossiers describe.
    public var asOf: CalendarDate
    /// The policy the audit report applies.
    public var policy: AuditPolicy

    public init(vendors: [String], asOf: CalendarDate, policy: AuditPolicy) {
        self.vendors = vendors
        self.asOf = asOf
        self.policy = policy
    }

    /// What was written.
    public struct Written: Sendable {
        /// How many files the tar holds, MANIFEST and its signature included.
        public var files: Int
        /// The signed checkpoint, also stored in the database: the head of the exported log.
        public var checkpoint: LogCheckpoint
        /// SHA-256 of the MANIFEST.
        public var manifestSha256: String
    }

    /// Builds the pack from `store`, signs it with `key` and writes it to `path` (through a temporary file that is
    /// renamed once complete). Signing stores a checkpoint in the database, which refuses a log that does not verify.
    public func write(from store: Store, signingWith key: PrivateKey, to path: String) throws(AuditError) -> Written {
        var files: [(name: String, bytes: [UInt8])] = []
        let vendorIds = try dossierFiles(store, into: &files)
        files.insert(contentsOf: try reportFiles(store, vendorIds: vendors.isEmpty ? nil : Set(vendorIds)), at: 0)
        let records = try AuditError.wrapping { () throws(StoreError) in try store.packRecords(vendorIds: vendorIds) }
        try recordFiles(records, into: &files)
        // Signed last, so that every record the files name was committed at or before the signed head.
        let checkpoint = try AuditError.wrapping { () throws(StoreError) in try store.recordCheckpoint(signingWith: key)
        }
        let entries = try AuditError.wrapping { () throws(StoreError) in try store.logEntries(through: checkpoint.seq) }
        files.append((PackLayout.checkpoint, Array(try AuditError.wrapping(checkpoint.jsonText).utf8)))
        files.append((PackLayout.log, try Self.jsonLines(entries, path: path)))
        let manifest = Array(
            try Self.crypto(path) { () throws(CryptoError) in try PackManifest(files: files) }.text.utf8)
        let signature = try Self.crypto(path) { () throws(CryptoError) in try key.sign(message: manifest) }
        files.append((PackLayout.manifest, manifest))
        files.append((PackLayout.signature, signature))
        try Self.writeTar(files, to: path)
        return Written(
            files: files.count, checkpoint: checkpoint,
            manifestSha256: try Self.crypto(path) { () throws(CryptoError) in try DigestContext.digest(manifest).hex })
    }

    /// The audit report, narrowed to the findings about `vendorIds` (and those about the store itself) when given.
    private func reportFiles(_ store: Store, vendorIds: Set<Int64>?) throws(AuditError)
        -> [(name: String, bytes: [UInt8])]
    {
        let snapshot = try AuditError.wrapping { () throws(StoreError) in try store.auditSnapshot(asOf: asOf) }
        var assessment = AuditEngine().evaluate(snapshot, policy: policy)
        if let vendorIds {
            let concerns = { (finding: Finding) in finding.vendor.map { vendorIds.contains($0.id) } ?? true }
            assessment.findings = assessment.findings.filter(concerns)
            assessment.accepted = assessment.accepted.filter(concerns)
        }
        let digest: String
        do { digest = try policy.digest() } catch { throw .pack(path: "policy", reason: "\(error)") }
        let report = AuditReport(snapshot: snapshot, policyDigest: digest, assessment: assessment)
        let json: String
        do { json = try AuditTabularRenderer.json(report) } catch {
            throw .pack(path: PackLayout.reportJSON, reason: "\(error)")
        }
        return [
            (PackLayout.reportJSON, Array(json.utf8)),
            (PackLayout.reportHTML, Array(try AuditHTMLRenderer.render(report, snapshot: snapshot).utf8)),
        ]
    }

    /// Adds each vendor's dossier; returns the vendors' ids.
    private func dossierFiles(_ store: Store, into files: inout [(name: String, bytes: [UInt8])]) throws(AuditError)
        -> [Int64]
    {
        let references =
            vendors.isEmpty
            ? try AuditError.wrapping { () throws(StoreError) in try store.vendors().map { String($0.id) } } : vendors
        var ids: [Int64] = []
        for reference in references {
            let dossier = try AuditError.wrapping { () throws(StoreError) in try store.dossier(reference, asOf: asOf) }
            let id = dossier.vendor.id
            guard !ids.contains(id) else { continue }
            ids.append(id)
            files.append(
                (
                    PackLayout.dossierJSON(vendorId: id),
                    try Self.json(dossier, name: PackLayout.dossierJSON(vendorId: id))
                ))
            files.append(
                (
                    PackLayout.dossierHTML(vendorId: id),
                    Array(HTMLRenderer.render(DossierOutline.document(dossier)).utf8)
                ))
        }
        return ids
    }

    private func recordFiles(_ records: PackRecords, into files: inout [(name: String, bytes: [UInt8])])
        throws(AuditError)
    {
        for evidence in records.evidence {
            guard let bytes = FileManager.default.contents(atPath: evidence.storedPath) else {
                throw .pack(path: evidence.storedPath, reason: "the evidence file cannot be read")
            }
            files.append((PackLayout.evidence(sha256: evidence.sha256), Array(bytes)))
        }
        for item in records.deposits {
            let id = item.deposit.id
            files.append((PackLayout.deposit(id: id), try Self.json(item.deposit, name: PackLayout.deposit(id: id))))
            files.append((PackLayout.depositManifest(id: id), item.manifest))
            for run in item.verifications {
                files.append(
                    (PackLayout.verification(id: run.id), try Self.json(run, name: PackLayout.verification(id: run.id)))
                )
            }
        }
    }

    /// Pretty JSON with sorted keys, as the CLI prints it.
    private static func json(_ value: some Encodable, name: String) throws(AuditError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value)) + [0x0A]
        } catch {
            throw .pack(path: name, reason: "cannot encode: \(error)")
        }
    }

    /// One entry a line, compact JSON with sorted keys.
    private static func jsonLines(_ entries: [LogEntry], path: String) throws(AuditError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for entry in entries {
            do { bytes += try encoder.encode(entry) } catch {
                throw .pack(path: PackLayout.log, reason: "cannot encode entry \(entry.seq): \(error)")
            }
            bytes.append(0x0A)
        }
        return bytes
    }

    private static func writeTar(_ files: [(name: String, bytes: [UInt8])], to path: String) throws(AuditError) {
        let temporary = path + ".partial-\(getpid())"
        do {
            let writer = try TarWriter(path: temporary, modified: Date())
            for file in files { try writer.add(file.name, file.bytes) }
            try writer.close()
        } catch {
            unlink(temporary)
            throw .pack(path: path, reason: error.description)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .pack(path: path, reason: reason)
        }
    }

    private static func crypto<T>(_ path: String, _ body: () throws(CryptoError) -> T) throws(AuditError) -> T {
        do { return try body() } catch { throw .pack(path: path, reason: error.description) }
    }
}
