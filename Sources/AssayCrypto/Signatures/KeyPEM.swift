/// Extracts the DER of a key from PEM text, or passes DER through, refusing the wrong kind of object.
enum KeyPEM {
    static func der(from bytes: [UInt8], wanting kind: CryptoObjectKind) throws(CryptoError) -> [UInt8] {
        guard !bytes.isEmpty else { throw CryptoError.emptyInput }
        guard PEM.containsBlock(bytes) else { return bytes }
        let blocks = try PEM.blocks(in: bytes)
        if let block = blocks.first(where: { $0.kind == kind }) {
            guard let der = block.der else {
                throw CryptoError.malformedPEM(label: block.label, reason: "the base64 body does not decode")
            }
            return der
        }
        if blocks.contains(where: { $0.kind == .encryptedPrivateKey }) {
            throw CryptoError.malformedKey("encrypted private keys are not supported; decrypt it with 'openssl pkey'")
        }
        let found = blocks.first.map(\.kind.description) ?? "no PEM block"
        throw CryptoError.malformedKey("expected \(kind.description), found \(found)")
    }
}
