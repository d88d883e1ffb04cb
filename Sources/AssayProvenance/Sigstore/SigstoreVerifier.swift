import AssayCrypto
import Foundation

/// Verifies a Sigstore bundle offline against a pinned trusted root, as the Sigstore client specification asks of a
/// verifier: the content's signature, the RFC 3161 timestamps, every transparency-log entry (signed entry
/// timestamp, inclusion proof, checkpoint, and that it records this bundle), the signing certificate at each
/// verified time with its SCTs and identity, and the validity window of every trusted key used.
enum SigstoreVerifier {
    static func verify(
        _ fields: JSONFields, bytes: [UInt8], artifact: AttestedArtifact?, policy: VerificationPolicy
    ) throws(ProvenanceError) -> AttestationVerification {
        let place = fields.place
        let bundle = try SigstoreBundle(fields)
        var checks = [VerificationCheck("bundle.media-type", "Sigstore bundle v\(bundle.version.rawValue)")]
        guard let rootPath = policy.trustedRootPath else {
            throw .missingTrust(place: place, needed: .trustedRoot)
        }
        let root = try TrustedRoot(contentsOf: rootPath)
        let signer = try SigstoreSigner(bundle: bundle, artifact: artifact, policy: policy, place: place)
        checks.append(signer.check)
        let stamped = try TimestampVerifier.verify(
            bundle.timestamps, signature: bundle.content.signature, root: root, place: place)
        checks += stamped.checks
        var times = stamped.times
        let digest = try entryDigest(bundle.content, artifact: artifact)
        for entry in bundle.entries {
            let verified = try verifyEntry(
                entry, bundle: bundle, root: root, signer: signer, digest: digest,
                tsaTimes: stamped.times, place: place)
            checks += verified.checks
            times += verified.times
        }
        if let certificate = signer.certificate {
            // A short-lived certificate is only as good as the verified time it is checked at; a trusted key needs none.
            guard !times.isEmpty else {
                throw .signatureInvalid(
                    place: place,
                    reason:
                        "no verified signing time: neither a signed entry timestamp nor a trusted RFC 3161 timestamp")
            }
            let verifier = SigningCertificateVerifier(
                leaf: certificate, intermediates: signer.intermediates, root: root, place: place)
            checks += try verifier.verify(at: times)
            checks.append(VerificationCheck("certificate.identity", "the certificate names \(signer.identity)"))
        }
        return AttestationVerification(
            format: .sigstoreBundle,
            claim: try claim(bundle, bytes: bytes, artifact: artifact, signer: signer.identity, place: place),
            checks: checks)
    }

    /// The digest a log entry records: the artefact's (message signatures) or of the envelope's PAE (DSSE).
    private static func entryDigest(_ content: SigstoreBundle.Content, artifact: AttestedArtifact?)
        throws(ProvenanceError) -> [UInt8]?
    {
        switch content {
        case .messageSignature: return artifact?.sha256.bytes
        case .envelope(let envelope):
            do {
                return try DigestContext.digest(envelope.signedBytes, using: .sha256).bytes
            } catch {
                throw .crypto(error)
            }
        }
    }

    private static func verifyEntry(
        _ entry: TransparencyLogEntry, bundle: SigstoreBundle, root: TrustedRoot, signer: SigstoreSigner,
        digest: [UInt8]?, tsaTimes: [Date], place: String
    ) throws(ProvenanceError) -> (checks: [VerificationCheck], times: [Date]) {
        guard let log = root.tlog(id: entry.logID) else {
            throw .signatureInvalid(
                place: place,
                reason: "\(entry.path): log \(Data(entry.logID).base64EncodedString()) is not in the trusted root")
        }
        let verifier = LogEntryVerifier(entry: entry, log: log, place: place)
        var checks: [VerificationCheck] = []
        var times: [Date] = []
        if let set = entry.signedEntryTimestamp {
            checks.append(try verifier.verifySignedEntryTimestamp(set))
            times.append(Date(timeIntervalSince1970: TimeInterval(entry.integratedTime)))
        } else if bundle.version == .v01 {
            throw .malformed(
                place: place, field: "\(entry.path).inclusionPromise", reason: "missing (required in v0.1)")
        }
        if let proof = entry.inclusionProof {
            checks += try verifier.verifyInclusion(proof)
        } else if bundle.version > .v01 || entry.isRekorV2 {
            throw .malformed(
                place: place, field: "\(entry.path).inclusionProof", reason: "missing (required since v0.2)")
        }
        // The log key must be trusted when the entry was made: at its integrated time, else at the stamped times.
        for time in times.isEmpty ? tsaTimes : times where !log.validity.contains(time) {
            throw .signatureInvalid(
                place: place,
                reason: "\(entry.path): the log key of \(log.baseURL) is trusted \(log.validity.description), "
                    + "not at \(time.formatted(.iso8601))")
        }
        let body = LogEntryBody(entry: entry, place: place)
        checks.append(
            try body.verify(
                content: bundle.content, signer: LogEntryBody.Signer(certificate: signer.certificate, key: signer.key),
                digest: digest))
        return (checks, times)
    }

    private static func claim(
        _ bundle: SigstoreBundle, bytes: [UInt8], artifact: AttestedArtifact?, signer: String, place: String
    ) throws(ProvenanceError) -> ProvenanceClaim {
        let fileSha256 = try AttestationReader.sha256(bytes)
        switch bundle.content {
        case .messageSignature:
            let subjects = artifact.map { [DigestedName(name: $0.name, digests: ["sha256": $0.sha256.hex])] } ?? []
            return ProvenanceClaim(
                kind: .sigstoreMessageSignature, fileSha256: fileSha256, signer: signer, strength: .signatureVerified,
                subjects: subjects, sources: [])
        case .envelope(let envelope):
            return try AttestationReader.statement(in: envelope, place: place).claim(
                fileSha256: fileSha256, signer: signer, strength: .signatureVerified)
        }
    }
}
