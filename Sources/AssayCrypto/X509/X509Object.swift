internal import COpenSSL
import Foundation

/// Owns one OpenSSL `X509` and reads its fields as Swift values.
final class X509Object {
    let pointer: OpaquePointer
    /// The bytes of the certificate's DER encoding, without anything that followed it.
    let der: [UInt8]

    /// Parses one DER certificate from the start of `bytes`.
    init?(der bytes: [UInt8]) {
        var consumed = 0
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var cursor: UnsafePointer<UInt8>? = base
            let object = d2i_X509(nil, &cursor, buffer.count)
            if let cursor { consumed = cursor - base }
            return object
        }
        ERR_clear_error()
        guard let parsed else { return nil }
        pointer = parsed
        der = Array(bytes.prefix(consumed))
    }

    deinit { X509_free(pointer) }

    var subject: String { get throws(CryptoError) { try Self.rfc2253(X509_get_subject_name(pointer)) } }
    var issuer: String { get throws(CryptoError) { try Self.rfc2253(X509_get_issuer_name(pointer)) } }

    var isSelfIssued: Bool { X509_NAME_cmp(X509_get_subject_name(pointer), X509_get_issuer_name(pointer)) == 0 }

    /// The serial number as uppercase hexadecimal, two digits per byte, as `openssl x509 -serial` prints it.
    var serialNumber: String {
        guard let serial = X509_get0_serialNumber(pointer) else { return "" }
        let length = Int(ASN1_STRING_length(serial))
        guard length > 0, let data = ASN1_STRING_get0_data(serial) else { return "00" }
        let hex = Hex.encode(UnsafeBufferPointer(start: data, count: length)).uppercased()
        return ASN1_STRING_type(serial) == V_ASN1_NEG_INTEGER ? "-" + hex : hex
    }

    var notBefore: Date { get throws(CryptoError) { try Self.date(X509_get0_notBefore(pointer), field: "notBefore") } }
    var notAfter: Date { get throws(CryptoError) { try Self.date(X509_get0_notAfter(pointer), field: "notAfter") } }

    /// The signature algorithm named inside the signed part (`sha256WithRSAEncryption`, `ED25519`, or an OID),
    /// which is what `openssl x509 -text` prints even when the outer copy differs.
    var signatureAlgorithm: String {
        var object: OpaquePointer?
        X509_ALGOR_get0(&object, nil, nil, X509_get0_tbs_sigalg(pointer))
        return ObjectName.text(object)
    }

    /// The NIDs of the signature's digest as named by the certificate's two algorithm fields, the outer one and
    /// the one inside the signed part. They should agree but need not: pyca's `v1_cert.pem` names the bare `md5`
    /// OID outside and `md5WithRSAEncryption` inside, so both are read. Each digest comes from a signature
    /// algorithm's OID, a bare digest OID as it is, or else (RSASSA-PSS) the signature's parameters; none when
    /// there is none (Ed25519) or it is unknown. The OID table also covers digests such as MD2 that OpenSSL 3 no
    /// longer implements.
    var signatureDigestNIDs: Set<Int32> {
        var outer: UnsafePointer<X509_ALGOR>?
        X509_get0_signature(nil, &outer, pointer)
        let algorithms = [outer, X509_get0_tbs_sigalg(pointer)].compactMap { $0 }
        var found = Set(algorithms.compactMap(Self.digestNID))
        var digest: Int32 = NID_undef
        if X509_get_signature_info(pointer, &digest, nil, nil, nil) == 1, digest != NID_undef {
            found.insert(digest)
        }
        ERR_clear_error()
        return found
    }

    /// The digest named by an algorithm identifier: its signature OID's digest, or the OID itself.
    private static func digestNID(_ algorithm: UnsafePointer<X509_ALGOR>) -> Int32? {
        var object: OpaquePointer?
        X509_ALGOR_get0(&object, nil, nil, algorithm)
        let nid = OBJ_obj2nid(object)
        guard nid != NID_undef else { return nil }
        var digest: Int32 = NID_undef
        if OBJ_find_sigid_algs(nid, &digest, nil) == 1 { return digest == NID_undef ? nil : digest }
        return nid
    }

    /// The public key's algorithm name as written in the certificate.
    var publicKeyAlgorithm: String {
        var object: OpaquePointer?
        X509_PUBKEY_get0_param(&object, nil, nil, nil, X509_get_X509_PUBKEY(pointer))
        return ObjectName.text(object)
    }

    /// The decoded public key, when OpenSSL supports its algorithm; borrowed from the certificate.
    var publicKey: OpaquePointer? {
        let key = X509_get0_pubkey(pointer)
        ERR_clear_error()
        return key
    }

    /// DNS names from the subject alternative name extension, in order.
    var dnsNames: [String] { alternativeNames(ofTypes: [GEN_DNS]) }

    /// Subject alternative names of the given `GEN_*` types (all IA5 strings: DNS, e-mail, URI), in order.
    func alternativeNames(ofTypes types: Set<Int32>) -> [String] {
        guard let raw = X509_get_ext_d2i(pointer, NID_subject_alt_name, nil, nil) else {
            ERR_clear_error()
            return []
        }
        let names = OpaquePointer(raw)
        defer { GENERAL_NAMES_free(names) }
        var result: [String] = []
        for index in 0..<assay_general_names_count(names) {
            guard let name = assay_general_names_value(names, index), types.contains(name.pointee.type),
                let string = name.pointee.d.ia5, let data = ASN1_STRING_get0_data(string)
            else { continue }
            let bytes = UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(string)))
            result.append(String(decoding: bytes, as: UTF8.self))
        }
        return result
    }

    private static func rfc2253(_ name: OpaquePointer?) throws(CryptoError) -> String {
        let bio = try MemoryBIO()
        guard X509_NAME_print_ex(bio.pointer, name, 0, assay_name_flags_rfc2253_utf8()) >= 0 else {
            throw CryptoError.openSSL("X509_NAME_print_ex")
        }
        return bio.text
    }

    private static func date(_ time: UnsafePointer<ASN1_TIME>?, field: String) throws(CryptoError) -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else {
            ERR_clear_error()
            throw CryptoError.invalidTime(field: field)
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
