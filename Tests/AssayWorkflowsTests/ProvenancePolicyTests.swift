import AssayCrypto
import AssayProvenance
import AssayTestSupport
import AssayWorkflows
import Foundation
import Testing

@Suite("Verification policies from key files")
struct ProvenancePolicyTests {
    private static let folder = Paths.fixtures + "/provenance/sigstore"
    private static let name = "managed-key-and-trusted-root"

    @Test("keys read from files verify a Sigstore bundle; the stranger's key alone does not")
    func keyFilesVerify() throws {
        try #require(FileManager.default.fileExists(atPath: Self.folder), "shared fixtures absent (skipped)")
        let root = "\(Self.folder)/\(Self.name)__trusted_root.json"
        let attestation = "\(Self.folder)/\(Self.name)__bundle.sigstore.json"
        let policy = try VerificationPolicy(keyFiles: ["\(Self.folder)/\(Self.name)__key.pub"], trustedRootPath: root)
        #expect(policy.keys.count == 1)
        let result = try ProvenanceVerification.verify(
            file: Self.folder + "/a.txt", attestation: attestation, policy: policy)
        #expect(result.valid)
        let other = "\(Self.folder)/intoto-canonical-log-entry__key.pub"
        let stranger = try VerificationPolicy(keyFiles: [other], trustedRootPath: root)
        let refused = Result {
            try ProvenanceVerification.verify(file: Self.folder + "/a.txt", attestation: attestation, policy: stranger)
        }
        if case .success(let verification) = refused { #expect(!verification.valid) }
    }

    @Test("a key file that is missing is an error naming it, before anything is verified")
    func missingKeyFile() throws {
        let folder = TemporaryDirectory()
        let missing = folder.file("vendor.pub")
        #expect(throws: WorkflowError.cannotRead(path: missing, what: "public key", reason: "no such file")) {
            try VerificationPolicy(keyFiles: [missing])
        }
    }
}
