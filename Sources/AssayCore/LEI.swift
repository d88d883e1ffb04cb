/// A Legal Entity Identifier (ISO 17442): 18 alphanumeric characters and two check digits (ISO 7064 MOD 97-10).
public struct LEI: Hashable, Sendable, CustomStringConvertible {
    /// The 20 upper-case characters.
    public let value: String

    /// Validates length, alphabet and check digits.
    public init(_ text: String) throws(ValueError) {
        let upper = text.uppercased()
        guard upper.utf8.count == 20 else {
            throw ValueError.invalidLEI(text, reason: "an LEI has 20 characters, this has \(text.count)")
        }
        guard upper.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) }) else {
            throw ValueError.invalidLEI(text, reason: "only digits and letters A-Z are allowed")
        }
        guard upper.utf8.suffix(2).allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw ValueError.invalidLEI(text, reason: "the last two characters are check digits")
        }
        guard LEI.mod97(upper) == 1 else {
            throw ValueError.invalidLEI(text, reason: "check digits do not match (ISO 17442 MOD 97-10)")
        }
        value = upper
    }

    public var description: String { value }

    /// The remainder modulo 97 of the number formed by replacing each letter with its value (A=10 … Z=35).
    static func mod97(_ text: String) -> Int {
        var remainder = 0
        for byte in text.utf8 {
            if byte <= 57 {
                remainder = (remainder * 10 + Int(byte - 48)) % 97
            } else {
                remainder = (remainder * 100 + Int(byte - 55)) % 97
            }
        }
        return remainder
    }
}
