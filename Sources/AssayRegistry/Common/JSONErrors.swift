/// Turns `JSONDecoder` errors into one-line ``RegistryError``s that name the record and field.
enum JSONErrors {
    /// The registry error for a decoding failure; records are located by their 1-based index in the first array.
    static func translate(_ error: any Error, file: String) -> RegistryError {
        guard let decoding = error as? DecodingError else {
            return RegistryError.wrongShape(file: file, reason: "\(error)")
        }
        if case .dataCorrupted(let context) = decoding, context.codingPath.isEmpty {
            return RegistryError.wrongShape(file: file, reason: "the file is not valid JSON")
        }
        let (path, reason): ([any CodingKey], String) =
            switch decoding {
            case .keyNotFound(let key, let context): (context.codingPath + [key], "is missing")
            case .valueNotFound(_, let context): (context.codingPath, "is null")
            case .typeMismatch(let type, let context): (context.codingPath, "is not \(describe(type))")
            case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
            @unknown default: ([], "\(decoding)")
            }
        guard let recordIndex = path.firstIndex(where: { $0.intValue != nil }), let index = path[recordIndex].intValue,
            recordIndex + 1 < path.count
        else {
            let location = path.map(\.stringValue).joined(separator: ".")
            return RegistryError.wrongShape(
                file: file, reason: location.isEmpty ? "the top level \(reason)" : "'\(location)' \(reason)")
        }
        let field = path[(recordIndex + 1)...].map(\.stringValue).joined(separator: ".")
        return RegistryError.invalidField(file: file, at: .record(index + 1), field: field, reason: reason)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is [Any].Type: "an array"
        case is [String: Any].Type: "an object"
        default: "of the expected type"
        }
    }
}
