internal import COpenSSL

/// Fields of a certificate that signing identities live in: subject alternative names, any extension's value by
/// OID, key usage, and the subject public key for verifying.
extension Certificate {
    /// E-mail addresses and URIs from the subject alternative name extension, in order.
    public var identityNames: [String] {
        guard let object = X509Object(der: der) else { return [] }
        return object.alternativeNames(ofTypes: [GEN_EMAIL, GEN_URI])
    }

    /// The value (the contents of `extnValue`) of the extension with the dotted `oid`, or `nil` when absent.
    public func extensionValue(oid: String) -> [UInt8]? {
        guard let object = X509Object(der: der), let name = OBJ_txt2obj(oid, 1) else {
            ERR_clear_error()
            return nil
        }
        defer { ASN1_OBJECT_free(name) }
        let index = X509_get_ext_by_OBJ(object.pointer, name, -1)
        guard index >= 0, let extensionPointer = X509_get_ext(object.pointer, index),
            let value = X509_EXTENSION_get_data(extensionPointer), let data = ASN1_STRING_get0_data(value)
        else { return nil }
        return Array(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(value))))
    }

    /// Whether the certificate is a CA (basic constraints `cA` true).
    public var isCertificateAuthority: Bool {
        guard let object = X509Object(der: der) else { return false }
        return X509_check_ca(object.pointer) != 0
    }

    /// Whether the extended key usage extension names code signing.
    public var allowsCodeSigning: Bool {
        guard let object = X509Object(der: der) else { return false }
        let usage = X509_get_extended_key_usage(object.pointer)
        return usage != UInt32.max && usage & UInt32(XKU_CODE_SIGN) != 0
    }

    /// The subject public key, for verifying signatures the certificate's holder made.
    public func signingKey() throws(CryptoError) -> PublicKey {
        guard let object = X509Object(der: der), let key = object.publicKey else {
            throw CryptoError.malformedKey("the certificate's public key does not decode")
        }
        let length = i2d_PUBKEY(key, nil)
        guard length > 0 else { throw CryptoError.openSSL("i2d_PUBKEY") }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        let written = bytes.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return i2d_PUBKEY(key, &cursor)
        }
        guard written == length else { throw CryptoError.openSSL("i2d_PUBKEY") }
        return try PublicKey(bytes: bytes)
    }
}
