import AssayTestSupport
import Foundation
import Testing

/// Every program the tests and scripts run is installed by `Scripts/setup`: a new machine has nothing that was
/// installed by hand, so a program used but not declared there fails here rather than on the next fresh clone.
@Suite struct SetupScriptTests {
    /// Programs every Debian 12 machine with Swift has: the essential set (coreutils, tar, gzip, util-linux,
    /// bsdutils, dpkg, findutils, grep, sed, diffutils, libc-bin), the shell's builtins, the Swift toolchain, and
    /// `assay` itself.
    static let base: Set<String> = [
        "awk", "base64", "basename", "bash", "cat", "cd", "chmod", "cmp", "command", "cp", "cut", "date", "dd",
        "diff", "dirname", "dpkg-query", "du", "echo", "env", "exec", "exit", "export", "false", "find", "grep",
        "gzip", "head", "id", "kill", "ln", "local", "ls", "mkdir", "mkfifo", "mktemp", "mv", "nproc", "printf",
        "pwd", "read", "rm", "script", "sed", "seq", "set", "setpriv", "sh", "sha256sum", "shift", "sleep", "sort",
        "stat", "swift", "tail", "tar", "tee", "test", "timeout", "touch", "tr", "trap", "true", "truncate",
        "uniq", "wait", "wc", "xargs", "sync", "od", "install", "iconv", "mapfile", "readonly", "source", "apt-get",
        "assay",
    ]

    /// The commands `Scripts/setup` declares with `need_command NAME PACKAGE`.
    static func declared() throws -> Set<String> {
        let setup = try String(contentsOfFile: Paths.packageRoot + "/Scripts/setup", encoding: .utf8)
        return Set(
            setup.split(separator: "\n").compactMap { line -> String? in
                let words = line.split(separator: " ")
                return words.count >= 3 && words[0] == "need_command" ? String(words[1]) : nil
            })
    }

    @Test func everyProgramTheTestsAndScriptsRunIsDeclared() throws {
        let declared = try Self.declared()
        var used: [String: Set<String>] = [:]  // program → files that run it
        for (file, programs) in try Self.programsInTests().merging(try Self.programsInScripts(), uniquingKeysWith: { $0.union($1) }) {
            for program in programs { used[program, default: []].insert(file) }
        }
        let missing = used.keys.filter { !Self.base.contains($0) && !declared.contains($0) }.sorted()
        let named = missing.map { "\($0) (\(used[$0, default: []].sorted().joined(separator: ", ")))" }
        #expect(missing.isEmpty, "run but not installed by Scripts/setup: \(named.joined(separator: "; "))")
        // The check itself sees what it must: programs the suite is known to run.
        #expect(["openssl", "sqlite3", "python3", "hashdeep", "bsdtar", "zip"].allSatisfy { used[$0] != nil })
        #expect(used["runuser"]?.contains("Scripts/lib/postgres-cluster.sh") == true, "sourced libraries are read")
    }

    /// A schema check that quietly skips when python3's jsonschema is missing proves nothing on a new machine:
    /// every check requires it (Scripts/setup installs it), so its absence fails.
    @Test func schemaChecksAreNeverSkipped() throws {
        let root = Paths.packageRoot + "/Tests"
        let skipping = try FileManager.default.subpathsOfDirectory(atPath: root).filter { file in
            guard file.hasSuffix(".swift"), file != "AssayEndToEndTests/SetupScriptTests.swift",
                let text = try? String(contentsOfFile: root + "/" + file, encoding: .utf8)
            else { return false }
            return text.contains("if SchemaValidator.isAvailable") || text.contains("guard SchemaValidator.isAvailable")
        }
        #expect(skipping.isEmpty, "schema checks that skip instead of failing: \(skipping.sorted())")
    }

