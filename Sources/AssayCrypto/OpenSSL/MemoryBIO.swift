internal import COpenSSL

/// Owns an OpenSSL memory `BIO` that collects text written by OpenSSL printing functions.
final class MemoryBIO {
    let pointer: OpaquePointer

    init() throws(CryptoError) {
        guard let bio = BIO_new(BIO_s_mem()) else { throw CryptoError.openSSL("BIO_new") }
        pointer = bio
    }

    deinit { BIO_free(pointer) }

    /// Everything written so far, decoded as UTF-8.
    var text: String {
        var data: UnsafeMutablePointer<CChar>?
        let count = assay_bio_get_mem_data(pointer, &data)
        guard let data, count > 0 else { return "" }
        let bytes = UnsafeRawBufferPointer(start: data, count: count)
        return String(decoding: bytes, as: UTF8.self)
    }
}
