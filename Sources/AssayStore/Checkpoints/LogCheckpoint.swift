import AssayCore
import Foundation

/// A signed statement of the audit log's head: "entry `seq` has hash `hash`", signed with the organisation's key.
///
/// Kept outside the database (a file, a ticket, an e-mail), a checkpoint catches what the hash chain alone
/// cannot: a rewrite of the whole log. `assay log verify --checkpoint FILE --pubkey KEY` proves that the log
/// still extends it unchanged. The file is this value as JSON (`Schemas/log-checkpoint.schema.json`).
public struct LogCheckpoint: Codable, Sendable, Equatable {
    /// The file format and the domain separator of the signed message.
    public static let format = "assay-log-checkpoint/1"

    /// Always ``format``.
    public var format: String
    /// The head entry's sequence number.
    public var seq: Int64
    /// The head entry's hash.
    public var hash: String
    /// When the checkpoint was made (ISO 8601 UTC).
    public var createdAt: String
    /// Who made it.
    public var actor: String
    /// The signing key's type, such as `Ed25519` or `ECDSA-P256`.
    public var keyType: String
    /// SHA-256 of the signing key's DER SubjectPublicKeyInfo, hex.
    public var keyFingerprint: String
    /// The detached signature over ``signedMessage``, base64.
    public var signature: String

    /// The exact bytes that are signed: the format, sequence number, hash and time, one per line.
    public var signedMessage: [UInt8] {
        Array("\(format)\n\(seq)\n\(hash)\n\(createdAt)\n".utf8)
    }

    /// Reads a checkpoint file's JSON, naming what is wrong with it.
    public init(json bytes: [UInt8], path: String) throws(StoreError) {
        let decoded: LogCheckpoint
        do {
            decoded = try JSONDecoder().decode(LogCheckpoint.self, from: Data(bytes))
        } catch {
            throw .malformedCheckpoint(
                path: path, reason: "not a checkpoint file (expected JSON with seq, hash, signature)")
        }
        guard decoded.format == Self.format else {
            throw .malformedCheckpoint(path: path, reason: "unknown format '\(decoded.format)'")
        }
        guard decoded.seq >= 1, decoded.hash.count == 64, decoded.hash.allSatisfy(\.isHexDigit) else {
            throw .malformedCheckpoint(path: path, reason: "seq must be 1 or more and hash 64 hex digits")
        }
        guard Data(base64Encoded: decoded.signature) != nil else {
            throw .malformedCheckpoint(path: path, reason: "the signature is not base64")
        }
        self = decoded
    }

    init(seq: Int64, hash: String, createdAt: String, actor: String, keyType: String, keyFingerprint: String) {
        self.format = Self.format
        self.seq = seq
        self.hash = hash
        self.createdAt = createdAt
        self.actor = actor
        self.keyType = keyType
        self.keyFingerprint = keyFingerprint
        self.signature = ""
    }

    /// The signature's bytes (empty when it is not base64, which ``init(json:path:)`` refuses).
    var signatureBytes: [UInt8] { Data(base64Encoded: signature).map(Array.init) ?? [] }

    /// The JSON text of the checkpoint file, keys sorted, ending in a newline.
    public func jsonText() throws(StoreError) -> String {
        do {
            return try CanonicalJSON.encode(self) + "\n"
        } catch {
            throw .database("cannot encode the checkpoint: \(error)")
        }
    }
}

extension LogCheckpoint: SQLRecord {
    public static let databaseTableName = "logCheckpoint"

    /// The table's columns, for queries.
}
