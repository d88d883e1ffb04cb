import AssayCrypto
import AssayProvenance
import AssayStore
import Foundation

/// `escrow expect`: reads a provenance file (detected by content), checks its signature with the deposit's vendor
/// keys and whatever else the caller trusts, and records an expectation per binary it names.
///
/// Evidence whose signature does not verify records no expectation: it is kept as rejected evidence (the audit
/// reports it) and the ``ProvenanceError/signatureInvalid(place:reason:)`` is thrown on.
public enum EscrowExpectation {
    /// Records the expectations `path` gives deposit `depositId`; `policy` holds the keys given besides the
    /// vendor's registered keys, which are always trusted.
    public static func record(
        deposit depositId: Int64, evidenceFile path: String, policy: VerificationPolicy, store: Store
    ) throws -> (expectations: [Expectation], alreadyRecorded: Bool) {
        let deposit = try store.escrowDeposit(depositId)
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it" : "no such file"
            throw StoreError.io(path: path, reason: reason)
        }
        var trusted = policy
        trusted.keys += try store.vendorKeys("#\(deposit.vendor.id)").map { key in
            try PublicKey(bytes: Array(key.publicKey.utf8))
        }
        let claims: [ProvenanceClaim]
        do {
            claims = try ProvenanceReader.claims(from: Array(data), place: path, policy: trusted)
        } catch {
            if case .signatureInvalid = error {
                try store.recordRejectedEvidence(
                    deposit: depositId, evidenceFile: path, code: error.code, reason: error.description)
            }
            throw error
        }
        return try store.recordExpectations(deposit: depositId, claims: claims, evidenceFile: path)
    }
}
