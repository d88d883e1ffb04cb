import AssayCore
import Foundation

/// One value read from or bound to an SQL statement, whichever database runs it: the five storage classes both
/// stores share (PostgreSQL's SMALLINT/BIGINT read as integers, DOUBLE PRECISION as reals, BYTEA as bytes).
enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// True for SQL NULL.
    var isNull: Bool { self == .null }
}

/// A Swift value stored in one column: how it is written, and read back (`nil` when the stored value is not one).
///
/// The forms are those the SQLite store has always written (through GRDB), so that rows written before and after
/// the move to this seam read alike: integers and booleans as integers, domain values as their text, `Data` as
/// bytes. (A `[UInt8]` has no column form: GRDB wrote it, as any other list, as JSON text, and so does the seam.)
protocol SQLValueConvertible {
    /// The value to bind.
    var sqlValue: SQLValue { get }
    /// The value read back, `nil` when `value` is not one (NULL included).
    init?(sqlValue value: SQLValue)
}

extension Int64: SQLValueConvertible {
    var sqlValue: SQLValue { .integer(self) }
    init?(sqlValue value: SQLValue) {
        switch value {
        case .integer(let number): self = number
        case .real(let number): guard let exact = Int64(exactly: number) else { return nil }; self = exact
        case .text(let text): guard let number = Int64(text) else { return nil }; self = number
        default: return nil
        }
    }
}

extension Int: SQLValueConvertible {
    var sqlValue: SQLValue { .integer(Int64(self)) }
    init?(sqlValue value: SQLValue) {
        guard let number = Int64(sqlValue: value) else { return nil }
        self.init(number)
    }
}

// The other integer widths as integers, as GRDB stored them (a value that does not fit reads back as none).
extension SQLValueConvertible where Self: FixedWidthInteger {
    var sqlValue: SQLValue { Int64(exactly: self).map(SQLValue.integer) ?? .text(String(self)) }
    init?(sqlValue value: SQLValue) {
        if case .text(let text) = value, let number = Self(text) {
            self = number
            return
        }
        guard let number = Int64(sqlValue: value), let exact = Self(exactly: number) else { return nil }
        self = exact
    }
}

extension Int8: SQLValueConvertible {}
extension Int16: SQLValueConvertible {}
extension Int32: SQLValueConvertible {}
extension UInt: SQLValueConvertible {}
extension UInt8: SQLValueConvertible {}
extension UInt16: SQLValueConvertible {}
extension UInt32: SQLValueConvertible {}
extension UInt64: SQLValueConvertible {}

extension Float: SQLValueConvertible {
    var sqlValue: SQLValue { .real(Double(self)) }
    init?(sqlValue value: SQLValue) {
        guard let number = Double(sqlValue: value) else { return nil }
        self = Float(number)
    }
}

extension Bool: SQLValueConvertible {
    var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    init?(sqlValue value: SQLValue) {
        switch value {
        case .text("t"), .text("true"): self = true
        case .text("f"), .text("false"): self = false
        default:
            guard let number = Int64(sqlValue: value) else { return nil }
            self = number != 0
        }
    }
}

extension Double: SQLValueConvertible {
    var sqlValue: SQLValue { .real(self) }
    init?(sqlValue value: SQLValue) {
        switch value {
        case .integer(let number): self = Double(number)
        case .real(let number): self = number
        case .text(let text): guard let number = Double(text) else { return nil }; self = number
        default: return nil
        }
    }
}

extension String: SQLValueConvertible {
    var sqlValue: SQLValue { .text(self) }
    init?(sqlValue value: SQLValue) {
        switch value {
        case .text(let text): self = text
        case .blob(let bytes): self = String(decoding: bytes, as: UTF8.self)
        case .integer(let number): self = String(number)
        default: return nil
        }
    }
}

extension Data: SQLValueConvertible {
    var sqlValue: SQLValue { .blob(Array(self)) }
    init?(sqlValue value: SQLValue) {
        switch value {
        case .blob(let bytes): self = Data(bytes)
        case .text(let text): self = Data(text.utf8)
        default: return nil
        }
    }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
    init?(sqlValue value: SQLValue) {
        if value.isNull {
            self = .none
        } else {
            guard let wrapped = Wrapped(sqlValue: value) else { return nil }
            self = .some(wrapped)
        }
    }
}

// Domain values are stored as their text.
extension SQLValueConvertible where Self: TextCodable {
    var sqlValue: SQLValue { .text(description) }
    init?(sqlValue value: SQLValue) {
        guard let text = String(sqlValue: value), let parsed = try? Self(text: text) else { return nil }
        self = parsed
    }
}

// Closed vocabularies are stored as their raw text.
extension SQLValueConvertible where Self: RawRepresentable, RawValue == String {
    var sqlValue: SQLValue { .text(rawValue) }
    init?(sqlValue value: SQLValue) {
        guard let text = String(sqlValue: value), let parsed = Self(rawValue: text) else { return nil }
        self = parsed
    }
}

extension CalendarDate: SQLValueConvertible {}
extension CountryCode: SQLValueConvertible {}
extension CertificationScheme: SQLValueConvertible {}
extension Jurisdiction: SQLValueConvertible {}
extension PartialDate: SQLValueConvertible {}
extension CertificationStatus: SQLValueConvertible {}
extension MarketEventType: SQLValueConvertible {}
extension MarketEventStatus: SQLValueConvertible {}
extension VendorRelationship: SQLValueConvertible {}
extension ParentLink: SQLValueConvertible {}
extension EscrowOfferKind: SQLValueConvertible {}
extension VerificationOutcome: SQLValueConvertible {}
