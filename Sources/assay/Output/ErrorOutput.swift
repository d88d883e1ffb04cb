import Foundation

/// How a failure is written on stderr.
///
/// As text, one line per line of the message: `assay: error[CODE]: LINE`, or `assay: error: LINE` when the failure
/// has no stable code; a usage error's usage text follows as is. When the command was asked for `--format json`,
/// one line of JSON instead, following `Schemas/error.schema.json`:
/// `{"error":{"code":"store.unknown-vendor","exitCode":2,"lines":[…],"message":"…"}}`.
enum ErrorOutput {
    /// The JSON error object.
    struct Document: Encodable {
        struct Body: Encodable {
            let code: String?
            let message: String
            let lines: [String]
            let usage: String?
            let exitCode: Int32

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(code, forKey: .code)  // null, rather than absent, when there is none
                try container.encode(message, forKey: .message)
                try container.encode(lines, forKey: .lines)
                try container.encodeIfPresent(usage, forKey: .usage)
                try container.encode(exitCode, forKey: .exitCode)
            }

            enum CodingKeys: String, CodingKey {
                case code, message, lines, usage, exitCode
            }
        }

        let error: Body
    }

    /// The text form: a prefixed line per message line (control characters escaped), then any usage text.
    static func text(_ failure: CommandFailure) -> String {
        let prefix = "assay: error" + (failure.code.map { "[\($0)]" } ?? "") + ": "
        let lines = failure.lines.map { prefix + TerminalText.line($0) + "\n" }.joined()
        return lines + (failure.usage.map { TerminalText.lines($0) + "\n" } ?? "")
    }

    /// The JSON form: one line holding the error object.
    static func json(_ failure: CommandFailure) -> String {
        let document = Document(
            error: .init(
                code: failure.code, message: failure.message, lines: failure.lines, usage: failure.usage,
                exitCode: failure.exitCode))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and numbers cannot fail; should it ever, the text form still says what went wrong.
        guard let data = try? encoder.encode(document) else { return text(failure) }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Prints the failure on stderr, as JSON when `json` is set, and exits with its code.
    static func report(_ failure: CommandFailure, json: Bool) -> Never {
        FileHandle.standardError.write(Data((json ? Self.json(failure) : text(failure)).utf8))
        exit(failure.exitCode)
    }
}
