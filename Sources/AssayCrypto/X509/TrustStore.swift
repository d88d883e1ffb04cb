internal import COpenSSL
import Foundation

/// Owns an OpenSSL `X509_STORE` of trust anchors whose verification time is fixed, until ``release()`` hands it to
/// an OpenSSL call that takes ownership.
final class TrustStore {
    private(set) var pointer: OpaquePointer?

    /// A store trusting `anchors`, checking validity at `date` rather than now. With `partialChain`, any anchor
    /// (not only a self-signed root) may end a chain.
    init(anchors: [Certificate], at date: Date, partialChain: Bool = false) throws(CryptoError) {
        guard let store = X509_STORE_new() else { throw CryptoError.openSSL("X509_STORE_new") }
        pointer = store
        for anchor in anchors {
            guard let object = X509Object(der: anchor.der) else {
                throw CryptoError.malformedCertificate("DER does not parse as an X.509 certificate")
            }
            guard X509_STORE_add_cert(store, object.pointer) == 1 else { throw CryptoError.openSSL("X509_STORE_add_cert") }
        }
        guard let parameters = X509_STORE_get0_param(store) else { throw CryptoError.openSSL("X509_STORE_get0_param") }
        X509_VERIFY_PARAM_set_time(parameters, time_t(date.timeIntervalSince1970.rounded(.down)))
        if partialChain { X509_VERIFY_PARAM_set_flags(parameters, UInt(X509_V_FLAG_PARTIAL_CHAIN)) }
    }

    deinit { if let pointer { X509_STORE_free(pointer) } }

    /// Gives up ownership: the caller's OpenSSL call frees the store.
    func release() -> OpaquePointer? {
        defer { pointer = nil }
        return pointer
    }
}
