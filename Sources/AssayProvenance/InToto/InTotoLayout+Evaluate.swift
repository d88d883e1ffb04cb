import Foundation

extension InTotoLayout {
    /// Evaluates the layout's steps against links (in-toto specification v0.9 §5.3, thresholds only).
    ///
    /// A link counts for a step when its name is the step's and a signature on it is by one of the step's
    /// functionaries (a layout key or its OpenPGP subkey); that signature is checked with OpenSSL against the key
    /// in the layout: a bad one is ``ProvenanceError/signatureInvalid(place:reason:)``, one the key cannot check
    /// (an unsupported key type) leaves the link counted but unverified. Each functionary counts once. A product
    /// meets the threshold when that many distinct functionaries name it with the same SHA-256; each step with such
    /// products yields one claim whose subjects are exactly those products (and whose sources are the materials
    /// meeting the threshold). Products below the threshold are reported in ``InTotoEvaluation/Step/products``,
    /// never claimed. An expired layout yields no claims.
    ///
    /// The claims are `signature-verified` only when the layout's own signature was verified with the policy (a
    /// key, or for OpenPGP a keyring) and every counted link's signature verified.
    public func evaluate(links: [InTotoLink], policy: VerificationPolicy, now: Date = Date())
        throws(ProvenanceError) -> InTotoEvaluation
    {
        let layoutCheck = try InTotoLayoutSignature.check(self, policy: policy)
        let expired = now > expires
        let expiresText = ISO8601DateFormatter().string(from: expires)
        var remarks = [layoutCheck.remark]
        if expired { remarks.append("layout expired at \(expiresText): no claim is made") }
        remarks.append("Assay checks step thresholds only: inspections are not run, artefact rules not applied")
        for link in links where !steps.contains(where: { $0.name == link.stepName }) {
            remarks.append("\(link.place): step '\(link.stepName)' is not in the layout (ignored)")
        }
        var results: [InTotoEvaluation.Step] = []
        var claims: [ProvenanceClaim] = []
        for step in steps {
            var reports: [InTotoEvaluation.Link] = []
            var counted: [(functionary: String, link: InTotoLink, verified: Bool)] = []
            for link in links where link.stepName == step.name {
                var report = try check(link, step: step)
                if let functionary = report.functionary {
                    if counted.contains(where: { $0.functionary == functionary }) {
                        report.remark = "another link by functionary \(functionary) (each functionary counts once)"
                        report.functionary = nil
                    } else {
                        counted.append((functionary, link, report.strength == .signatureVerified))
                    }
                }
                reports.append(report)
            }
            let products = Self.agreements(counted.map { ($0.functionary, $0.link.products) }, threshold: step.threshold)
            let materials = Self.agreements(counted.map { ($0.functionary, $0.link.materials) }, threshold: step.threshold)
            let met = products.contains(where: \.meetsThreshold)
            results.append(InTotoEvaluation.Step(
                name: step.name, threshold: step.threshold, functionaries: step.functionaries, links: reports,
                products: products, met: met))
            guard met, !expired else { continue }
            let agreeing = products.filter(\.meetsThreshold)
            let voters = Set(agreeing.flatMap(\.functionaries))
            let verified = layoutCheck.signer != nil && counted.filter { voters.contains($0.functionary) }.allSatisfy(\.verified)
            claims.append(ProvenanceClaim(
                kind: .inTotoLink, fileSha256: metadata.fileSha256, signer: verified ? layoutCheck.signer : nil,
                strength: verified ? .signatureVerified : .signatureUnverified,
                subjects: Self.named(agreeing, in: counted.map(\.link.products)),
                sources: Self.named(materials.filter(\.meetsThreshold), in: counted.map(\.link.materials)),
                builder: "in-toto step '\(step.name)': \(voters.count) of \(step.functionaries.count) functionaries "
                    + "agree, threshold \(step.threshold) (\(voters.sorted().joined(separator: ", ")))",
                remarks: [layoutCheck.remark] + reports.map { "link \($0.file) (sha256 \($0.sha256))" }))
        }
        return InTotoEvaluation(
            layoutSha256: metadata.fileSha256, expires: expiresText, expired: expired,
            layoutStrength: layoutCheck.strength, layoutSigner: layoutCheck.signer, steps: results, claims: claims,
            remarks: remarks)
    }

    /// Which of the step's functionaries signed a link, and whether the layout's key verifies that signature.
    private func check(_ link: InTotoLink, step: Step) throws(ProvenanceError) -> InTotoEvaluation.Link {
        var report = InTotoEvaluation.Link(
            file: link.place, sha256: link.metadata.fileSha256, functionary: nil, strength: .unsigned,
            remark: "not signed by a functionary of step '\(step.name)'")
        for signature in link.metadata.signatures {
            guard let (primary, key) = key(signing: signature.keyId), step.functionaries.contains(primary) else {
                continue
            }
            let valid: Bool
            do throws(InTotoKey.Unusable) {
                valid = try key.verify(signature, canonical: link.metadata.canonical)
            } catch {
                report = InTotoEvaluation.Link(
                    file: link.place, sha256: link.metadata.fileSha256, functionary: primary,
                    strength: .signatureUnverified, remark: "signature not verified: \(error.reason)")
                continue
            }
            guard valid else {
                throw .signatureInvalid(
                    place: link.place,
                    reason: "signature by functionary \(signature.keyId) does not verify with the layout's key")
            }
            return InTotoEvaluation.Link(
                file: link.place, sha256: link.metadata.fileSha256, functionary: primary, strength: .signatureVerified,
                remark: nil)
        }
        return report
    }

    /// Per name and SHA-256, the distinct functionaries naming it, sorted by name then digest.
    private static func agreements(_ votes: [(String, [DigestedName])], threshold: Int) -> [InTotoEvaluation.Agreement] {
        var voters: [String: [String: Set<String>]] = [:]
        for (functionary, artifacts) in votes {
            for artifact in artifacts {
                guard let sha256 = artifact.sha256 else { continue }
                voters[artifact.name, default: [:]][sha256, default: []].insert(functionary)
            }
        }
        return voters.sorted { $0.key < $1.key }.flatMap { name, digests in
            digests.sorted { $0.key < $1.key }.map { sha256, who in
                InTotoEvaluation.Agreement(
                    name: name, sha256: sha256, functionaries: who.sorted(), meetsThreshold: who.count >= threshold)
            }
        }
    }

    /// The agreed artefacts with every digest the first link naming them gives.
    private static func named(_ agreed: [InTotoEvaluation.Agreement], in lists: [[DigestedName]]) -> [DigestedName] {
        agreed.map { agreement in
            lists.joined().first { $0.name == agreement.name && $0.sha256 == agreement.sha256 }
                ?? DigestedName(name: agreement.name, digests: ["sha256": agreement.sha256])
        }
    }
}
