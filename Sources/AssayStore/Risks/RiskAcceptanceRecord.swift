import AssayCore

/// A `riskAcceptance` row.
struct RiskAcceptanceRecord: Codable, Sendable, SQLNumberedRecord {
    static let databaseTableName = "riskAcceptance"
    var id: Int64?
    var findingId: String
    var vendorId: Int64?
    var vendorName: String?
    var subject: String?
    var severity: Severity
    var owner: String
    var reason: String
    var ticket: String?
    var acceptedOn: CalendarDate
    var until: CalendarDate
    var createdAt: String
    var actor: String
    var revokedOn: CalendarDate?
    var revokedAt: String?
    var revokedBy: String?
    var revokeReason: String?

    func acceptance() throws -> RiskAcceptance {
        guard let id else { throw StoreError.database("risk acceptance row without id") }
        var revocation: RiskRevocation?
        if let revokedOn, let revokedAt {
            revocation = RiskRevocation(
                on: revokedOn, at: revokedAt, actor: revokedBy ?? "", reason: revokeReason ?? "")
        }
        return RiskAcceptance(
            id: id, findingId: findingId,
            vendor: vendorId.map { VendorReference(id: $0, name: vendorName ?? "#\($0)", link: nil) },
            subject: subject, severity: severity, owner: owner, reason: reason, ticket: ticket,
            acceptedOn: acceptedOn, until: until, createdAt: createdAt, actor: actor, revocation: revocation)
    }
}
