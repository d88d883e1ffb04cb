internal import COpenSSL

/// Text names of ASN.1 object identifiers, as the OpenSSL command line prints them.
enum ObjectName {
    /// OpenSSL's long name for a known OID (`sha256WithRSAEncryption`), else its dotted form.
    static func text(_ object: OpaquePointer?) -> String {
        guard let object else { return "" }
        var buffer = [CChar](repeating: 0, count: 128)
        let length = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 0)
        guard length > 0 else { return "" }
        if Int(length) >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(length) + 1)
            _ = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 0)
        }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
