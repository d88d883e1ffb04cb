/// Renders a report as a standalone HTML5 page; every piece of data is escaped.
public enum HTMLRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(document.title))</title>
            <style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}dt{font-weight:bold}</style>
            </head>
            <body>
            <h1>\(escape(document.title))</h1>

            """
        out += "<dl>\n"
        out += document.facts.map { "<dt>\(escape($0.label))</dt><dd>\(escape($0.value))</dd>\n" }.joined()
        out += "</dl>\n"
        for section in document.sections {
            out += "<h2>\(escape(section.heading))</h2>\n"
            if section.items.isEmpty {
                out += "<p><em>\(escape(section.whenEmpty))</em></p>\n"
            } else {
                out += "<ul>\n" + section.items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
            }
        }
        return out + "</body>\n</html>\n"
    }

    /// Escapes the five characters with meaning in HTML text and attributes.
    static func escape(_ text: String) -> String {
        // Most text has none of them: one pass over the bytes finds out, before any character is built.
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
            return text
        }
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
