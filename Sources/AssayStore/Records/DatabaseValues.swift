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

extension PartialDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> PartialDate? {
        String.fromDatabaseValue(dbValue).flatMap { try? PartialDate(parsing: $0) }
    }
}

extension Jurisdiction: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { code.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Jurisdiction? {
        String.fromDatabaseValue(dbValue).flatMap { try? Jurisdiction($0) }
    }
}

extension CertificationStatus: DatabaseValueConvertible {}
extension MarketEventType: DatabaseValueConvertible {}
extension MarketEventStatus: DatabaseValueConvertible {}
extension VendorRelationship: DatabaseValueConvertible {}
extension ParentLink: DatabaseValueConvertible {}