    @Test func theShellParserFindsCommandsInEveryPosition() {
        #expect(
            Self.commands(inShell: "cd tree && hashdeep -r . > ../h.txt | gzip; X=1 zstd -c $(xz -d f) || ! bsdtar -t")
                == ["cd", "hashdeep", "gzip", "zstd", "xz", "bsdtar"])
        #expect(
            Self.commands(
                inShell: """
                    # a comment naming nothing
                    best() { local runs=$1; }
                    "$bin/assay" log verify  # a trailing comment
                    sqlite3 "$db" "SELECT x \\
                    FROM t"; best 3 echo
                    big=$((BIG_MIB << 20)) n=${N:-3}
                    case "$1" in
                        csv|x509) target=1 ;;
                    esac
                    for word in a b; do [[ -n "$word" ]] && pigz -c; done
                    """) == ["sqlite3", "pigz"])
    }

    /// Programs run by test files: absolute `/usr/bin/NAME` paths, `run("NAME", …)` helpers, `env NAME`
    /// arguments, and the commands of `sh -c` scripts.
    static func programsInTests() throws -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        let root = Paths.packageRoot + "/Tests"
        for file in try FileManager.default.subpathsOfDirectory(atPath: root) where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            var programs = Set<String>()
            for pattern in [
                #""/usr/(?:local/)?s?bin/([A-Za-z0-9_.+-]+)""#,
                #"(?:temp|ChildProcess)\.run\(\s*"([A-Za-z0-9_.+-]+)""#,
                #""/usr/bin/env"\)[\s\S]{0,300}?arguments = \["([A-Za-z][A-Za-z0-9_.+-]*)""#,
            ] {
                programs.formUnion(matches(of: pattern, in: text))
            }
            // Shell scripts: after `sh -c`, and any literal that reads as a command with options (tables of
            // commands run later through a variable).
            let scripts =
                matches(of: #""(?:sh|bash)",\s*"-c",\s*"((?:[^"\\]|\\.)*)""#, in: text)
                + matches(of: #""([a-z][a-z0-9_.+-]* --?[A-Za-z](?:[^"\\]|\\.)*)""#, in: text)
            for literal in scripts {
                // The Swift literal's interpolations are opaque; its escapes become what the shell sees.
                let script = replacing(#"\\\([^)]*\)"#, in: literal, with: "\u{1}")
                    .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\n", with: "\n")
                programs.formUnion(commands(inShell: script))
            }
            programs.remove("env")
            found["Tests/" + file] = programs
        }
        return found
    }

    /// Programs run by the shell scripts in `Scripts/` and by the libraries they source (`Scripts/lib/*.sh`), whose
    /// functions are not programs.
    static func programsInScripts() throws -> [String: Set<String>] {
        var texts: [String: String] = [:]
        let root = Paths.packageRoot + "/Scripts"
        // Scripts/setup itself is what installs; what it runs (dpkg-query, apt-get) is there before it.
        for file in try FileManager.default.contentsOfDirectory(atPath: root) where file != "setup" {
            let path = root + "/" + file
            guard FileManager.default.isExecutableFile(atPath: path),
                let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasPrefix("#!/usr/bin/env bash")
            else { continue }
            texts["Scripts/" + file] = withoutHereDocuments(text)
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: root + "/lib") where file.hasSuffix(".sh") {
            texts["Scripts/lib/" + file] = withoutHereDocuments(
                try String(contentsOfFile: root + "/lib/" + file, encoding: .utf8))
        }
        let libraryFunctions = texts.filter { $0.key.hasPrefix("Scripts/lib/") }.values.reduce(into: Set<String>()) {
            $0.formUnion(functions(inShell: $1))
        }
        return texts.mapValues { commands(inShell: $0).subtracting(libraryFunctions) }
    }

    /// The words in command position of a shell text: the first word of each simple command, after `&&`, `||`,
    /// `|`, `;`, `(`, `$(`, `!`, `then`, `do`, `else` and variable assignments. Comments, quoted strings,
    /// variables, paths, `for`/`case` heads, `[[ … ]]` tests and the script's own functions are skipped: they are
    /// not programs looked up on PATH.
    static func commands(inShell text: String) -> Set<String> {
        let keywords: Set<String> = [
            "if", "then", "else", "elif", "fi", "while", "until", "do", "done", "esac", "function", "!", "{", "}",
            "time", "return", "continue", "break",
        ]
        let code = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.drop { $0 == " " }.hasPrefix("#") }.joined(separator: "\n")
        // Quoted strings (which may span lines), ${…} expansions and arithmetic become one opaque character; then
        // trailing comments and case labels go.
        var opaque = replacing(#"(?s)'[^']*'|"(?:[^"\\]|\\.)*""#, in: code, with: "\u{1}")
        opaque = replacing(#"\$\{[^}]*\}|\$?\(\((?:[^()]|\([^()]*\))*\)\)"#, in: opaque, with: "\u{1}")
        opaque = replacing(#"(^|\s)#[^\n]*"#, in: opaque, with: "$1")
        let uncommented = replacing(#"(?m)^\s*[A-Za-z0-9_.|*-]+\)"#, in: opaque, with: "")
        let defined = functions(inShell: uncommented)
        var commands = Set<String>()
        var segment = uncommented
        for separator in ["&&", "||", "|", ";", "$(", "(", ")", "`"] {
            segment = segment.replacingOccurrences(of: separator, with: "\n")
        }
        for part in segment.split(separator: "\n") {
            var words = part.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            while let first = words.first, keywords.contains(first) || (first.contains("=") && !first.hasPrefix("-")) {
                words.removeFirst()
            }
            if let first = words.first, ["for", "case", "select", "[[", "[", "local", "export", "declare"].contains(first)
            {
                continue
            }
            guard let word = words.first, word.first?.isLetter == true,
                word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }),
                !defined.contains(word)
            else { continue }
            commands.insert(word)
        }
        return commands
    }

    /// The names of the functions a shell text defines (`name() {`).
    static func functions(inShell text: String) -> Set<String> {
        Set(matches(of: #"(?m)^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\(\)"#, in: text))
    }

    /// The text without the bodies of here-documents (`<<'EOF'` … `EOF`), which are data or another language.
    static func withoutHereDocuments(_ text: String) -> String {
        var kept: [Substring] = []
        var terminator: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let end = terminator {
                if line.trimmingCharacters(in: .whitespaces) == end { terminator = nil }
                continue
            }
            kept.append(line)
            if let marker = matches(of: #"<<-?\s*'?"?([A-Za-z_]+)"?'?"#, in: String(line)).first {
                terminator = marker
            }
        }
        return kept.joined(separator: "\n")
    }

    private static func replacing(_ pattern: String, in text: String, with template: String) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
        return expression.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    private static func matches(of pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
