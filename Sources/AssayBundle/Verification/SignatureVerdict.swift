public import AssayCrypto

/// The check of a detached signature over the expected manifest, part of a ``VerificationReport``.
///
/// A report that carries an invalid verdict is never clean, whatever the bundle's content.
public struct SignatureVerdict: Codable, Equatable, Sendable {
    /// Whether one of the given keys made the signature.
    public var valid: Bool
    /// The SHA-256 fingerprint (hex) of the key that made it, when valid.
    public var signerKey: String?

    /// Creates a verdict.
    public init(valid: Bool, signerKey: String? = nil) {
        self.valid = valid
        self.signerKey = signerKey
    }

    /// Checks `signature` over `message` with each key in turn.
    ///
    /// - Throws: ``BundleError/crypto(_:)`` when the digest engine fails (a signature that does not verify is a
    ///   verdict, not an error).
    public static func check(signature: [UInt8], over message: [UInt8], keys: [PublicKey]) throws(BundleError)
        -> SignatureVerdict
    {
        for key in keys {
            let verified = try BundleError.wrapping { () throws(CryptoError) in
                try key.verify(signature: signature, message: message)
            }
            if verified { return SignatureVerdict(valid: true, signerKey: key.fingerprint.hex) }
        }
        return SignatureVerdict(valid: false, signerKey: nil)
    }
}

extension VerificationReport {
    /// This report with the signature verdict recorded: a bad signature makes it fail (``clean`` false).
    public func recording(_ verdict: SignatureVerdict) -> VerificationReport {
        var report = self
        report.signature = verdict
        report.clean = clean && verdict.valid
        return report
    }
}
