import AssayCrypto
import Foundation

/// Verifies a keyless (Fulcio) signing certificate: its chain to a certificate authority of the trusted root at
/// each verified signing time, its embedded SCTs against the trusted CT logs, its key usage, and the signer
/// identity the policy asks for.
struct SigningCertificateVerifier {
    let leaf: Certificate
    let intermediates: [Certificate]
    let root: TrustedRoot
    let place: String

    private func invalid(_ reason: String) -> ProvenanceError { .signatureInvalid(place: place, reason: reason) }

    /// Verifies the chain at every time in `times` (at least one) and the SCTs; returns the checks.
    func verify(at times: [Date]) throws(ProvenanceError) -> [VerificationCheck] {
        guard !leaf.isCertificateAuthority else { throw invalid("the signing certificate is a CA certificate") }
        guard leaf.allowsCodeSigning else { throw invalid("the signing certificate's key usage is not code signing") }
        var checks: [VerificationCheck] = []
        var chain: [Certificate] = []
        for time in times {
            chain = try chainVerified(at: time)
            checks.append(VerificationCheck(
                "certificate.chain",
                "\(leaf.subject.isEmpty ? "the signing certificate" : leaf.subject) chains to \(chain.last?.subject ?? "?") "
                    + "at \(time.formatted(.iso8601)) (valid \(leaf.notBeforeISO8601) to \(leaf.notAfterISO8601))"))
        }
        guard chain.count > 1 else { throw invalid("the certificate chain has no issuer") }
        let logs = root.ctlogs.filter { $0.validity.contains(leaf.notBefore) }
        let verdict: EmbeddedSCTVerifier.Verdict
        do {
            verdict = try EmbeddedSCTVerifier.verify(leaf, issuer: chain[1], logKeys: logs.map(\.key))
        } catch {
            throw .crypto(error)
        }
        guard verdict.valid > 0 else {
            throw invalid(
                "none of the \(verdict.embedded) embedded SCT(s) verifies with the \(logs.count) trusted CT log key(s)")
        }
        checks.append(VerificationCheck(
            "certificate.sct", "\(verdict.valid) of \(verdict.embedded) embedded SCT(s) verified by trusted CT logs"))
        return checks
    }

    private func chainVerified(at time: Date) throws(ProvenanceError) -> [Certificate] {
        var reasons: [String] = []
        for authority in root.certificateAuthorities {
            guard authority.validity.contains(time) else {
                reasons.append("\(authority.uri) trusted \(authority.validity.description)")
                continue
            }
            let anchors = authority.chain.filter(\.isSelfIssued)
            let untrusted = intermediates + authority.chain.filter { !$0.isSelfIssued }
            do {
                switch try CertificateChainVerifier.verify(leaf, intermediates: untrusted, anchors: anchors, at: time) {
                case .valid(let chain): return chain
                case .invalid(let reason): reasons.append("\(authority.uri): \(reason)")
                }
            } catch {
                throw .crypto(error)
            }
        }
        throw invalid(
            "the signing certificate does not chain to a trusted certificate authority at "
                + "\(time.formatted(.iso8601)): \(reasons.isEmpty ? "no authority" : reasons.joined(separator: "; "))")
    }

    /// The certificate's identity: its SAN (e-mail or URI) and the OIDC issuer of Fulcio's extension.
    static func identity(of certificate: Certificate) -> (names: [String], issuer: String?) {
        let issuer: String?
        if let value = certificate.extensionValue(oid: "1.3.6.1.4.1.57264.1.8") {
            issuer = DERText.utf8String(value)
        } else {
            issuer = certificate.extensionValue(oid: "1.3.6.1.4.1.57264.1.1").map { String(decoding: $0, as: UTF8.self) }
        }
        return (certificate.identityNames, issuer)
    }
}

/// The one DER shape Fulcio's newer extensions use: a UTF8String.
enum DERText {
    /// The text of a DER UTF8String (tag 12, short or long length); `nil` for anything else.
    static func utf8String(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 2, bytes[0] == 0x0c else { return nil }
        var length = Int(bytes[1])
        var start = 2
        if length & 0x80 != 0 {
            let count = length & 0x7f
            guard count > 0, count <= 4, bytes.count >= 2 + count else { return nil }
            length = bytes[2..<(2 + count)].reduce(0) { $0 << 8 | Int($1) }
            start = 2 + count
        }
        guard bytes.count == start + length else { return nil }
        return String(bytes: bytes[start...], encoding: .utf8)
    }
}
