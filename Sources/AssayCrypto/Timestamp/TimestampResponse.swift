internal import COpenSSL
public import Foundation

/// An RFC 3161 time-stamp response (`TimeStampResp`), read and verified with OpenSSL's TS API.
public final class TimestampResponse {
    private let pointer: OpaquePointer

    /// What a verification found.
    public enum Verdict: Sendable, Equatable {
        case valid
        /// OpenSSL's reason, such as "message imprint mismatch" or "certificate verify error".
        case invalid(reason: String)
    }

    /// Parses a DER `TimeStampResp`; `nil` when the bytes are not one.
    public init?(der bytes: [UInt8]) {
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_TS_RESP(nil, &cursor, buffer.count)
        }
        ERR_clear_error()
        guard let parsed, TS_RESP_get_tst_info(parsed) != nil else {
            if let parsed { TS_RESP_free(parsed) }
            return nil
        }
        pointer = parsed
    }

    deinit { TS_RESP_free(pointer) }

    /// The time the authority says it stamped the data (`genTime`), as signed; `nil` when it is not a valid time.
    public var generationTime: Date? {
        var parts = tm()
        guard let info = TS_RESP_get_tst_info(pointer), let time = TS_TST_INFO_get_time(info),
            ASN1_TIME_to_tm(time, &parts) == 1
        else {
            ERR_clear_error()
            return nil
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    /// Verifies that the response is granted, is signed by the authority whose chain is given (leaf first, the
    /// root last and trusted) with the chain valid at ``generationTime``, and stamps `data` (its message imprint is
    /// the digest of `data` with the imprint's algorithm).
    public func verify(data: [UInt8], authorityChain: [Certificate]) throws(CryptoError) -> Verdict {
        guard let root = authorityChain.last, let time = generationTime else {
            return .invalid(reason: "no authority chain, or no generation time")
        }
        guard let context = TS_VERIFY_CTX_new() else { throw CryptoError.openSSL("TS_VERIFY_CTX_new") }
        defer { TS_VERIFY_CTX_free(context) }
        let store = try TrustStore(anchors: [root], at: time)
        let certificates = try X509Stack(Array(authorityChain.dropLast()))
        // The context owns and frees the data BIO, the store and the certificates from here on.
        guard let bio = BIO_new(BIO_s_mem()) else { throw CryptoError.openSSL("BIO_new") }
        TS_VERIFY_CTX_set_data(context, bio)
        guard data.isEmpty || BIO_write(bio, data, Int32(data.count)) == Int32(data.count) else {
            throw CryptoError.openSSL("BIO_write")
        }
        TS_VERIFY_CTX_set_store(context, store.release())
        TS_VERIFY_CTX_set_certs(context, certificates.release())
        TS_VERIFY_CTX_set_flags(context, Int32(TS_VFY_VERSION | TS_VFY_SIGNATURE | TS_VFY_DATA))
        guard TS_RESP_verify_response(context, pointer) == 1 else {
            return .invalid(reason: CryptoError.lastOpenSSLReason())
        }
        return .valid
    }
}
