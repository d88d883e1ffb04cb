import AssayCrypto

/// Who signed a Sigstore bundle's content, established by verifying the content's signature: a trusted public key
/// (key-signed bundles) or the signing certificate's key (keyless).
struct SigstoreSigner {
    let key: PublicKey
    let certificate: Certificate?
    let intermediates: [Certificate]
    /// `SAN (issuer)` for keyless, `sha256:<fingerprint>` for keys.
    let identity: String
    let check: VerificationCheck

    /// Finds the signer and verifies the content's signature with it.
    init(bundle: SigstoreBundle, artifact: AttestedArtifact?, policy: VerificationPolicy, place: String)
        throws(ProvenanceError)
    {
        switch bundle.material {
        case .publicKey(let hint):
            guard !policy.keys.isEmpty else {
                throw .missingTrust(place: place, needed: .publicKey(hint: hint))
            }
            var verifying: PublicKey?
            for key in policy.keys where try Self.verifies(bundle.content, key: key, artifact: artifact, place: place) {
                verifying = key
                break
            }
            guard let key = verifying else {
                throw .signatureInvalid(place: place, reason: "the signature does not verify with the given key(s)")
            }
            self.key = key
            certificate = nil
            intermediates = []
            identity = "sha256:\(key.fingerprint.hex)"
        case .certificate(let leaf, let intermediates):
            guard let expected = policy.identity, let issuer = policy.issuer else {
                throw .missingTrust(place: place, needed: .signerIdentity)
            }
            let found = SigningCertificateVerifier.identity(of: leaf)
            guard found.names.contains(expected), found.issuer == issuer else {
                throw .signatureInvalid(
                    place: place,
                    reason: "the certificate is for \(found.names.joined(separator: ", ")) "
                        + "(\(found.issuer ?? "no issuer")), not \(expected) (\(issuer))")
            }
            do {
                key = try leaf.signingKey()
            } catch {
                throw .crypto(error)
            }
            guard try Self.verifies(bundle.content, key: key, artifact: artifact, place: place) else {
                throw .signatureInvalid(
                    place: place, reason: "the signature does not verify with the certificate's key")
            }
            certificate = leaf
            self.intermediates = intermediates
            identity = "\(expected) (\(issuer))"
        }
        check = VerificationCheck("signature", "\(Self.what(bundle.content)) verifies; signer \(identity)")
    }

    private static func what(_ content: SigstoreBundle.Content) -> String {
        switch content {
        case .messageSignature: "the message signature over the artefact's SHA-256"
        case .envelope: "the DSSE envelope's signature over its pre-authentication encoding"
        }
    }

    private static func verifies(
        _ content: SigstoreBundle.Content, key: PublicKey, artifact: AttestedArtifact?, place: String
    ) throws(ProvenanceError) -> Bool {
        switch content {
        case .messageSignature(let signature, let digest, let algorithm):
            guard let artifact else {
                throw .cannotVerify(place: place, reason: "a message signature bundle needs the file it signs")
            }
            if let digest, algorithm == nil || algorithm == "SHA2_256", digest != artifact.sha256.bytes {
                throw .signatureInvalid(
                    place: place,
                    reason:
                        "messageSignature.messageDigest \(Hex.encode(digest)) is not the SHA-256 of \(artifact.name)")
            }
            do {
                return try key.verify(signature: signature, digest: artifact.sha256)
            } catch {
                throw .crypto(error)
            }
        case .envelope(let envelope):
            return try envelope.signature(verifiedBy: key) != nil
        }
    }
}
