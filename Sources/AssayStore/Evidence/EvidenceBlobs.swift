import AssayCrypto
import Foundation

/// The content-addressed folder of evidence files beside the database: `sha256/ab/abcdef…`, owner-only.
struct EvidenceBlobs {
    let root: String
    /// For a PostgreSQL store, whose files' bytes are in its `blobBody` table: each body's size and, when rehashed,
    /// whether its bytes still have its SHA-256. `nil`: the files in `root` are the bodies.
    var databaseBodies: [String: (size: Int64, intact: Bool?)]?

    /// Where a blob lives, relative to the evidence folder.
    static func relativePath(sha256: String) -> String {
        "sha256/\(sha256.prefix(2))/\(sha256)"
    }

    /// Copies a file in under its SHA-256 unless those bytes are already stored; never leaves a partial blob
    /// under its final name (the copy is written to a temporary name, synced, then renamed).
    func store(fileAt path: String) throws(StoreError) -> (sha256: String, size: Int64) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .io(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .io(path: path, reason: "not a regular file") }
        let (digest, size) = try StoreError.hashing { () throws(CryptoError) in try DigestContext.digest(fileAt: path) }
        let hex = digest.hex
        let destination = root + "/" + Self.relativePath(sha256: hex)
        if FileManager.default.fileExists(atPath: destination) { return (hex, Int64(size)) }
        let folder = (destination as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
            )
            let temporary = folder + "/.incoming-\(getpid())-\(hex.prefix(16))"
            try? FileManager.default.removeItem(atPath: temporary)
            // copyItem copies a symlink as a symlink: copy the file it names, so the blob holds the bytes.
            let source = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            try FileManager.default.copyItem(atPath: source, toPath: temporary)
            var copiedInfo = stat()
            guard lstat(temporary, &copiedInfo) == 0, copiedInfo.st_mode & S_IFMT == S_IFREG else {
                try? FileManager.default.removeItem(atPath: temporary)
                throw StoreError.io(path: path, reason: "not a regular file")
            }
            chmod(temporary, 0o400)
            let fd = open(temporary, O_RDONLY)
            if fd >= 0 {
                fsync(fd)
                close(fd)
            }
            // The copy must still hold the bytes we hashed: the source may have changed in between.
            let (copied, _) = try StoreError.hashing { () throws(CryptoError) in try DigestContext.digest(fileAt: temporary) }
            guard copied == digest else {
                try? FileManager.default.removeItem(atPath: temporary)
                throw StoreError.io(path: path, reason: "the file changed while it was being stored; try again")
            }
            guard rename(temporary, destination) == 0 else {
                throw StoreError.io(path: destination, reason: String(cString: strerror(errno)))
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .io(path: destination, reason: "cannot store evidence: \(error.localizedDescription)")
        }
        return (hex, Int64(size))
    }
}

extension EvidenceBlobs {
    /// Writes bytes (a manifest, a report, a file another client stored) in under their SHA-256, as
    /// ``store(fileAt:)`` does; `name` says what they are in a message.
    @discardableResult
    func store(bytes: [UInt8], name: String) throws(StoreError) -> (sha256: String, size: Int64) {
        let folder = root + "/incoming"
        let temporary = folder + "/\(getpid())-\(UUID().uuidString)"
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw .io(path: temporary, reason: "cannot write \(name): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        return try store(fileAt: temporary)
    }

    /// The same check on the bodies a PostgreSQL store keeps in its `blobBody` table (every file's size and, when
    /// `rehash`, whether its bytes still have its SHA-256, computed by the server); unchanged for an SQLite store.
    func readingBodies(_ db: any SQLConnection, rehash: Bool) throws -> EvidenceBlobs {
        guard db.dialect == .postgresql else { return self }
        var bodies: [String: (size: Int64, intact: Bool?)] = [:]
        let intact = rehash ? #"encode(sha256("body"), 'hex') = "sha256""# : "NULL"
        try db.forEachRow(
            #"SELECT "sha256", length("body") AS "size", "# + intact + #" AS "intact" FROM "blobBody""#, []
        ) { row in
            bodies[try row["sha256"]] = (try row["size"], try row["intact"] as Bool?)
        }
        var copy = self
        copy.databaseBodies = bodies
        return copy
    }

    /// Checks that each evidence row's file is stored with its recorded size and, when `rehash`, its SHA-256;
    /// adds a difference for each row whose file is not.
    func check(_ evidence: [EvidenceRecord], rehash: Bool, into comparison: inout RecordComparison) {
        var problems: [String: String?] = [:]  // by SHA-256: what is wrong with the file, checked once per blob
        for record in evidence {
            comparison.evidenceFiles += 1
            let problem = problems[record.sha256] ?? problem(sha256: record.sha256, size: record.size, rehash: rehash)
            problems[record.sha256] = problem
            guard let problem, let id = record.id else { continue }
            comparison.add(
                RecordDifference(
                    kind: .evidenceFile, table: EvidenceRecord.databaseTableName, key: "[\(id)]", fields: [],
                    message:
                        "evidence #\(id) (\(record.originalName)): file \(Self.relativePath(sha256: record.sha256)) "
                        + problem))
        }
    }

    /// Checks the files the binary-equivalence records keep (artefacts, evidence, manifests, build logs, rebuilt
    /// copies, diffoscope reports) the same way.
    func check(_ blobs: [StoredBlobRecord], rehash: Bool, into comparison: inout RecordComparison) {
        for blob in blobs {
            comparison.evidenceFiles += 1
            guard let problem = problem(sha256: blob.sha256, size: blob.size, rehash: rehash) else { continue }
            comparison.add(
                RecordDifference(
                    kind: .evidenceFile, table: StoredBlobRecord.databaseTableName, key: "[\"\(blob.sha256)\"]",
                    fields: [],
                    message: "\(blob.role) \(blob.originalName): file \(Self.relativePath(sha256: blob.sha256)) "
                        + problem))
        }
    }

    private func problem(sha256: String, size: Int64, rehash: Bool) -> String? {
        if let databaseBodies {
            guard let body = databaseBodies[sha256] else { return "is missing from the database's blobBody table" }
            guard body.size == size else { return "has \(body.size) bytes in blobBody, not the \(size) recorded" }
            return body.intact == false ? "no longer has the SHA-256 recorded (its bytes changed)" : nil
        }
        let path = root + "/" + Self.relativePath(sha256: sha256)
        var info = stat()
        guard lstat(path, &info) == 0 else { return "is missing" }
        guard info.st_mode & S_IFMT == S_IFREG else { return "is not a regular file" }
        guard Int64(info.st_size) == size else {
            return "has \(info.st_size) bytes, not the \(size) recorded"
        }
        guard rehash else { return nil }
        guard let (digest, _) = try? DigestContext.digest(fileAt: path) else { return "cannot be read" }
        return digest.hex == sha256 ? nil : "no longer has the SHA-256 recorded (its bytes changed)"
    }
}
