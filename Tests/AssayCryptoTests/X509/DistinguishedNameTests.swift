import AssayCrypto
import Testing

@Suite("RFC 2253 name text")
struct DistinguishedNameTests {
    @Test("escaped commas stay in the value; a multi-valued RDN's pairs stand on their own")
    func splitsPairs() {
        let name = DistinguishedName(#"CN=Gateway+serialNumber=42,O=Example\, Inc.,C=US"#)
        #expect(name.components == ["CN=Gateway", "serialNumber=42", "O=Example, Inc.", "C=US"])
        #expect(name.organization == "Example, Inc.")
        #expect(name.first("C") == "US")
    }

    @Test("the first O= counts; a name without one has no organisation; OU= is not O=")
    func organization() {
        #expect(DistinguishedName("CN=a,O=First,O=Second").organization == "First")
        #expect(DistinguishedName("CN=IETF Test Demo").organization == nil)
        #expect(DistinguishedName("OU=PKIACCV,CN=ACCVRAIZ1").organization == nil)
    }

    @Test(
        "real subjects: the organisation read from each RFC 2253 subject is the one OpenSSL printed as O = …",
        .enabled(if: Fixtures.x509Available, "x509 fixtures absent at ../shared/fixtures/x509"))
    func groundTruth() {
        var checked = 0
        for row in GroundTruthRow.all where row.accepted && !row["subject_rfc2253_utf8"].isEmpty {
            // OpenSSL's one-line form `C = US, O = Let's Encrypt, CN = …`, read only where no value holds a comma or an
            // escaped (non-ASCII) byte.
            let parts = row["subject"].components(separatedBy: ", ")
            guard parts.allSatisfy({ $0.contains(" = ") }), !row["subject"].contains("\\"),
                !row["subject_rfc2253_utf8"].contains("\\")
            else {
                continue
            }
            let expected = parts.first { $0.hasPrefix("O = ") }.map { String($0.dropFirst(4)) }
            #expect(DistinguishedName(row["subject_rfc2253_utf8"]).organization == expected, "\(row.file)")
            checked += 1
        }
        #expect(checked > 20)
    }
}
