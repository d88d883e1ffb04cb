import Foundation

/// A place audit summaries are sent to, declared under `notifications` in the policy file.
public struct NotifyChannel: Sendable, Equatable {
    /// The name `--notify NAME` selects.
    public var name: String
    /// Where and how the summary goes.
    public var destination: Destination
    /// A PEM file of the certificate authorities to trust for this channel instead of the system's.
    public var caFile: String?

    /// The kinds of channel.
    public enum Destination: Sendable, Equatable {
        case email(EmailDestination)
        case webhook(WebhookDestination)
    }

    public init(name: String, destination: Destination, caFile: String? = nil) {
        self.name = name
        self.destination = destination
        self.caFile = caFile
    }
}

/// E-mail over SMTP: `smtp://HOST:PORT` upgrades with STARTTLS (required), `smtps://HOST:PORT` is TLS from the start.
public struct EmailDestination: Sendable, Equatable {
    public var url: String
    public var from: String
    public var to: [String]
    /// The SMTP login, when the server asks for one; its password comes from `password`.
    public var username: String?
    public var password: Secret?
    /// Whether the Markdown report is attached or written into the message after the summary.
    public var report: ReportPlacement

    /// Where the Markdown report goes in the message.
    public enum ReportPlacement: String, Sendable, Equatable, CaseIterable {
        case attach, inline
    }

    public init(
        url: String, from: String, to: [String], username: String?, password: Secret?, report: ReportPlacement
    ) {
        self.url = url
        self.from = from
        self.to = to
        self.username = username
        self.password = password
        self.report = report
    }
}

/// An HTTPS POST of the summary: the JSON body of `Schemas/notification.schema.json`, or `{"text": …}` as Slack
/// and Microsoft Teams incoming webhooks take it; signed with HMAC-SHA256 when a secret is given.
public struct WebhookDestination: Sendable, Equatable {
    public var url: String
    public var body: Body
    /// The key of the `X-Assay-Signature-256` header; required for the JSON body.
    public var secret: Secret?

    /// The body's shape.
    public enum Body: String, Sendable, Equatable, CaseIterable {
        case json, text
    }

    public init(url: String, body: Body, secret: Secret?) {
        self.url = url
        self.body = body
        self.secret = secret
    }
}

/// A password or key kept out of the policy file: read, when needed, from a file or an environment variable.
public enum Secret: Sendable, Equatable {
    case file(String)
    case environment(String)

    /// The secret's text, without a final newline; `channel` names it in errors, which never show the value.
    public func reveal(for channel: String) throws(NotifyError) -> String {
        switch self {
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .secret(channel: channel, reason: "cannot read the secret file \(path)")
            }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        case .environment(let name):
            guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
                throw .secret(channel: channel, reason: "the environment variable \(name) is not set")
            }
            return value
        }
    }
}
