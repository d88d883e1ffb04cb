import AssayCore

/// How a claimed certification compares with the public registry record it should rest on.
public enum ReconciliationOutcome: String, Codable, Sendable, CaseIterable {
    /// Found and in force.
    case active
    /// Found, but archived (CC) or historical (CMVP) as of the day.
    case archived
    /// Found and revoked.
    case revoked
    /// No registry record supports the claim.
    case notFound = "not-found"
    /// A record exists, but for another product.
    case productNotCovered = "product-not-covered"
    /// The record's product does not name some claimed versions.
    case versionNotCovered = "version-not-covered"
    /// The claim's issue date is not the registry's certification date.
    case datesDisagree = "dates-disagree"

    /// Whether the outcome is a problem worth a finding (everything but `active`).
    public var isProblem: Bool { self != .active }
}

/// One outcome of checking one claim, with the registry record it rests on.
public struct ReconciliationFinding: Codable, Sendable, Equatable {
    public var certificationId: Int64
    public var vendor: VendorReference
    public var scheme: CertificationScheme
    public var number: String?
    public var product: String?
    public var outcome: ReconciliationOutcome
    /// The registry record compared, when one was found.
    public var registryRecordId: Int64?
    public var registry: Registry?
    /// One line for people.
    public var message: String
}

/// Compares one claim with registry records: pure logic, no database.
struct ReconciliationCheck {
    let claim: Certification
    let vendorName: String
    let productName: String?
    let asOf: CalendarDate

    /// The registry a claim of this scheme is checked against, or `nil` when no imported registry covers it.
    static func registry(for scheme: CertificationScheme) -> Registry? {
        switch scheme.builtin {
        case .commonCriteria, .eucc: .ccPortal
        case .fips140_2, .fips140_3: .cmvp
        default: nil
        }
    }

    /// The candidate record that best supports the claim, among records of the right registry.
    func bestRecord(in records: [RegistryRecord]) -> RegistryRecord? {
        if Self.registry(for: claim.scheme) == .cmvp {
            let number = Self.digits(claim.number ?? "")
            return records.first { $0.certificateNumber == number && !number.isEmpty }
        }
        let ofVendor = records.filter { $0.vendorId == claim.vendorId }
        if let number = claim.number, !number.isEmpty,
            let byNumber = ofVendor.first(where: { $0.url?.contains(number) == true || $0.recordKey.contains(number) })
        {
            return byNumber
        }
        guard let productName else { return nil }
        let wanted = Self.fold(productName)
        return ofVendor.first { Self.fold($0.product).contains(wanted) }
    }

    /// The outcomes for the claim given the best record (or none).
    func outcomes(_ record: RegistryRecord?) -> [(ReconciliationOutcome, String)] {
        let title = "\(claim.scheme.title)\(claim.number.map { " \($0)" } ?? "")"
        guard let record else {
            return [(.notFound, "\(vendorName)'s \(title)\(productName.map { " for \($0)" } ?? "") is not in the imported registry")]
        }
        let registered = "\(record.registry.rawValue) record #\(record.id ?? 0) (\(record.product))"
        if let owner = record.vendorId, owner != claim.vendorId {
            return [(.notFound, "\(title) is registered to '\(record.manufacturer)', not \(vendorName): \(registered)")]
        }
        if record.registry == .cmvp, let standard = record.scheme, standard != claim.scheme.title {
            return [(.notFound, "\(title) is not in the registry: \(registered) is a \(standard) validation")]
        }
        var found: [(ReconciliationOutcome, String)] = []
        switch record.status {
        case "revoked": found.append((.revoked, "\(title) is revoked in \(registered)"))
        case "archived", "historical": found.append((.archived, "\(title) is \(record.status) in \(registered)"))
        default:
            if let end = record.endsOn, end < asOf {
                found.append((.archived, "\(title) left the active list on \(end) in \(registered)"))
            } else {
                found.append((.active, "\(title) is active in \(registered)"))
            }
        }
        if let productName, !Self.fold(record.product).contains(Self.fold(productName)) {
            found.append((.productNotCovered, "\(registered) does not cover the product '\(productName)'"))
        }
        let missing = claim.coveredVersions.filter { !Self.fold(record.product).contains(Self.fold($0)) }
        if !missing.isEmpty {
            found.append((.versionNotCovered,
                          "\(registered) does not name version(s) \(missing.joined(separator: ", "))"))
        }
        if let issued = claim.issuedOn, let certified = record.certifiedOn, issued != certified {
            found.append((.datesDisagree, "\(title) claims issue on \(issued); the registry says \(certified)"))
        }
        return found
    }

    /// Lower-case letters and digits, words separated by one space.
    static func fold(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    static func digits(_ text: String) -> String {
        String(text.filter(\.isNumber).drop { $0 == "0" })
    }
}
