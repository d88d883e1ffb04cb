internal import COpenSSL

/// Owns an OpenSSL `STACK_OF(X509)` holding its own references to the certificates, until ``release()`` hands
/// it to an OpenSSL call that takes ownership.
final class X509Stack {
    private(set) var pointer: OpaquePointer?

    /// A stack of the certificates, in order.
    init(_ certificates: [Certificate]) throws(CryptoError) {
        guard let stack = assay_x509_stack_new() else { throw CryptoError.openSSL("sk_X509_new_null") }
        pointer = stack
        for certificate in certificates {
            guard let object = X509Object(der: certificate.der) else {
                throw CryptoError.malformedCertificate("DER does not parse as an X.509 certificate")
            }
            X509_up_ref(object.pointer)
            guard assay_x509_stack_push(stack, object.pointer) > 0 else {
                X509_free(object.pointer)
                throw CryptoError.openSSL("sk_X509_push")
            }
        }
    }

    deinit { if let pointer { assay_x509_stack_free(pointer) } }

    /// Gives up ownership: the caller's OpenSSL call frees the stack.
    func release() -> OpaquePointer? {
        defer { pointer = nil }
        return pointer
    }

    /// The certificates of an OpenSSL stack that this code does not own (such as a verified chain).
    static func certificates(in stack: OpaquePointer?) throws(CryptoError) -> [Certificate] {
        guard let stack else { return [] }
        var result: [Certificate] = []
        for index in 0..<assay_x509_stack_count(stack) {
            guard let x509 = assay_x509_stack_value(stack, index) else { continue }
            let length = i2d_X509(x509, nil)
            guard length > 0 else { throw CryptoError.openSSL("i2d_X509") }
            var der = [UInt8](repeating: 0, count: Int(length))
            _ = der.withUnsafeMutableBufferPointer { buffer in
                var cursor = buffer.baseAddress
                return i2d_X509(x509, &cursor)
            }
            result.append(try Certificate(der: der))
        }
        return result
    }
}
