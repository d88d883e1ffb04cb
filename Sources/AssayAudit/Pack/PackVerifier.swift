import AssayBundle
import AssayCrypto
import AssayStore
import Foundation

/// Checks an evidence pack offline, with no database: every file against the `MANIFEST`, the manifest's and the
/// checkpoint's signatures, the log's hash chain up to the checkpoint's head, and that every record the reports,
/// dossiers and escrow files name has a state in the log (evidence files and manifests with the digests the log
/// states for them).
public struct PackVerifier {
    /// The organisation's public key that must have signed the pack.
    public var key: PublicKey

    public init(key: PublicKey) {
        self.key = key
    }

    /// Reads the tar at `path` as a stream (nothing is extracted) and verifies it.
    /// - Throws: ``AuditError/pack(path:reason:)`` when the file is not a readable tar.
    public func verify(_ path: String) throws(AuditError) -> PackVerification {
        var result = PackVerification(
            pack: path, files: 0, entries: 0, keyFingerprint: key.fingerprint.hex, recordsChecked: 0, problems: [])
        var files: [String: [UInt8]] = [:]
        var order: [String] = []
        do {
            try ArchiveFiles.forEach(in: path) { file in
                result.files += 1
                guard let bytes = file.bytes else { return result.add(file.name, "is not a regular file") }
                if files[file.name] != nil { result.add(file.name, "appears more than once") }
                files[file.name] = bytes
                order.append(file.name)
            }
        } catch let error as BundleError {
            throw .pack(path: path, reason: error.description)
        } catch {
            throw .pack(path: path, reason: "\(error)")
        }
        checkManifest(files, order: order, into: &result)
        let states = checkLog(files, into: &result)
        PackReferences(files: files, states: states).check(into: &result)
        return result
    }

    private func checkManifest(_ files: [String: [UInt8]], order: [String], into result: inout PackVerification) {
        guard let text = files[PackLayout.manifest] else {
            return result.add(PackLayout.manifest, "is missing: nothing can be checked against it")
        }
        if let signature = files[PackLayout.signature] {
            if (try? key.verify(signature: signature, message: text)) != true {
                result.add(
                    PackLayout.signature,
                    "is not a valid signature of \(PackLayout.manifest) by the given key (another key signed it, or "
                        + "either file was altered)")
            }
        } else {
            result.add(PackLayout.signature, "is missing: the manifest is not signed")
        }
        let (manifest, malformed) = PackManifest.parse(text)
        for line in malformed { result.add(PackLayout.manifest, "line \(line) is not 'SHA256  NAME'") }
        for name in manifest.digests.keys.sorted() {
            guard let bytes = files[name] else {
                result.add(name, "is listed in \(PackLayout.manifest) but missing from the pack")
                continue
            }
            if (try? DigestContext.digest(bytes).hex) != manifest.digests[name] {
                result.add(name, "does not have the SHA-256 that \(PackLayout.manifest) gives it (altered)")
            }
        }
        for name in order
        where manifest.digests[name] == nil && name != PackLayout.manifest
            && name != PackLayout.signature
        {
            result.add(name, "is not listed in \(PackLayout.manifest) (added)")
        }
    }

    /// Chains the log, checks the checkpoint against its head and returns the records' states it gives.
    private func checkLog(_ files: [String: [UInt8]], into result: inout PackVerification) -> LogRecordStates {
        var states = LogRecordStates()
        guard let text = files[PackLayout.log] else {
            result.add(PackLayout.log, "is missing: the records cannot be traced to the log")
            return states
        }
        let decoder = JSONDecoder()
        do {
            var chain = try LogChain()
            for (index, line) in text.split(separator: 0x0A).enumerated() {
                guard let entry = try? decoder.decode(LogEntry.self, from: Data(line)) else {
                    result.add(PackLayout.log, "line \(index + 1) is not a log entry")
                    break
                }
                if let reason = try chain.append(entry) {
                    result.add(PackLayout.log, "entry \(entry.seq) (line \(index + 1)): \(reason)")
                    break
                }
                guard states.apply(entry) else {
                    result.add(PackLayout.log, "entry \(entry.seq): its record rows are not in the rows format")
                    break
                }
                result.entries += 1
                result.headSeq = entry.seq
                result.headHash = entry.hash
            }
        } catch {
            result.add(PackLayout.log, "cannot be hashed: \(error.description)")
        }
        checkCheckpoint(files, into: &result)
        return states
    }

    private func checkCheckpoint(_ files: [String: [UInt8]], into result: inout PackVerification) {
        let name = PackLayout.checkpoint
        guard let bytes = files[name] else { return result.add(name, "is missing: the log's head is not signed") }
        let checkpoint: LogCheckpoint
        do {
            checkpoint = try LogCheckpoint(json: bytes, path: name)
        } catch {
            return result.add(name, error.description)
        }
        let signature = Data(base64Encoded: checkpoint.signature).map(Array.init) ?? []
        if (try? key.verify(signature: signature, message: checkpoint.signedMessage)) != true {
            result.add(name, "is not validly signed by the given key (another key signed it, or it was altered)")
        }
        if checkpoint.seq != result.headSeq || checkpoint.hash != result.headHash {
            result.add(
                name,
                "signs entry \(checkpoint.seq) \(checkpoint.hash), but \(PackLayout.log) chains to "
                    + (result.headSeq.map { "entry \($0) \(result.headHash ?? "")" } ?? "no entry"))
        }
    }
}
