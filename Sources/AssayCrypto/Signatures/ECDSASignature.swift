internal import COpenSSL

/// ECDSA signatures in their two encodings: DER (`ECDSA-Sig-Value`, what OpenSSL makes) and the raw concatenation
/// of `r` and `s` (IEEE P1363, what WebCrypto, JOSE and some DSSE signers make).
public enum ECDSASignature {
    /// The DER encoding of a raw `r || s` signature (two equal halves); `nil` when the input is not one.
    public static func der(fromRaw raw: [UInt8]) -> [UInt8]? {
        guard !raw.isEmpty, raw.count % 2 == 0, raw.count <= 132, let signature = ECDSA_SIG_new() else { return nil }
        defer { ECDSA_SIG_free(signature) }
        let half = raw.count / 2
        let r = Array(raw.prefix(half))
        let s = Array(raw.suffix(half))
        guard let bigR = BN_bin2bn(r, Int32(half), nil) else { return nil }
        guard let bigS = BN_bin2bn(s, Int32(half), nil) else {
            BN_free(bigR)
            return nil
        }
        guard ECDSA_SIG_set0(signature, bigR, bigS) == 1 else {
            BN_free(bigR)
            BN_free(bigS)
            return nil
        }
        let length = i2d_ECDSA_SIG(signature, nil)
        guard length > 0 else { return nil }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return i2d_ECDSA_SIG(signature, &cursor)
        }
        return written == length ? der : nil
    }
}
