/// One transparency-log entry of a Sigstore bundle (`TransparencyLogEntry`): where the log put the signature, the
/// log's promise to include it (Rekor v1's signed entry timestamp) and the proof that it did.
struct TransparencyLogEntry {
    /// An RFC 6962 inclusion proof with the log's signed checkpoint.
    struct InclusionProof {
        let logIndex: UInt64
        let treeSize: UInt64
        let rootHash: [UInt8]
        let hashes: [[UInt8]]
        let checkpoint: String
    }

    let logIndex: Int64
    let logID: [UInt8]
    let kind: String
    let kindVersion: String
    /// Seconds since the epoch; 0 or absent for Rekor v2, which does not sign a time.
    let integratedTime: Int64
    let signedEntryTimestamp: [UInt8]?
    let inclusionProof: InclusionProof?
    let body: [UInt8]
    /// Where the entry is in its file, for errors.
    let path: String

    init(_ fields: JSONFields) throws(ProvenanceError) {
        path = fields.path
        logIndex = try fields.integer("logIndex")
        guard logIndex >= 0 else { throw fields.malformed("logIndex", "negative log index \(logIndex)") }
        logID = try fields.object("logId").bytes("keyId")
        let kindVersion = try fields.object("kindVersion")
        kind = try kindVersion.string("kind")
        self.kindVersion = try kindVersion.string("version")
        integratedTime = try fields.optionalInteger("integratedTime") ?? 0
        guard integratedTime >= 0 else { throw fields.malformed("integratedTime", "negative time") }
        signedEntryTimestamp = try fields.optionalObject("inclusionPromise")?.bytes("signedEntryTimestamp")
        body = try fields.bytes("canonicalizedBody")
        guard let proof = try fields.optionalObject("inclusionProof") else {
            inclusionProof = nil
            return
        }
        let index = try proof.integer("logIndex")
        let size = try proof.integer("treeSize")
        guard index >= 0 else { throw proof.malformed("logIndex", "negative log index \(index)") }
        guard size > index else { throw proof.malformed("treeSize", "tree size \(size) is not above index \(index)") }
        var hashes: [[UInt8]] = []
        for (position, text) in try proof.strings("hashes").enumerated() {
            guard let hash = Base64Text.decode(text), hash.count == 32 else {
                throw proof.malformed("hashes[\(position)]", "not a base64 SHA-256 hash")
            }
            hashes.append(hash)
        }
        let root = try proof.bytes("rootHash")
        guard root.count == 32 else { throw proof.malformed("rootHash", "not a SHA-256 hash") }
        inclusionProof = InclusionProof(
            logIndex: UInt64(index), treeSize: UInt64(size), rootHash: root, hashes: hashes,
            checkpoint: try proof.object("checkpoint").string("envelope"))
    }

    /// Rekor v2 logs only `hashedrekord` and `dsse` 0.0.2 entries, with no signed entry timestamp or integrated
    /// time; their checkpoints name the log by its host alone (v1 appends ` - <tree id>`).
    var isRekorV2: Bool { (kind == "hashedrekord" || kind == "dsse") && kindVersion == "0.0.2" }
}
