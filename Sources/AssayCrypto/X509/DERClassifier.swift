internal import COpenSSL

/// Says what a DER blob that is not a certificate holds, by trying OpenSSL's decoders in turn.
enum DERClassifier {
    /// The first kind whose decoder accepts the bytes, or `nil` when none does.
    static func kind(of bytes: [UInt8]) -> CryptoObjectKind? {
        defer { ERR_clear_error() }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return decoders.first { _, decodes in decodes(base, buffer.count) }?.kind
        }
    }

    /// Each decoder parses and frees; order matters only where encodings could overlap.
    private static let decoders: [(kind: CryptoObjectKind, decodes: @Sendable (UnsafePointer<UInt8>, Int) -> Bool)] = [
        (.certificateRequest, { base, count in decode(base, count, d2i_X509_REQ, X509_REQ_free) }),
        (.crl, { base, count in decode(base, count, d2i_X509_CRL, X509_CRL_free) }),
        (.pkcs7, { base, count in decode(base, count, d2i_PKCS7, PKCS7_free) }),
        (.pkcs12, { base, count in decode(base, count, d2i_PKCS12, PKCS12_free) }),
        (.ocspResponse, { base, count in decode(base, count, d2i_OCSP_RESPONSE, OCSP_RESPONSE_free) }),
        (.ocspRequest, { base, count in decode(base, count, d2i_OCSP_REQUEST, OCSP_REQUEST_free) }),
        (.encryptedPrivateKey, { base, count in decode(base, count, d2i_X509_SIG, X509_SIG_free) }),
        (.privateKey, { base, count in decode(base, count, d2i_PKCS8_PRIV_KEY_INFO, PKCS8_PRIV_KEY_INFO_free) }),
        (.privateKey, { base, count in decode(base, count, d2i_AutoPrivateKey, EVP_PKEY_free) }),
        (.publicKey, { base, count in decode(base, count, d2i_PUBKEY, EVP_PKEY_free) }),
    ]

    private static func decode<Object>(
        _ base: UnsafePointer<UInt8>,
        _ count: Int,
        _ d2i: (UnsafeMutablePointer<Object?>?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?, Int) -> Object?,
        _ free: (Object?) -> Void
    ) -> Bool {
        var cursor: UnsafePointer<UInt8>? = base
        guard let object = d2i(nil, &cursor, count) else { return false }
        free(object)
        return true
    }
}
