/// Renders a report as CommonMark, escaping every character that Markdown would read as markup.
public enum MarkdownRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var out = "# " + escape(document.title) + "\n\n"
        out += document.facts.map { "- **\(escape($0.label)):** \(escape($0.value))\n" }.joined()
        for section in document.sections {
            out += "\n## " + escape(section.heading) + "\n\n"
            out +=
                section.items.isEmpty
                ? "_\(escape(section.whenEmpty))_\n"
                : section.items.map { "- " + escape($0) + "\n" }.joined()
        }
        return out
    }

    /// Backslash-escapes Markdown punctuation and HTML's `<`, `>` and `&`.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "<", ">", "&":
                out += "\\" + String(character)
            case "\n":
                out += " "
            default:
                out.append(character)
            }
        }
        return out
    }
}
