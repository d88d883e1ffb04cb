import Foundation

/// What became of an OpenPGP signature: checked with `gpgv` against the policy's keyring, or reported as present
/// but unverified (no keyring given, `gpgv` not installed, a key the keyring lacks).
///
/// OpenPGP is not OpenSSL's business: Assay never parses keys or verifies OpenPGP signatures itself. A signature
/// `gpgv` finds bad, or made by a revoked key, is ``ProvenanceError/signatureInvalid(place:reason:)``.
struct OpenPGPCheck: Equatable {
    /// The primary key fingerprint `gpgv` reports for a good signature, or `nil` when not verified.
    var signer: String?
    /// What a reader must know about the signature.
    var remark: String

    /// Records the outcome in a claim: its strength, signer and a remark.
    func apply(to claim: inout ProvenanceClaim) {
        claim.strength = signer == nil ? .signatureUnverified : .signatureVerified
        claim.signer = signer
        claim.remarks.append(remark)
    }

    /// Checks an OpenPGP clear-signed text (RFC 4880 §7) as a whole.
    static func clearSigned(_ bytes: [UInt8], place: String, policy: VerificationPolicy) throws(ProvenanceError)
        -> OpenPGPCheck
    {
        try check(files: [bytes], what: "OpenPGP clear-signature", place: place, policy: policy)
    }

    /// Checks a detached OpenPGP signature (binary or armoured) over `data`.
    static func detached(signature: [UInt8], data: [UInt8], place: String, policy: VerificationPolicy)
        throws(ProvenanceError) -> OpenPGPCheck
    {
        try check(files: [signature, data], what: "OpenPGP signature", place: place, policy: policy)
    }

    private static func check(files: [[UInt8]], what: String, place: String, policy: VerificationPolicy)
        throws(ProvenanceError) -> OpenPGPCheck
    {
        guard let keyring = policy.openPGPKeyring else {
            return OpenPGPCheck(remark: "\(what) present, not verified (no OpenPGP keyring given)")
        }
        guard FileManager.default.isReadableFile(atPath: keyring) else {
            throw .cannotVerify(place: place, reason: "OpenPGP keyring \(keyring) cannot be read")
        }
        guard let gpgv = GPGV.executable else {
            return OpenPGPCheck(remark: "\(what) present, not verified (gpgv is not installed)")
        }
        let status = try GPGV.run(gpgv, keyring: keyring, files: files, place: place)
        return try outcome(status, what: what, keyring: keyring, place: place)
    }

    /// Reads `gpgv --status-fd` lines (GnuPG's doc/DETAILS): a good signature needs both `GOODSIG` and `VALIDSIG`.
    static func outcome(_ status: [[Substring]], what: String, keyring: String, place: String)
        throws(ProvenanceError) -> OpenPGPCheck
    {
        func first(_ keyword: String) -> [Substring]? { status.first { $0.first.map(String.init) == keyword } }
        if let bad = first("BADSIG") {
            throw .signatureInvalid(place: place, reason: "\(what) is bad (key \(bad.dropFirst().first ?? "?"))")
        }
        if let revoked = first("REVKEYSIG") {
            throw .signatureInvalid(place: place, reason: "\(what) made by revoked key \(revoked.dropFirst().first ?? "?")")
        }
        if first("GOODSIG") != nil, let valid = first("VALIDSIG"), valid.count > 1 {
            let primary = valid.count > 10 ? valid[10] : valid[1]
            return OpenPGPCheck(signer: String(primary), remark: "\(what) verified by gpgv with \(keyring)")
        }
        if let missing = first("NO_PUBKEY") {
            return OpenPGPCheck(
                remark: "\(what) present, not verified (key \(missing.dropFirst().first ?? "?") is not in \(keyring))")
        }
        let reason = status.first { ["EXPKEYSIG", "EXPSIG", "ERRSIG", "NODATA"].contains(String($0.first ?? "")) }
        return OpenPGPCheck(
            remark: "\(what) present, not verified (gpgv: \(reason?.joined(separator: " ") ?? "no valid signature"))")
    }
}
