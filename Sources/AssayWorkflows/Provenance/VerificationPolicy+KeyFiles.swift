public import AssayProvenance

extension VerificationPolicy {
    /// A policy trusting the public keys in `keyFiles` (PEM or DER), a pinned Sigstore trusted root, and for
    /// keyless signatures the identity and issuer a certificate must name.
    ///
    /// - Throws: ``WorkflowError/cannotRead(path:what:reason:)`` or ``WorkflowError/crypto(path:_:)`` for a key
    ///   file that cannot be read or holds no public key.
    public init(
        keyFiles: [String], trustedRootPath: String? = nil, identity: String? = nil, issuer: String? = nil,
        openPGPKeyring: String? = nil
    ) throws(WorkflowError) {
        self.init(
            keys: try SignatureCheck.keys(keyFiles), trustedRootPath: trustedRootPath, identity: identity,
            issuer: issuer, openPGPKeyring: openPGPKeyring)
    }
}
