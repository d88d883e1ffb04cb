import AssayCrypto
import Foundation

/// A pinned Sigstore `trusted_root.json`: the transparency logs, certificate authorities (Fulcio), CT logs and
/// timestamp authorities a verifier trusts, each with the window it is trusted for.
///
/// See sigstore/protobuf-specs `sigstore_trustroot.proto`. Keys of a type OpenSSL cannot read here (a PKCS#1 RSA
/// CT log key, say) are left out; a malformed `validFor` is refused.
struct TrustedRoot {
    /// A transparency log (Rekor) or CT log.
    struct Log {
        let baseURL: String
        let logID: [UInt8]
        let key: PublicKey
        let validity: ValidityWindow

        /// The log's origin as checkpoints name it: the base URL without scheme.
        var origin: String {
            baseURL.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
        }
    }

    /// A certificate authority or timestamp authority: its chain, leaf first and root last.
    struct Authority {
        let uri: String
        let chain: [Certificate]
        let validity: ValidityWindow
    }

    let tlogs: [Log]
    let ctlogs: [Log]
    let certificateAuthorities: [Authority]
    let timestampAuthorities: [Authority]

    /// Reads a trusted root from its file.
    init(contentsOf path: String) throws(ProvenanceError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotVerify(place: path, reason: "the trusted root cannot be read")
        }
        let fields = try JSONFields(parsing: [UInt8](data), place: path)
        let mediaType = try fields.string("mediaType")
        guard mediaType.hasPrefix("application/vnd.dev.sigstore.trustedroot") else {
            throw .unsupported(place: path, what: "trusted root media type \(mediaType)")
        }
        tlogs = try fields.objects("tlogs", Self.log)
        ctlogs = try fields.objects("ctlogs", Self.log)
        certificateAuthorities = try fields.objects("certificateAuthorities", Self.authority)
        timestampAuthorities = try fields.objects("timestampAuthorities", Self.authority)
    }

    /// The transparency log with this log ID.
    func tlog(id: [UInt8]) -> Log? { tlogs.first { $0.logID == id } }

    private static func log(_ fields: JSONFields) throws(ProvenanceError) -> Log? {
        let keyFields = try fields.object("publicKey")
        let validity = try ValidityWindow(keyFields)
        let logID = try fields.object("logId").bytes("keyId")
        guard let raw = try keyFields.optionalBytes("rawBytes"), let key = try? PublicKey(bytes: raw) else {
            return nil
        }
        return Log(baseURL: try fields.optionalString("baseUrl") ?? "", logID: logID, key: key, validity: validity)
    }

    private static func authority(_ fields: JSONFields) throws(ProvenanceError) -> Authority {
        var chain: [Certificate] = []
        for certificate in try fields.object("certChain").objects("certificates") {
            let raw = try certificate.bytes("rawBytes")
            do {
                chain.append(try Certificate(der: raw))
            } catch {
                throw certificate.malformed("rawBytes", "not an X.509 certificate: \(error)")
            }
        }
        guard !chain.isEmpty else { throw fields.malformed("certChain", "no certificates") }
        return Authority(uri: try fields.optionalString("uri") ?? "", chain: chain, validity: try ValidityWindow(fields))
    }
}
