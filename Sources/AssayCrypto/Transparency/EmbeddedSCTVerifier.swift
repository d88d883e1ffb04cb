internal import COpenSSL
import Foundation

/// Verifies the signed certificate timestamps embedded in a certificate (extension 1.3.6.1.4.1.11129.2.4.2) with
/// OpenSSL's CT API, against the given Certificate Transparency log keys.
public enum EmbeddedSCTVerifier {
    /// What the verification found.
    public struct Verdict: Sendable, Equatable {
        /// How many SCTs the certificate embeds.
        public var embedded: Int
        /// How many of them a given log signed, validly, over this certificate's precertificate.
        public var valid: Int
    }

    /// Verifies `certificate`'s embedded SCTs; `issuer` is the certificate that signed it (its key is part of the
    /// precertificate entry the logs signed).
    public static func verify(
        _ certificate: Certificate, issuer: Certificate, logKeys: [PublicKey]
    ) throws(CryptoError) -> Verdict {
        guard let leaf = X509Object(der: certificate.der), let issuerObject = X509Object(der: issuer.der) else {
            throw CryptoError.malformedCertificate("DER does not parse as an X.509 certificate")
        }
        guard let raw = X509_get_ext_d2i(leaf.pointer, NID_ct_precert_scts, nil, nil) else {
            ERR_clear_error()
            return Verdict(embedded: 0, valid: 0)
        }
        let list = OpaquePointer(raw)
        defer { assay_sct_list_free(list) }
        let store = try CTLogStore(keys: logKeys)
        guard let context = CT_POLICY_EVAL_CTX_new() else { throw CryptoError.openSSL("CT_POLICY_EVAL_CTX_new") }
        defer { CT_POLICY_EVAL_CTX_free(context) }
        guard CT_POLICY_EVAL_CTX_set1_cert(context, leaf.pointer) == 1,
            CT_POLICY_EVAL_CTX_set1_issuer(context, issuerObject.pointer) == 1
        else { throw CryptoError.openSSL("CT_POLICY_EVAL_CTX_set1_cert") }
        CT_POLICY_EVAL_CTX_set_shared_CTLOG_STORE(context, store.pointer)
        // 1 when every SCT verifies, 0 when one does not; the statuses say which.
        _ = SCT_LIST_validate(list, context)
        ERR_clear_error()
        let count = Int(assay_sct_list_count(list))
        let valid = (0..<count).filter { index in
            SCT_get_validation_status(assay_sct_list_value(list, Int32(index))) == SCT_VALIDATION_STATUS_VALID
        }
        return Verdict(embedded: count, valid: valid.count)
    }
}

/// Owns a `CTLOG_STORE` holding the given log keys. OpenSSL can fill a store only from a configuration file, so the
/// keys are written to a private temporary file that is removed at once.
final class CTLogStore {
    let pointer: OpaquePointer

    init(keys: [PublicKey]) throws(CryptoError) {
        guard let store = CTLOG_STORE_new() else { throw CryptoError.openSSL("CTLOG_STORE_new") }
        pointer = store
        guard !keys.isEmpty else { return }
        let names = keys.indices.map { "log\($0)" }
        var text = "enabled_logs = \(names.joined(separator: ","))\n"
        for (name, key) in zip(names, keys) {
            text += "[\(name)]\ndescription = \(name)\nkey = \(Data(key.der).base64EncodedString())\n"
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("assay-ctlogs-\(UUID().uuidString)")
        do {
            try Data(text.utf8).write(to: file, options: [.withoutOverwriting])
        } catch {
            throw CryptoError.io(path: file.path, reason: "cannot write the CT log list: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        guard CTLOG_STORE_load_file(store, file.path) == 1 else { throw CryptoError.openSSL("CTLOG_STORE_load_file") }
    }

    deinit { CTLOG_STORE_free(pointer) }
}
