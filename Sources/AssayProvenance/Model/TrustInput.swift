/// A kind of trust a signature check needs from its caller, named when it was not given.
public enum TrustInput: Equatable, Sendable, CustomStringConvertible {
    /// A pinned Sigstore trusted root (Fulcio, Rekor, timestamp authorities).
    case trustedRoot
    /// The public key a bundle or envelope is signed with; `hint` is the bundle's key hint, when it has one.
    case publicKey(hint: String?)
    /// The signer identity (certificate SAN) and OIDC issuer a keyless signature must carry.
    case signerIdentity

    /// What is missing, for people.
    public var description: String {
        switch self {
        case .trustedRoot: "a Sigstore bundle needs a pinned trusted root, and none was given"
        case .publicKey(let hint):
            "the bundle is signed with a public key\(hint.map { " (hint \($0))" } ?? ""), and no key was given"
        case .signerIdentity:
            "the bundle is signed keyless (Fulcio certificate), and no expected signer identity and issuer were given"
        }
    }
}
