public import AssayCrypto

/// What the user trusts when provenance signatures are checked: public keys (a vendor's registered keys or
/// `--key`), a pinned Sigstore trusted root with the identity a keyless certificate must carry, and an OpenPGP
/// keyring for `gpgv`.
///
/// Evidence whose signature cannot be checked with what is given here is reported as
/// ``ProvenanceClaim/Strength/signatureUnverified``, never as verified; a signature that is checked and fails is an
/// error (``ProvenanceError/signatureInvalid(place:reason:)``).
public struct VerificationPolicy: Sendable {
    /// Public keys trusted to sign DSSE envelopes and key-signed Sigstore bundles.
    public var keys: [PublicKey]
    /// Path of a Sigstore `trusted_root.json` (Fulcio CAs, Rekor logs, CT logs, timestamp authorities).
    public var trustedRootPath: String?
    /// The signer identity a keyless certificate must carry (its SAN: an e-mail address or URI).
    public var identity: String?
    /// The OIDC issuer a keyless certificate must carry (Fulcio extension 1.3.6.1.4.1.57264.1.1 or .8).
    public var issuer: String?
    /// An OpenPGP keyring for `gpgv`, to verify clear-signed `.buildinfo` files and signed in-toto v0.9 metadata.
    public var openPGPKeyring: String?

    /// Creates a policy; with no arguments nothing is trusted and every signature is reported unverified.
    public init(
        keys: [PublicKey] = [], trustedRootPath: String? = nil, identity: String? = nil, issuer: String? = nil,
        openPGPKeyring: String? = nil
    ) {
        self.keys = keys
        self.trustedRootPath = trustedRootPath
        self.identity = identity
        self.issuer = issuer
        self.openPGPKeyring = openPGPKeyring
    }
}
