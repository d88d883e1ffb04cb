internal import COpenSSL

/// HMAC-SHA256 (RFC 2104) over OpenSSL's `EVP_Q_mac`, for signing what Assay sends so receivers can authenticate it.
public enum HMACSHA256 {
    /// The 32-byte authentication code of `message` under `key`.
    public static func code(key: [UInt8], message: [UInt8]) throws(CryptoError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length = 0
        // An empty key is a valid HMAC key; OpenSSL wants a non-null pointer for it all the same.
        let keyBytes = key.isEmpty ? [0] : key
        let result = keyBytes.withUnsafeBufferPointer { keyBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                EVP_Q_mac(
                    nil, "HMAC", nil, "SHA256", nil, keyBuffer.baseAddress, key.count,
                    messageBuffer.baseAddress, message.count, &out, out.count, &length)
            }
        }
        guard result != nil else { throw CryptoError.openSSL("EVP_Q_mac HMAC-SHA256") }
        return Array(out.prefix(length))
    }

    /// The code as lowercase hexadecimal, as signature headers carry it.
    public static func hex(key: [UInt8], message: [UInt8]) throws(CryptoError) -> String {
        Hex.encode(try code(key: key, message: message))
    }
}
