import AssayBundle
import Foundation

/// The provenance formats Assay reads, told apart by content, never by file name.
public enum ProvenanceFormat: String, Sendable, CaseIterable {
    /// A Debian `.buildinfo` (deb822, optionally OpenPGP clear-signed).
    case buildinfo
    /// An in-toto v0.9 link (`signed._type` `link`).
    case inTotoLink = "in-toto-link"
    /// An in-toto v0.9 layout (`signed._type` `layout`).
    case inTotoLayout = "in-toto-layout"
    /// An SPDX 2.x document in tag-value form (`SPDXVersion: SPDX-2.3`).
    case spdxTagValue = "spdx-tag-value"
    /// An SPDX 2.x document in JSON (`spdxVersion`).
    case spdxJSON = "spdx-json"
    /// An in-toto Statement, a DSSE envelope or a Sigstore bundle (JSON).
    case signedAttestation = "signed-attestation"

    /// The format of a file's bytes, or `nil` when it is none Assay reads as provenance.
    public static func detect(_ bytes: [UInt8]) -> ProvenanceFormat? {
        let start = bytes.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || (0x09...0x0D).contains($0) }
        if start.first == UInt8(ascii: "{") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(start)) as? [String: Any] else {
                return nil
            }
            return detect(json: object)
        }
        if SPDXDocument.matches(bytes) { return .spdxTagValue }
        return BuildinfoReader.matches(bytes) ? .buildinfo : nil
    }

    private static func detect(json object: [String: Any]) -> ProvenanceFormat? {
        if object["spdxVersion"] is String { return .spdxJSON }
        if let signed = object["signed"] as? [String: Any], object["signatures"] is [Any] {
            switch signed["_type"] as? String {
            case "link": return .inTotoLink
            case "layout": return .inTotoLayout
            default: return nil
            }
        }
        let type = object["_type"] as? String ?? ""
        let mediaType = object["mediaType"] as? String ?? ""
        if type.hasPrefix("https://in-toto.io/Statement/") || (object["payloadType"] is String && object["payload"] != nil)
            || mediaType.hasPrefix("application/vnd.dev.sigstore.bundle")
        {
            return .signedAttestation
        }
        return nil
    }
}
