/// C argument arrays for libpq, built in one contiguous buffer that lives for the call.
extension Array where Element == String {
    /// Calls `body` with a NULL-terminated array of C strings, one per element.
    func withCStrings<R>(_ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        withContiguousArguments(map { Array<CChar>($0.utf8CString) }, body)
    }
}

extension Array where Element == PostgresValue {
    /// Calls `body` with one pointer per parameter: a C string for text, the bytes for `bytea` (their lengths are
    /// passed apart), NULL for SQL NULL.
    func withParameterPointers<R>(_ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        withContiguousArguments(
            map { value in
                switch value {
                case .null: nil
                case .text(let text): Array<CChar>(text.utf8CString)
                case .bytes(let bytes): bytes.map { CChar(bitPattern: $0) }
                }
            }, body)
    }
}

/// Copies every argument into one buffer and calls `body` with pointers into it (and a final NULL).
private func withContiguousArguments<R>(
    _ arguments: [[CChar]?], _ body: ([UnsafePointer<CChar>?]) -> R
) -> R {
    var buffer: [CChar] = [0]  // never empty, so it always has a base address
    var offsets: [Int?] = []
    for argument in arguments {
        guard let argument else {
            offsets.append(nil)
            continue
        }
        offsets.append(buffer.count)
        buffer.append(contentsOf: argument)
    }
    return buffer.withUnsafeBufferPointer { base in
        // Passed on as a C array by Swift's array-to-pointer conversion, valid for the call.
        body(offsets.map { offset in offset.flatMap { at in base.baseAddress.map { $0 + at } } } + [nil])
    }
}
