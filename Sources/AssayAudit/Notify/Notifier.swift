import AssayCrypto
import Foundation

/// Sends an audit summary to channels, retrying each with back-off; a channel that fails never stops the others.
public struct Notifier: Sendable {
    /// Seconds to wait before each retry: `[0.5, 1]` tries three times.
    public var retryDelays: [Double]

    /// The header carrying `sha256=HEX`, the HMAC-SHA256 of the body under the channel's secret.
    public static let signatureHeader = "X-Assay-Signature-256"

    public init(retryDelays: [Double] = [0.5, 1]) {
        self.retryDelays = retryDelays
    }

    /// How sending to one channel ended.
    public struct Outcome: Sendable {
        public var channel: String
        /// Tries made, the first included.
        public var attempts: Int
        /// The last try's error; `nil` when the channel took the summary.
        public var error: NotifyError?
    }

    /// Sends `notification` to every channel, with the Markdown report named `reportName`.
    public func send(
        _ notification: AuditNotification, markdown: String, reportName: String, to channels: [NotifyChannel]
    ) -> [Outcome] {
        channels.map { channel in
            var attempts = 0
            var lastError: NotifyError?
            for delay in [0] + retryDelays {
                if attempts > 0 { Thread.sleep(forTimeInterval: delay) }
                attempts += 1
                do throws(NotifyError) {
                    try deliver(notification, markdown: markdown, reportName: reportName, to: channel)
                    return Outcome(channel: channel.name, attempts: attempts, error: nil)
                } catch {
                    lastError = error
                    // A secret that cannot be read will not appear by waiting.
                    if case .secret = error { break }
                }
            }
            return Outcome(channel: channel.name, attempts: attempts, error: lastError)
        }
    }

    private func deliver(
        _ notification: AuditNotification, markdown: String, reportName: String, to channel: NotifyChannel
    ) throws(NotifyError) {
        switch channel.destination {
        case .email(let email):
            let message = EmailMessage(
                from: email.from, to: email.to, subject: notification.headline, summary: notification.text,
                report: (reportName, markdown), placement: email.report)
            let login = try email.username.map { user throws(NotifyError) in
                (user, try email.password?.reveal(for: channel.name) ?? "")
            }
            let transfer = try CurlTransfer(
                channel: channel.name, url: email.url, protocols: "smtp,smtps", caFile: channel.caFile)
            try transfer.sendMail(message.bytes(), from: email.from, to: email.to, login: login)
        case .webhook(let webhook):
            let body = try Self.body(notification, as: webhook.body, channel: channel.name)
            // "Expect:" turns off curl's wait for a 100-continue that small bodies do not need.
            var headers = [
                "Content-Type: application/json", "User-Agent: assay", "X-Assay-Event: \(notification.event)",
                "Expect:",
            ]
            if let secret = webhook.secret {
                let key = Array(try secret.reveal(for: channel.name).utf8)
                do {
                    headers.append("\(Self.signatureHeader): sha256=" + (try HMACSHA256.hex(key: key, message: body)))
                } catch {
                    throw .transfer(channel: channel.name, reason: "cannot sign the body: \(error)")
                }
            }
            let transfer = try CurlTransfer(
                channel: channel.name, url: webhook.url, protocols: "https", caFile: channel.caFile)
            let status = try transfer.post(body, headers: headers)
            guard (200..<300).contains(status) else { throw .httpStatus(channel: channel.name, status: status) }
        }
    }

    /// The webhook body: the summary as JSON, or `{"text": …}` for Slack and Teams.
    static func body(_ notification: AuditNotification, as format: WebhookDestination.Body, channel: String)
        throws(NotifyError) -> [UInt8]
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            switch format {
            case .json: return Array(try encoder.encode(notification))
            case .text: return Array(try encoder.encode(["text": notification.text]))
            }
        } catch {
            throw .transfer(channel: channel, reason: "cannot encode the body: \(error)")
        }
    }
}
