/// The 1-based line on which each element of a top-level JSON array starts, so that errors about an element
/// can name its line. Assumes the text is valid JSON (parse it first); returns `nil` when it is not an array.
public enum JSONElementLines {
    public static func lines(in text: String) -> [Int]? {
        var lines: [Int] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        var expectingElement = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    inString = false
                }
                continue
            }
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
            if depth == 0 {
                guard scalar == "[", lines.isEmpty else { return nil }
                depth = 1
                expectingElement = true
                continue
            }
            if depth == 1 && expectingElement && scalar != "]" {
                lines.append(line)
                expectingElement = false
            }
            switch scalar {
            case "\"": inString = true
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            case "," where depth == 1: expectingElement = true
            default: break
            }
        }
        return lines
    }
}
