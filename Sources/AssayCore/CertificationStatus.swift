/// The status a certification body has given a certificate. Expiry is not a status: it is derived from the
/// dates as of a given day (see ``Validity``).
public enum CertificationStatus: String, CaseIterable, Codable, Sendable {
    case active
    case suspended
    case withdrawn
    case revoked

    /// Parses a status typed by a user.
    public init(parsing text: String) throws(ValueError) {
        guard let status = CertificationStatus(rawValue: text.lowercased()) else {
            throw ValueError.invalidEnumValue(field: "status", value: text, allowed: Self.allCases.map(\.rawValue))
        }
        self = status
    }
}

/// Whether a certification is in force on a given day, derived from its status and dates.
public enum Validity: String, Codable, Sendable {
    /// Active and within its dates.
    case valid
    /// Active, but its first day is still to come.
    case notYetValid = "not-yet-valid"
    /// Active, but its last day has passed.
    case expired
    case suspended
    case withdrawn
    case revoked

    /// The validity on `day` of a certification with these status and dates.
    public init(status: CertificationStatus, issuedOn: CalendarDate?, validUntil: CalendarDate?, on day: CalendarDate) {
        switch status {
        case .suspended: self = .suspended
        case .withdrawn: self = .withdrawn
        case .revoked: self = .revoked
        case .active:
            if let issuedOn, day < issuedOn {
                self = .notYetValid
            } else if let validUntil, validUntil < day {
                self = .expired
            } else {
                self = .valid
            }
        }
    }
}
