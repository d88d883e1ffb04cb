import AssayCrypto
import AssayProvenance
import AssayTestSupport
import Foundation
import Testing

/// One of the Sigstore conformance bundles in `../shared/fixtures/provenance/sigstore`, as JSON that tests tamper
/// with, verified against `a.txt` with its key and trusted root.
struct SigstoreFixture {
    static let folder = Paths.fixtures + "/provenance/sigstore"
    static var available: Bool { FileManager.default.fileExists(atPath: folder + "/a.txt") }
    static let missing: Comment = "needs ../shared/fixtures/provenance/sigstore"

    let name: String
    var bundle: [String: Any]
    var trustedRootPath: String

    init(_ name: String) throws {
        self.name = name
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/\(name)__bundle.sigstore.json"))
        bundle = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        trustedRootPath = "\(Self.folder)/\(name)__trusted_root.json"
    }

    static func bytes(_ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(file)")))
    }

    var key: PublicKey { get throws { try PublicKey(bytes: try Self.bytes("\(name)__key.pub")) } }

    static var artifact: AttestedArtifact {
        get throws { AttestedArtifact(name: "a.txt", sha256: try DigestContext.digest(try bytes("a.txt"), using: .sha256)) }
    }

    /// Verifies the (possibly tampered) bundle with the fixture's key and trusted root.
    func verify(keys: [PublicKey]? = nil, trustedRoot: String? = nil) throws(ProvenanceError)
        -> AttestationVerification
    {
        let data = (try? JSONSerialization.data(withJSONObject: bundle)) ?? Data()
        let policy = VerificationPolicy(
            keys: keys ?? ((try? key).map { [$0] } ?? []), trustedRootPath: trustedRoot ?? trustedRootPath)
        return try AttestationReader.claims(
            from: [UInt8](data), place: name, artifact: (try? Self.artifact), policy: policy)
    }

    /// The tlog entry's field (`tlogEntries[0]`), for tampering.
    var entry: [String: Any] {
        get { ((bundle["verificationMaterial"] as? [String: Any])?["tlogEntries"] as? [[String: Any]])?.first ?? [:] }
        set {
            var material = bundle["verificationMaterial"] as? [String: Any] ?? [:]
            material["tlogEntries"] = [newValue]
            bundle["verificationMaterial"] = material
        }
    }

    /// Flips one bit of a base64 value.
    static func flip(_ base64: Any?, at index: Int = 8) -> String {
        var bytes = [UInt8](Data(base64Encoded: base64 as? String ?? "") ?? Data())
        if bytes.indices.contains(index) { bytes[index] ^= 0x01 }
        return Data(bytes).base64EncodedString()
    }
}
