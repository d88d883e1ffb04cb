import AssayAudit

/// Verifies an evidence pack offline, with the organisation's public key from a file.
public enum PackCheck {
    /// The verification of `pack` against the key in `publicKeyFile` (see ``PackVerifier``); a problem found in the
    /// pack is in the result, while a key or pack that cannot be read at all is thrown.
    public static func verify(_ pack: String, publicKeyFile: String) throws -> PackVerification {
        try PackVerifier(key: try SignatureCheck.keys([publicKeyFile])[0]).verify(pack)
    }
}
