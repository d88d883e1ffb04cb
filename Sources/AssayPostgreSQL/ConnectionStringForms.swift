/// A way of writing a connection string, read far enough to hide its password.
protocol ConnectionStringForm {
    /// The string with the password replaced by `***`.
    var redacted: String { get }
    /// The password as written and as libpq reads it (possibly empty).
    var secrets: [String] { get }
}

/// A key/value connection string (`host=/tmp dbname='my db' password=x`), read as libpq reads it: pairs
/// separated by whitespace, `=` with optional whitespace around it, values bare (a backslash escapes the next
/// character) or single-quoted (a backslash escapes `'` and `\`).
struct KeyValueForm: ConnectionStringForm {
    /// Each pair: keyword, the value as written, the value as libpq reads it.
    let pairs: [(keyword: String, written: String, value: String)]

    init?(_ text: String) {
        var pairs: [(String, String, String)] = []
        var index = text.startIndex
        func skipSpaces() { while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) } }
        while true {
            skipSpaces()
            guard index < text.endIndex else { break }
            let keyStart = index
            while index < text.endIndex, text[index] != "=", !text[index].isWhitespace {
                index = text.index(after: index)
            }
            let keyword = String(text[keyStart..<index])
            skipSpaces()
            guard index < text.endIndex, text[index] == "=", !keyword.isEmpty else { return nil }
            index = text.index(after: index)
            skipSpaces()
            let valueStart = index
            var value = ""
            let quoted = index < text.endIndex && text[index] == "'"
            if quoted { index = text.index(after: index) }
            var closed = !quoted
            while index < text.endIndex {
                let character = text[index]
                if quoted && character == "'" {
                    index = text.index(after: index)
                    closed = true
                    break
                }
                if !quoted && character.isWhitespace { break }
                if character == "\\", text.index(after: index) < text.endIndex {
                    index = text.index(after: index)
                }
                value.append(text[index])
                index = text.index(after: index)
            }
            guard closed else { return nil }
            pairs.append((keyword, String(text[valueStart..<index]), value))
        }
        self.pairs = pairs
    }

    /// The pairs as written, the password's value replaced by `***`.
    var redacted: String {
        pairs.map { pair in "\(pair.keyword)=\(pair.keyword == "password" ? "***" : pair.written)" }
            .joined(separator: " ")
    }

    /// The password as written and as read.
    var secrets: [String] {
        pairs.filter { $0.keyword == "password" }.flatMap { [$0.written, $0.value] }
    }

    /// A value written so that libpq reads it back unchanged.
    static func quoted(_ value: String) -> String {
        let plain = !value.isEmpty && !value.contains { $0.isWhitespace || $0 == "'" || $0 == "\\" }
        if plain { return value }
        return "'" + value.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
    }
}

/// A connection URI, `postgresql://[user[:password]@][host][:port][/dbname][?param=value&…]`, split as libpq
/// splits it: the userinfo ends at the first `@` before any `/`.
struct URIForm: ConnectionStringForm {
    let scheme: Substring
    let user: Substring?
    let password: Substring?
    let parameters: [(key: Substring, value: Substring)]?
    let beforeQuery: Substring

    init?(_ text: String) {
        guard let schemeEnd = text.firstRange(of: "://") else { return nil }
        scheme = text[..<schemeEnd.upperBound]
        var afterScheme = text[schemeEnd.upperBound...]
        let userEnd = afterScheme.firstIndex { $0 == "@" || $0 == "/" }
        if let userEnd, afterScheme[userEnd] == "@" {
            let userinfo = afterScheme[..<userEnd]
            if let colon = userinfo.firstIndex(of: ":") {
                user = userinfo[..<colon]
                password = userinfo[userinfo.index(after: colon)...]
            } else {
                user = userinfo
                password = nil
            }
            afterScheme = afterScheme[afterScheme.index(after: userEnd)...]
        } else {
            user = nil
            password = nil
        }
        if let question = afterScheme.firstIndex(of: "?") {
            beforeQuery = afterScheme[..<question]
            parameters = afterScheme[afterScheme.index(after: question)...].split(separator: "&").map { pair in
                guard let equals = pair.firstIndex(of: "=") else { return (pair, pair[pair.endIndex...]) }
                return (pair[..<equals], pair[pair.index(after: equals)...])
            }
        } else {
            beforeQuery = afterScheme
            parameters = nil
        }
    }

    var redacted: String {
        var shown = String(scheme)
        if let user { shown += user + (password == nil ? "" : ":***") + "@" }
        shown += beforeQuery
        if let parameters {
            shown +=
                "?"
                + parameters.map { key, value in
                    Self.decoded(key) == "password" ? "\(key)=***" : value.isEmpty ? String(key) : "\(key)=\(value)"
                }.joined(separator: "&")
        }
        return shown
    }

    var secrets: [String] {
        let fromQuery = (parameters ?? []).filter { Self.decoded($0.key) == "password" }.map(\.value)
        return ([password].compactMap { $0 } + fromQuery).flatMap { [String($0), Self.decoded($0)] }
    }

    /// Percent-decoding as libpq does it; invalid escapes are kept as written.
    static func decoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let end = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
                let value = UInt8(String(decoding: utf8[utf8.index(after: index)..<end], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index = end
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
