import AssayCore
import AssayRegistry
import Foundation
import Testing

/// Keeps `Schemas/certifications-import.schema.json` in step with ``CertificationRecord``.
struct CertificationSchemaTests {
    static let schemaURL = Fixtures.packageRoot.appendingPathComponent("Schemas/certifications-import.schema.json")

    private func itemSchema() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL))
        let schema = try #require(object as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        return try #require(definitions["certification"] as? [String: Any])
    }

    @Test func propertiesMatchCodingKeys() throws {
        let properties = try #require(try itemSchema()["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(CertificationRecord.CodingKeys.allCases.map(\.rawValue)))
    }

    @Test func requiredPropertiesMatchTheType() throws {
        let required = try #require(try itemSchema()["required"] as? [String])
        #expect(Set(required) == Set(CertificationRecord.CodingKeys.allCases.filter(\.isRequired).map(\.rawValue)))
    }

    @Test func statusEnumMatchesTheType() throws {
        let properties = try #require(try itemSchema()["properties"] as? [String: Any])
        let status = try #require(properties["status"] as? [String: Any])
        #expect(status["enum"] as? [String] == CertificationStatus.allCases.map(\.rawValue))
    }

    /// The audit period's two days go together, in the schema as in the reader.
    @Test func auditPeriodDaysDependOnEachOther() throws {
        let dependent = try #require(try itemSchema()["dependentRequired"] as? [String: [String]])
        #expect(dependent == ["audit_period_start": ["audit_period_end"], "audit_period_end": ["audit_period_start"]])
    }

    /// Dropping a required key must fail decoding; dropping an optional one must not (except one of the audit
    /// period's two days, which go together).
    @Test(arguments: CertificationRecord.CodingKeys.allCases)
    func decodingAgreesWithRequired(key: CertificationRecord.CodingKeys) throws {
        let full = try JSONSerialization.jsonObject(with: CertificationFile.json(CertificationFileTests.records()))
        var document = try #require(full as? [String: Any])
        var record = try #require((document["certifications"] as? [[String: Any]])?.first)
        record.removeValue(forKey: key.rawValue)
        document["certifications"] = [record]
        let data = try JSONSerialization.data(withJSONObject: document)
        if key.isRequired || key == .auditPeriodStart || key == .auditPeriodEnd {
            #expect(throws: RegistryError.self) { try CertificationFile.parseJSON(data, file: "c.json") }
        } else {
            #expect(try CertificationFile.parseJSON(data, file: "c.json").count == 1)
        }
    }
}
