import Foundation

/// An RFC 5322 message with MIME parts: the summary as text, and the Markdown report attached or after it.
struct EmailMessage {
    var from: String
    var to: [String]
    var subject: String
    var summary: String
    var report: (name: String, markdown: String)
    var placement: EmailDestination.ReportPlacement

    /// The message's bytes, CRLF line ends, every part base64 so that no line is too long for SMTP.
    func bytes(date: Date = Date(), boundary: String = "assay-" + UUID().uuidString) -> [UInt8] {
        var lines = [
            "From: <\(from)>",
            "To: " + to.map { "<\($0)>" }.joined(separator: ", "),
            "Subject: \(Self.header(subject))",
            "Date: \(Self.dateFormatter.string(from: date))",
            "Message-ID: <\(UUID().uuidString)@assay>",
            "MIME-Version: 1.0",
        ]
        switch placement {
        case .inline:
            lines += Self.part(type: "text/plain", text: summary + "\n" + report.markdown)
        case .attach:
            lines += ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", "--\(boundary)"]
            lines += Self.part(type: "text/plain", text: summary)
            lines += ["--\(boundary)"]
            lines += Self.part(
                type: "text/markdown", text: report.markdown,
                disposition: "attachment; filename=\"\(report.name)\"")
            lines += ["--\(boundary)--"]
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    private static func part(type: String, text: String, disposition: String? = nil) -> [String] {
        var lines = ["Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64"]
        if let disposition { lines.append("Content-Disposition: \(disposition)") }
        lines.append("")
        lines.append(
            Data(text.utf8).base64EncodedString(options: [
                .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
            ]))
        return lines
    }

    /// A header value as is when it is ASCII, else RFC 2047 encoded.
    private static func header(_ text: String) -> String {
        text.allSatisfy(\.isASCII) ? text : "=?utf-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    private static let dateFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter
    }()
}
