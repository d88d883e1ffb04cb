internal import COpenSSL
public import Foundation

/// Verifies a certificate chain with OpenSSL at a given moment: Sigstore checks short-lived signing certificates
/// at the time the signature was logged or timestamped, never "now".
public enum CertificateChainVerifier {
    /// What a chain verification found.
    public enum Verdict: Sendable, Equatable {
        /// The chain from the leaf to a trust anchor, leaf first.
        case valid(chain: [Certificate])
        /// OpenSSL's reason, such as "certificate has expired".
        case invalid(reason: String)
    }

    /// Verifies `leaf` through `intermediates` (untrusted) to one of `anchors` at `date`.
    ///
    /// - Throws: ``CryptoError`` only when OpenSSL itself fails; a chain that does not verify is a verdict.
    public static func verify(
        _ leaf: Certificate, intermediates: [Certificate], anchors: [Certificate], at date: Date
    ) throws(CryptoError) -> Verdict {
        guard let leafObject = X509Object(der: leaf.der) else {
            throw CryptoError.malformedCertificate("DER does not parse as an X.509 certificate")
        }
        let store = try TrustStore(anchors: anchors, at: date)
        let untrusted = try X509Stack(intermediates)
        guard let context = X509_STORE_CTX_new() else { throw CryptoError.openSSL("X509_STORE_CTX_new") }
        defer { X509_STORE_CTX_free(context) }
        guard X509_STORE_CTX_init(context, store.pointer, leafObject.pointer, untrusted.pointer) == 1 else {
            throw CryptoError.openSSL("X509_STORE_CTX_init")
        }
        guard X509_verify_cert(context) == 1 else {
            let code = X509_STORE_CTX_get_error(context)
            ERR_clear_error()
            return .invalid(reason: String(cString: X509_verify_cert_error_string(Int(code))))
        }
        return .valid(chain: try X509Stack.certificates(in: X509_STORE_CTX_get0_chain(context)))
    }
}
