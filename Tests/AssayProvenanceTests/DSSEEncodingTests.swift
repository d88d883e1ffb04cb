import AssayProvenance
import Testing

@Suite("DSSE pre-authentication encoding")
struct DSSEEncodingTests {
    @Test("PAE of the DSSE specification's example")
    func specificationExample() {
        let bytes = DSSEEnvelope.preAuthenticationEncoding(
            payloadType: "http://example.com/HelloWorld", payload: Array("hello world".utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == "DSSEv1 29 http://example.com/HelloWorld 11 hello world")
    }

    @Test("lengths count bytes, not characters")
    func lengthsCountBytes() {
        let bytes = DSSEEnvelope.preAuthenticationEncoding(payloadType: "t", payload: Array("é".utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == "DSSEv1 1 t 2 é")
    }

    @Test("URL-safe base64 without padding decodes; text that is not base64 does not")
    func base64() {
        #expect(Base64Text.decode("aGk-") == [0x68, 0x69, 0x3e])
        #expect(Base64Text.decode("aGk") == [0x68, 0x69])
        #expect(Base64Text.decode("a") == nil)
        #expect(Base64Text.decode("!!!!") == nil)
    }
}
