public import AssayCore
import AssayCrypto
public import AssayProvenance
public import AssayStore
import Foundation

/// `escrow expect`: reads provenance files (each detected by content; an in-toto layout with the links given beside
/// it), checks their signatures with the deposit's vendor keys and whatever else the caller trusts, and records an
/// expectation per binary they vouch for.
///
/// Evidence whose signature does not verify records no expectation: the file is kept as rejected evidence (the
/// audit reports it) and the ``ProvenanceError/signatureInvalid(place:reason:)`` is thrown on; nothing of the other
/// files given with it is recorded either.
public enum EscrowExpectation {
    /// Records the expectations `paths` give deposit `depositId`; `policy` holds the keys given besides the
    /// vendor's registered keys, which are always trusted; `asOf` is the day an in-toto layout's expiry is judged
    /// at (default: now).
    ///
    /// An in-toto layout that has expired, or whose steps no product meets the threshold of, records nothing: the
    /// recording then has no expectations and carries the evaluation saying why.
    public static func record(
        deposit depositId: Int64, evidenceFiles paths: [String], policy: VerificationPolicy,
        asOf: CalendarDate? = nil, store: Store
    ) throws -> ExpectationRecording {
        let deposit = try store.escrowDeposit(depositId)
        var files: [ProvenanceInput] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it" : "no such file"
                throw StoreError.io(path: path, reason: reason)
            }
            files.append(ProvenanceInput(bytes: Array(data), place: path))
        }
        var trusted = policy
        trusted.keys += try store.vendorKeys("#\(deposit.vendor.id)").map { key in
            try PublicKey(bytes: Array(key.publicKey.utf8))
        }
        let reading: ProvenanceReading
        do {
            reading = try ProvenanceReader.claims(from: files, policy: trusted, asOf: asOf)
        } catch {
            if case .signatureInvalid(let place, _) = error, let file = paths.contains(place) ? place : paths.first {
                try store.recordRejectedEvidence(
                    deposit: depositId, evidenceFile: file, code: error.code, reason: error.description)
            }
            throw error
        }
        guard !reading.claims.isEmpty || reading.evaluation == nil else {
            return ExpectationRecording(
                depositId: depositId, expectations: [], alreadyRecorded: false, inToto: reading.evaluation)
        }
        let (expectations, again) = try store.recordExpectations(
            deposit: depositId, claims: reading.claims, evidenceFiles: paths)
        return ExpectationRecording(
            depositId: depositId, expectations: expectations, alreadyRecorded: again, inToto: reading.evaluation)
    }
}
