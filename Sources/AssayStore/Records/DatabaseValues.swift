import AssayCore
import GRDB

// Domain values are stored as text; these conformances let records hold them directly.

extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(dbValue).flatMap { try? CalendarDate(iso: $0) }
    }
}

extension CountryCode: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { code.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CountryCode? {
        String.fromDatabaseValue(dbValue).flatMap { try? CountryCode($0) }
    }
}

extension CertificationScheme: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { id.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CertificationScheme? {
        String.fromDatabaseValue(dbValue).flatMap { try? CertificationScheme($0) }
    }
}

extension CertificationStatus: DatabaseValueConvertible {}
extension VendorRelationship: DatabaseValueConvertible {}
extension ParentLink: DatabaseValueConvertible {}
