/// A report as plain-text parts, before it is rendered as text, Markdown or HTML.
///
/// Everything in it is data: renderers escape it for their format, so a vendor named `<script>` stays text.
public struct ReportDocument: Sendable, Equatable {
    public var title: String
    /// `label: value` lines under the title.
    public var facts: [ReportFact]
    public var sections: [ReportSection]

    public init(title: String, facts: [ReportFact], sections: [ReportSection]) {
        self.title = title
        self.facts = facts
        self.sections = sections
    }
}

/// One `label: value` line.
public struct ReportFact: Sendable, Equatable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// A headed list of one-line items, with the sentence to show when it has none.
public struct ReportSection: Sendable, Equatable {
    public var heading: String
    public var items: [String]
    public var whenEmpty: String

    public init(heading: String, items: [String], whenEmpty: String) {
        self.heading = heading
        self.items = items
        self.whenEmpty = whenEmpty
    }
}
