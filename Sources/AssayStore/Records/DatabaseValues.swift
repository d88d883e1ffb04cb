import AssayCore
import GRDB

// Domain values are stored as text; these conformances let records hold them directly.

extension DatabaseValueConvertible where Self: TextCodable {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? {
        String.fromDatabaseValue(dbValue).flatMap { try? Self(text: $0) }
    }
}

extension CalendarDate: DatabaseValueConvertible {}
extension CountryCode: DatabaseValueConvertible {}
extension CertificationScheme: DatabaseValueConvertible {}
extension Jurisdiction: DatabaseValueConvertible {}
extension PartialDate: DatabaseValueConvertible {}

extension CertificationStatus: DatabaseValueConvertible {}
extension MarketEventType: DatabaseValueConvertible {}
extension MarketEventStatus: DatabaseValueConvertible {}
extension VendorRelationship: DatabaseValueConvertible {}
extension ParentLink: DatabaseValueConvertible {}
extension EscrowOfferKind: DatabaseValueConvertible {}
extension VerificationOutcome: DatabaseValueConvertible {}
