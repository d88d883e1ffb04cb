import AssayCrypto
import Foundation

/// Verifies a bundle's RFC 3161 timestamps against the timestamp authorities of the trusted root: each must be
/// signed by an authority whose chain was valid at the stamped time, within the authority's `validFor`, and stamp
/// the bundle's signature bytes.
enum TimestampVerifier {
    static func verify(
        _ timestamps: [[UInt8]], signature: [UInt8], root: TrustedRoot, place: String
    ) throws(ProvenanceError) -> (times: [Date], checks: [VerificationCheck]) {
        var times: [Date] = []
        var checks: [VerificationCheck] = []
        for (index, bytes) in timestamps.enumerated() {
            let field = "verificationMaterial.timestampVerificationData.rfc3161Timestamps[\(index)].signedTimestamp"
            guard let response = TimestampResponse(der: bytes), let time = response.generationTime else {
                throw .malformed(place: place, field: field, reason: "not an RFC 3161 time-stamp response")
            }
            var reasons: [String] = []
            var verifiedBy: TrustedRoot.Authority?
            for authority in root.timestampAuthorities {
                let verdict: TimestampResponse.Verdict
                do {
                    verdict = try response.verify(data: signature, authorityChain: authority.chain)
                } catch {
                    throw .crypto(error)
                }
                if case .invalid(let reason) = verdict {
                    reasons.append("\(authority.uri): \(reason)")
                } else if !authority.validity.contains(time) {
                    reasons.append("\(authority.uri): trusted \(authority.validity.description), not at \(time)")
                } else {
                    verifiedBy = authority
                    break
                }
            }
            guard let authority = verifiedBy else {
                let why = reasons.isEmpty ? "the trusted root has no timestamp authority" : reasons.joined(separator: "; ")
                throw .signatureInvalid(place: place, reason: "\(field): \(why)")
            }
            times.append(time)
            checks.append(VerificationCheck(
                "timestamp.rfc3161", "\(authority.uri) stamped the signature at \(time.formatted(.iso8601))"))
        }
        return (times, checks)
    }
}
