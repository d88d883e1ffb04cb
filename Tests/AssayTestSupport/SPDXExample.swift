import Foundation

/// SPDX's own `example1` (spdx/spdx-examples `software/example1`, in `../shared/fixtures/provenance/spdx/example1`):
/// the tag-value document's path, its content tree, and the same document written as SPDX 2.3 JSON, field for
/// field, for the JSON readers.
public enum SPDXExample {
    /// The example's folder.
    public static let folder = Paths.fixtures + "/provenance/spdx/example1"
    /// The tag-value document.
    public static let tagValue = folder + "/spdx2.2/example1.spdx"
    /// The package root the document's `./src/hello.c` paths are relative to.
    public static let content = folder + "/content"

    /// The example as SPDX 2.3 JSON: the same package (with its verification code), files, checksums, file types
    /// and relationships as the tag-value document.
    public static let json = """
        {
          "spdxVersion": "SPDX-2.3",
          "dataLicense": "CC0-1.0",
          "SPDXID": "SPDXRef-DOCUMENT",
          "name": "hello",
          "documentNamespace": "https://swinslow.net/spdx-examples/example1/hello-v3",
          "creationInfo": {
            "creators": ["Person: Steve Winslow (steve@swinslow.net)", "Tool: github.com/spdx/tools-golang/builder",
              "Tool: github.com/spdx/tools-golang/idsearcher"],
            "created": "2021-08-26T01:46:00Z"
          },
          "documentDescribes": ["SPDXRef-Package-hello"],
          "packages": [{
            "name": "hello",
            "SPDXID": "SPDXRef-Package-hello",
            "downloadLocation": "git+https://github.com/swinslow/spdx-examples.git#example1/content",
            "filesAnalyzed": true,
            "packageVerificationCode": { "packageVerificationCodeValue": "9d20237bb72087e87069f96afb41c6ca2fa2a342" },
            "licenseConcluded": "GPL-3.0-or-later",
            "licenseInfoFromFiles": ["GPL-3.0-or-later"],
            "licenseDeclared": "GPL-3.0-or-later",
            "copyrightText": "NOASSERTION",
            "hasFiles": ["SPDXRef-hello-binary", "SPDXRef-Makefile", "SPDXRef-hello-src"]
          }],
          "files": [
            {
              "fileName": "./build/hello", "SPDXID": "SPDXRef-hello-binary", "fileTypes": ["BINARY"],
              "checksums": [
                { "algorithm": "SHA1", "checksumValue": "20291a81ef065ff891b537b64d4fdccaf6f5ac02" },
                { "algorithm": "SHA256", "checksumValue": "83a33ff09648bb5fc5272baca88cf2b59fd81ac4cc6817b86998136af368708e" },
                { "algorithm": "MD5", "checksumValue": "08a12c966d776864cc1eb41fd03c3c3d" }
              ],
              "licenseConcluded": "GPL-3.0-or-later", "licenseInfoInFiles": ["NOASSERTION"], "copyrightText": "NOASSERTION"
            },
            {
              "fileName": "./src/Makefile", "SPDXID": "SPDXRef-Makefile", "fileTypes": ["SOURCE"],
              "checksums": [
                { "algorithm": "SHA1", "checksumValue": "69a2e85696fff1865c3f0686d6c3824b59915c80" },
                { "algorithm": "SHA256", "checksumValue": "5da19033ba058e322e21c90e6d6d859c90b1b544e7840859c12cae5da005e79c" },
                { "algorithm": "MD5", "checksumValue": "559424589a4f3f75fd542810473d8bc1" }
              ],
              "licenseConcluded": "GPL-3.0-or-later", "licenseInfoInFiles": ["GPL-3.0-or-later"], "copyrightText": "NOASSERTION"
            },
            {
              "fileName": "./src/hello.c", "SPDXID": "SPDXRef-hello-src", "fileTypes": ["SOURCE"],
              "checksums": [
                { "algorithm": "SHA1", "checksumValue": "20862a6d08391d07d09344029533ec644fac6b21" },
                { "algorithm": "SHA256", "checksumValue": "b4e5ca56d1f9110ca94ed0bf4e6d9ac11c2186eb7cd95159c6fdb50e8db5a823" },
                { "algorithm": "MD5", "checksumValue": "935054fe899ca782e11003bbae5e166c" }
              ],
              "licenseConcluded": "GPL-3.0-or-later", "licenseInfoInFiles": ["GPL-3.0-or-later"],
              "copyrightText": "Copyright Contributors to the spdx-examples project."
            }
          ],
          "relationships": [
            { "spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": "SPDXRef-Package-hello" },
            { "spdxElementId": "SPDXRef-hello-binary", "relationshipType": "GENERATED_FROM", "relatedSpdxElement": "SPDXRef-hello-src" },
            { "spdxElementId": "SPDXRef-hello-binary", "relationshipType": "GENERATED_FROM", "relatedSpdxElement": "SPDXRef-Makefile" },
            { "spdxElementId": "SPDXRef-Makefile", "relationshipType": "BUILD_TOOL_OF", "relatedSpdxElement": "SPDXRef-Package-hello" }
          ]
        }
        """

    /// The tag-value document with its verification code replaced by another SHA-1.
    public static func tagValue(verificationCode: String) throws -> String {
        try String(contentsOfFile: tagValue, encoding: .utf8).replacingOccurrences(
            of: "9d20237bb72087e87069f96afb41c6ca2fa2a342", with: verificationCode)
    }
}
