import AssayCrypto

/// Checks that a transparency-log entry's body records what the bundle holds: the same signature, the same
/// certificate or key, and the same artefact digest (`hashedrekord`) or payload hash (`dsse`, `intoto`).
struct LogEntryBody {
    let entry: TransparencyLogEntry
    let place: String

    /// The signing material as the body may record it.
    struct Signer {
        let certificate: Certificate?
        let key: PublicKey
    }

    private func mismatch(_ what: String) -> ProvenanceError {
        .signatureInvalid(place: place, reason: "\(entry.path): the log entry's \(what) is not the bundle's")
    }

    /// Compares the body with the bundle; `digest` is the SHA-256 of the artefact (message signatures) or of the
    /// envelope's pre-authentication encoding (DSSE in Rekor v2 `hashedrekord`).
    func verify(content: SigstoreBundle.Content, signer: Signer, digest: [UInt8]?) throws(ProvenanceError)
        -> VerificationCheck
    {
        let body = try JSONFields(parsing: entry.body, place: "\(place): \(entry.path).canonicalizedBody")
        let spec = try body.object("spec")
        switch (entry.kind, entry.kindVersion, content) {
        case ("hashedrekord", "0.0.1", _):
            let data = try spec.object("data").object("hash")
            guard try data.string("algorithm") == "sha256", let digest,
                try data.string("value").lowercased() == Hex.encode(digest)
            else { throw mismatch("artefact digest") }
            let signature = try spec.object("signature")
            guard try signature.bytes("content") == content.signature else { throw mismatch("signature") }
            try expect(signer, pem: try signature.object("publicKey").bytes("content"))
        case ("hashedrekord", "0.0.2", _):
            let record = try spec.object("hashedRekordV002")
            let data = try record.object("data")
            guard try data.string("algorithm") == "SHA2_256", let digest, try data.bytes("digest") == digest else {
                throw mismatch("digest")
            }
            let signature = try record.object("signature")
            guard try signature.bytes("content") == content.signature else { throw mismatch("signature") }
            let verifier = try signature.object("verifier")
            if let certificate = try verifier.optionalObject("x509Certificate") {
                guard try certificate.bytes("rawBytes") == signer.certificate?.der else {
                    throw mismatch("certificate")
                }
            } else {
                guard try verifier.object("publicKey").bytes("rawBytes") == signer.key.der else {
                    throw mismatch("public key")
                }
            }
        case ("dsse", "0.0.1", .envelope(let envelope)):
            try expectPayloadHash(try spec.object("payloadHash"), envelope)
            let signatures = try spec.objects("signatures")
            guard signatures.count == 1, try signatures[0].bytes("signature") == content.signature else {
                throw mismatch("signature")
            }
            try expect(signer, pem: try signatures[0].bytes("verifier"))
        case ("intoto", "0.0.2", .envelope(let envelope)):
            let content = try spec.object("content")
            try expectPayloadHash(try content.object("payloadHash"), envelope)
            let signatures = try content.object("envelope").objects("signatures")
            guard signatures.count == 1,
                let signature = Base64Text.decode(String(decoding: try signatures[0].bytes("sig"), as: UTF8.self)),
                signature == envelope.signatures.first?.bytes
            else { throw mismatch("signature") }
            try expect(signer, pem: try signatures[0].bytes("publicKey"))
        default:
            throw .unsupported(
                place: place, what: "log entry kind \(entry.kind) \(entry.kindVersion) for this bundle's content")
        }
        return VerificationCheck(
            "transparency-log.entry-matches-bundle",
            "the \(entry.kind) \(entry.kindVersion) entry records this bundle's signature, signer and digest")
    }

    private func expectPayloadHash(_ hash: JSONFields, _ envelope: DSSEEnvelope) throws(ProvenanceError) {
        let digest: Digest
        do {
            digest = try DigestContext.digest(envelope.payload, using: .sha256)
        } catch {
            throw .crypto(error)
        }
        guard try hash.string("algorithm") == "sha256", try hash.string("value").lowercased() == digest.hex else {
            throw mismatch("payload hash")
        }
    }

    /// The body's PEM (a certificate or a public key) must be the bundle's signer.
    private func expect(_ signer: Signer, pem: [UInt8]) throws(ProvenanceError) {
        if let certificate = signer.certificate {
            guard let file = try? CertificateFile(bytes: pem), file.certificates.first?.der == certificate.der else {
                throw mismatch("certificate")
            }
        } else {
            guard let key = try? PublicKey(bytes: pem), key == signer.key else { throw mismatch("public key") }
        }
    }
}
