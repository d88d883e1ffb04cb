/// Renders a report as plain text for a terminal: underlined headings and indented items.
public enum TextRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var out = document.title + "\n" + String(repeating: "=", count: document.title.count) + "\n"
        let width = document.facts.map(\.label.count).max() ?? 0
        for fact in document.facts {
            out +=
                (fact.label + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0) + " " + fact.value + "\n"
        }
        for section in document.sections {
            out += "\n" + section.heading + "\n" + String(repeating: "-", count: section.heading.count) + "\n"
            let items = section.items.isEmpty ? [section.whenEmpty] : section.items
            out += items.map { "  " + $0 + "\n" }.joined()
        }
        return out
    }
}
