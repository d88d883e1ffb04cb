internal import CLibPQ

/// A libpq connection string: a URI (`postgresql://…` or `postgres://…`) or key/value pairs (`host=/run/db
/// dbname=assay`), as given to `--db` or `$ASSAY_DB`.
///
/// The text is passed to libpq as it is; what users and logs see is ``redacted``, which never holds a password
/// (passwords belong in `PGPASSFILE` or `~/.pgpass`, which libpq reads itself). `description` is the redacted form,
/// so a connection string interpolated into a message by mistake does not leak one either.
public struct ConnectionString: Sendable, Equatable, CustomStringConvertible {
    /// The text as given, with any password in it: for libpq, and for files that name the store when it holds no
    /// password (`redacted == text`); never to print.
    public let text: String

    /// A connection string, or `nil` when `text` is not one: a URI with the `postgresql` or `postgres` scheme, or
    /// a key/value string (it contains `=` after a keyword, as in `dbname=assay`). Anything else, `/data/a=b.db`
    /// included, is a file path.
    public init?(_ text: String) {
        guard Self.isURI(text) || Self.isKeyValue(text) else { return nil }
        self.text = text
    }

    /// Whether the text starts with `keyword=` (spaces allowed around the `=`), the keyword made of letters,
    /// digits and underscores.
    private static func isKeyValue(_ text: String) -> Bool {
        guard let equals = text.firstIndex(of: "=") else { return false }
        let keyword = text[..<equals].drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }
        return !keyword.isEmpty && keyword.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    public var description: String { redacted }

    /// The connection string with the password replaced by `***`: the userinfo password and a `password`
    /// parameter of a URI, or the `password` value of a key/value string.
    public var redacted: String {
        guard let parsed = form else { return Self.canonical(text) ?? "(an unreadable PostgreSQL connection string)" }
        // A password libpq reads in a way this parser did not (an unusual escape) must not slip through.
        if let password = Self.parsedOption("password", in: text), !password.isEmpty,
            parsed.redacted.contains(password)
        {
            return Self.canonical(text) ?? "(a PostgreSQL connection string)"
        }
        return parsed.redacted
    }

    /// Every spelling of the password in the text (as written and as libpq reads it), for scrubbing messages.
    var secrets: [String] {
        let all = (form?.secrets ?? []) + [Self.parsedOption("password", in: text)].compactMap { $0 }
        return all.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// `message` with every spelling of the password and the raw connection string replaced.
    func scrub(_ message: String) -> String {
        var scrubbed = message.replacingAll(text, with: redacted)
        for secret in secrets { scrubbed = scrubbed.replacingAll(secret, with: "***") }
        return scrubbed
    }

    /// The string read as a URI or as key/value pairs, `nil` when it cannot be.
    private var form: (any ConnectionStringForm)? {
        Self.isURI(text) ? URIForm(text) : KeyValueForm(text)
    }

    static func isURI(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// One option's value as libpq parses the string, `nil` when it does not parse or the option is absent.
    private static func parsedOption(_ name: String, in text: String) -> String? {
        options(text)?.first { $0.keyword == name }?.value
    }

    /// The options libpq reads from the string, password left out, as `keyword=value` pairs.
    private static func canonical(_ text: String) -> String? {
        options(text).map { options in
            options.filter { $0.keyword != "password" }.map { "\($0.keyword)=\(KeyValueForm.quoted($0.value))" }
                .joined(separator: " ")
        }
    }

    private static func options(_ text: String) -> [(keyword: String, value: String)]? {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(text, &error) else {
            if let error { PQfreemem(error) }
            return nil
        }
        defer { PQconninfoFree(options) }
        var found: [(keyword: String, value: String)] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { found.append((String(cString: keyword), String(cString: value))) }
            option += 1
        }
        return found
    }
}

extension String {
    /// The string with every occurrence of `target` (when not empty) replaced.
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
