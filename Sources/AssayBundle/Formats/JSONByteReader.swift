import Foundation

/// Reads a file a megabyte at a time for ``JSONManifestReader``: JSON tokens, byte by byte, in constant memory.
///
/// Every method returns `nil` (or `false`) on anything it does not expect; the manifest reader then hands the file
/// to the complete decoder, which names the problem.
final class JSONByteReader {
    private let fd: Int32
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var position = 0
    private var end = 0
    private var failed = false

    /// Opens a file; `nil` when it cannot be opened.
    init?(path: String) {
        // Nothing is allocated before the open succeeds: a failed init of a fully initialised object would run
        // deinit, freeing what was already freed.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        self.fd = fd
        buffer = .allocate(capacity: 1 << 20)
    }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    /// The next byte without taking it, `nil` at the end of the file or after a read error.
    func peek() -> UInt8? {
        if position == end {
            guard !failed else { return nil }
            let count = read(fd, buffer.baseAddress, buffer.count)
            guard count > 0 else {
                failed = true
                return nil
            }
            position = 0
            end = count
        }
        return buffer[position]
    }

    /// Takes the next byte.
    func next() -> UInt8? {
        guard let byte = peek() else { return nil }
        position += 1
        return byte
    }

    /// Skips whitespace, then takes `byte` if it comes next.
    func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09 { position += 1 }
    }

    /// Whether only whitespace is left.
    var atEnd: Bool {
        skipSpace()
        return peek() == nil
    }

    /// A string's bytes, escapes decoded (the opening quote not yet taken); `nil` for a malformed string, a lone
    /// surrogate or bytes that are not UTF-8.
    func string() -> [UInt8]? {
        var out: [UInt8] = []
        return string(into: &out) ? out : nil
    }

    /// Reads a string into `out` (emptied first, its storage reused): `false` where ``string()`` gives `nil`.
    func string(into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        guard take(UInt8(ascii: "\"")) else { return false }
        var ascii = true
        while true {
            // The plain bytes up to the next quote, escape or control byte, copied from the buffer in one go.
            var run = position
            while run < end {
                let byte = buffer[run]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                if byte >= 0x80 { ascii = false }
                run += 1
            }
            if run > position {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position..<run]))
                position = run
            }
            guard let byte = next() else { return false }
            switch byte {
            case UInt8(ascii: "\""):
                return ascii || String(validating: out, as: UTF8.self) != nil
            case UInt8(ascii: "\\"):
                guard let escape = next() else { return false }
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0c)
                case UInt8(ascii: "n"): out.append(0x0a)
                case UInt8(ascii: "r"): out.append(0x0d)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return false }
                    out.append(contentsOf: String(Character(scalar)).utf8)
                    ascii = ascii && scalar.isASCII
                default: return false
                }
            case 0..<0x20: return false
            default:
                // The first byte of a refilled buffer.
                if byte >= 0x80 { ascii = false }
                out.append(byte)
            }
        }
    }

    /// The scalar of a `\u` escape (the `\u` taken), combining a surrogate pair.
    private func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        if (0xd800..<0xdc00).contains(high) {
            guard next() == UInt8(ascii: "\\"), next() == UInt8(ascii: "u"), let low = hex4(),
                (0xdc00..<0xe000).contains(low)
            else { return nil }
            return Unicode.Scalar(0x10000 + (high - 0xd800) << 10 + (low - 0xdc00))
        }
        return Unicode.Scalar(high)
    }

    private func hex4() -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = next(), let digit = Self.hexValue(byte) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A whole number of plain digits that fits in 64 bits.
    func unsigned() -> UInt64? {
        skipSpace()
        var value: UInt64 = 0
        var digits = 0
        let leadingZero = peek() == UInt8(ascii: "0")
        while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            value = sum
            digits += 1
            position += 1
        }
        guard digits > 0, !(leadingZero && digits > 1) else { return nil }
        guard let byte = peek(), byte != UInt8(ascii: "."), byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E")
        else { return nil }
        return value
    }

    /// Takes one of the literals `true`, `false`, `null`; `nil` for anything else.
    func literal() -> String? {
        skipSpace()
        let word: String
        switch peek() {
        case UInt8(ascii: "t"): word = "true"
        case UInt8(ascii: "f"): word = "false"
        case UInt8(ascii: "n"): word = "null"
        default: return nil
        }
        for expected in word.utf8 { guard next() == expected else { return nil } }
        return word
    }

    /// Skips one value of any kind, appending its bytes to `raw` (a value kept for the complete decoder).
    func skipValue(into raw: inout [UInt8]) -> Bool {
        skipSpace()
        var depth = 0
        var inString = false
        repeat {
            guard let byte = next() else { return false }
            raw.append(byte)
            if inString {
                if byte == UInt8(ascii: "\\") {
                    guard let escaped = next() else { return false }
                    raw.append(escaped)
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
            }
            if depth == 0 && !inString {
                // A scalar ends before the next delimiter; a string, object or array ends at its closing byte.
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { return true }
                while let next = peek(),
                    ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0a, 0x0d, 0x09]
                        .contains(next)
                {
                    raw.append(next)
                    position += 1
                }
                return true
            }
        } while depth >= 0
        return false
    }
}
