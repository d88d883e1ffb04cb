import AssayCrypto
import AssayProvenance
import AssayTestSupport
import Foundation
import Testing

@Suite("DSSE envelopes verified with trusted keys")
struct DSSEVerificationTests {
    /// The envelope of secure-systems-lab/dsse `protocol.md`'s test vector (ECDSA P-256, raw r || s signature).
    static let vector = """
        {"payload": "aGVsbG8gd29ybGQ=",
         "payloadType": "http://example.com/HelloWorld",
         "signatures": [{"sig": "A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA=="}]}
        """
    static let keyPath = Paths.fixtures + "/provenance/dsse/dsse-test-vector.pub.pem"
    static var available: Bool { FileManager.default.fileExists(atPath: keyPath) }

    static func envelope(_ text: String = vector) throws -> DSSEEnvelope {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try DSSEEnvelope(json: object, place: "vector")
    }

    static func key() throws -> PublicKey {
        try PublicKey(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: keyPath))))
    }

    @Test("the specification's test vector verifies with its key", .enabled(if: available, "needs the DSSE fixture"))
    func specificationVector() throws {
        let key = try Self.key()
        let verdict = try Self.envelope().verify(keys: [key], place: "vector")
        #expect(verdict.signer == "sha256:\(key.fingerprint.hex)")
        #expect(verdict.strength == .signatureVerified)
    }

    @Test("tampered copies of the vector do not verify", .enabled(if: available, "needs the DSSE fixture"))
    func tampered() throws {
        let key = try Self.key()
        let copies = [
            Self.vector.replacingOccurrences(of: "aGVsbG8gd29ybGQ=", with: "bGVsbG8gd29ybGQ="),
            Self.vector.replacingOccurrences(of: "HelloWorld", with: "HelloWorlD"),
            Self.vector.replacingOccurrences(of: "A3JqsQGt", with: "A3JqsQGu"),
        ]
        for copy in copies {
            #expect(throws: ProvenanceError.signatureInvalid(
                place: "vector", reason: "none of the 1 DSSE signature(s) verifies with the 1 given key(s)")) {
                try Self.envelope(copy).verify(keys: [key], place: "vector")
            }
        }
    }

    @Test("without a key the envelope is reported as signed but unverified")
    func noKey() throws {
        let verdict = try Self.envelope().verify(keys: [], place: "vector")
        #expect(verdict.signer == nil)
        #expect(verdict.strength == .signatureUnverified)
    }

    @Test("a DSSE in-toto statement read by content: unverified without a key, refused with the wrong key")
    func statementInEnvelope() throws {
        let statement = #"{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a","digest":{"sha256":"aa"}}],"predicateType":"https://example.com/p","predicate":{}}"#
        let payload = Data(statement.utf8).base64EncodedString()
        let text = #"{"payloadType":"application/vnd.in-toto+json","payload":"\#(payload)","signatures":[{"sig":"MEUCIQ=="}]}"#
        let read = try AttestationReader.claims(
            from: Array(text.utf8), place: "env.json", artifact: nil, policy: VerificationPolicy())
        #expect(read.format == .dsseEnvelope)
        #expect(read.claim.strength == .signatureUnverified)
        #expect(read.claim.subjects.first?.sha256 == "aa")
        guard Self.available else { return }
        #expect(throws: ProvenanceError.self) {
            try AttestationReader.claims(
                from: Array(text.utf8), place: "env.json", artifact: nil, policy: VerificationPolicy(keys: [try Self.key()]))
        }
    }
}
