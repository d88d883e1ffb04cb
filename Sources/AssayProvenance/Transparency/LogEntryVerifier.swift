import AssayCrypto
import Foundation

/// Verifies a Rekor log entry against the log's key from the trusted root: the signed entry timestamp (v1), the
/// RFC 6962 inclusion proof and the signed checkpoint it leads to (v1 and v2).
struct LogEntryVerifier {
    let entry: TransparencyLogEntry
    let log: TrustedRoot.Log
    let place: String

    private func invalid(_ reason: String) -> ProvenanceError {
        .signatureInvalid(place: place, reason: "\(entry.path): \(reason)")
    }

    /// Checks the signed entry timestamp: the log's signature over the canonical JSON of body, integrated time,
    /// log ID (hex) and log index.
    func verifySignedEntryTimestamp(_ set: [UInt8]) throws(ProvenanceError) -> VerificationCheck {
        let payload =
            "{\"body\":\"\(Data(entry.body).base64EncodedString())\",\"integratedTime\":\(entry.integratedTime),"
            + "\"logID\":\"\(Hex.encode(entry.logID))\",\"logIndex\":\(entry.logIndex)}"
        guard try verify(set, over: Array(payload.utf8)) else {
            throw invalid("the signed entry timestamp does not verify with the log key of \(log.baseURL)")
        }
        return VerificationCheck(
            "transparency-log.signed-entry-timestamp",
            "\(log.baseURL) promised entry \(entry.logIndex) at integrated time \(entry.integratedTime)")
    }

    /// Checks the inclusion proof up to its root hash and the checkpoint signing that root.
    func verifyInclusion(_ proof: TransparencyLogEntry.InclusionProof) throws(ProvenanceError) -> [VerificationCheck] {
        if entry.isRekorV2, proof.logIndex != UInt64(entry.logIndex) {
            throw invalid("the inclusion proof is for index \(proof.logIndex), the entry is at \(entry.logIndex)")
        }
        let root: [UInt8]
        do {
            let leaf = try MerkleTree.leafHash(entry.body)
            root = try MerkleTree.root(
                fromLeafHash: leaf, index: proof.logIndex, size: proof.treeSize, proof: proof.hashes)
        } catch let error as MerkleTree.ProofError {
            throw invalid("inclusion proof: \(error)")
        } catch {
            throw .crypto(error as? CryptoError ?? .openSSL("SHA-256"))
        }
        guard root == proof.rootHash else {
            throw invalid("the inclusion proof leads to root \(Hex.encode(root)), not \(Hex.encode(proof.rootHash))")
        }
        let proofCheck = VerificationCheck(
            "transparency-log.inclusion-proof",
            "leaf \(proof.logIndex) of a tree of \(proof.treeSize) leads to root \(Hex.encode(root))")
        return [proofCheck, try verifyCheckpoint(proof)]
    }

    private func verifyCheckpoint(_ proof: TransparencyLogEntry.InclusionProof) throws(ProvenanceError)
        -> VerificationCheck
    {
        let note: SignedNote
        do {
            note = try SignedNote(proof.checkpoint)
        } catch {
            throw invalid("checkpoint: \(error.reason)")
        }
        let name = log.origin
        guard note.origin == name || note.origin.hasPrefix("\(name) - ") else {
            throw invalid("the checkpoint's origin '\(note.origin)' is not the log's '\(name)'")
        }
        let hint = Array(log.logID.prefix(4))
        let candidates = note.signatures.filter { $0.name == name && $0.keyHint == hint }
        guard !candidates.isEmpty else {
            throw invalid("the checkpoint has no signature by \(name) with key hint \(Hex.encode(hint))")
        }
        var verified = false
        for candidate in candidates where try verify(candidate.signature, over: Array(note.text.utf8)) {
            verified = true
        }
        guard verified else { throw invalid("the checkpoint's signature does not verify with the log key") }
        guard note.rootHash == proof.rootHash, note.treeSize == proof.treeSize else {
            throw invalid(
                "the checkpoint signs root \(Hex.encode(note.rootHash)) of size \(note.treeSize), the proof has "
                    + "\(Hex.encode(proof.rootHash)) of size \(proof.treeSize)")
        }
        return VerificationCheck(
            "transparency-log.checkpoint", "\(note.origin) signed root \(Hex.encode(note.rootHash)), size \(note.treeSize)")
    }

    private func verify(_ signature: [UInt8], over message: [UInt8]) throws(ProvenanceError) -> Bool {
        do {
            return try log.key.verify(signature: signature, message: message)
        } catch {
            throw .crypto(error)
        }
    }
}
