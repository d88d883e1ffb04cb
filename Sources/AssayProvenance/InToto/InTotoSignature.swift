import AssayCrypto

/// One signature of in-toto v0.9 metadata (`signatures[]`): the key id, the hex signature, and for OpenPGP keys the
/// hashed signature-packet header (`other_headers`) that securesystemslib's gpg signatures carry.
struct InTotoSignature: Sendable, Equatable {
    /// The signing key's id (for OpenPGP keys, the fingerprint of the key or subkey that signed).
    var keyId: String
    /// The signature bytes (hex-decoded).
    var bytes: [UInt8]
    /// The OpenPGP hashed header, for OpenPGP (`gpg`) signatures only.
    var otherHeaders: [UInt8]?

    /// Reads the `signatures` array of a metadata file; `place` names the file in errors.
    static func list(_ value: JSONValue?, place: String) throws(ProvenanceError) -> [InTotoSignature] {
        guard let items = value?.array else {
            throw .malformed(place: place, field: "signatures", reason: "missing or not an array")
        }
        var signatures: [InTotoSignature] = []
        for (index, item) in items.enumerated() {
            let field = "signatures[\(index)]"
            guard let keyId = item["keyid"]?.string, !keyId.isEmpty else {
                throw .malformed(place: place, field: field + ".keyid", reason: "missing or not a string")
            }
            // securesystemslib writes "sig" for its own keys and "signature" for gpg signatures.
            guard let hex = (item["sig"] ?? item["signature"])?.string, let bytes = Hex.decode(hex), !bytes.isEmpty
            else { throw .malformed(place: place, field: field + ".sig", reason: "missing or not hex") }
            var headers: [UInt8]?
            if let text = item["other_headers"]?.string {
                guard let decoded = Hex.decode(text) else {
                    throw .malformed(place: place, field: field + ".other_headers", reason: "not hex")
                }
                headers = decoded
            }
            signatures.append(InTotoSignature(keyId: keyId.lowercased(), bytes: bytes, otherHeaders: headers))
        }
        return signatures
    }

    /// The bytes the signature is over: the canonical JSON of `signed`, and for an OpenPGP v4 signature its hashed
    /// header and trailer (RFC 4880 §5.2.4: `0x04 0xFF` and the header length, 4 bytes big-endian).
    func signedBytes(_ canonical: [UInt8]) -> [UInt8] {
        guard let headers = otherHeaders else { return canonical }
        let count = UInt32(headers.count)
        return canonical + headers + [0x04, 0xFF] + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: count >> $0) }
    }
}
