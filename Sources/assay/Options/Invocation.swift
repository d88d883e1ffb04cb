import ArgumentParser

/// The command line as it is parsed: the global options given before the subcommand moved after it, so that
/// `assay --db X vendor list` means `assay vendor list --db X`.
///
/// The global options are `--db`, `--actor`, `--verbose`/`-v` (``StoreOptions``) and `--format`: every command
/// that takes one accepts it before its subcommand path as well as after it. One given where the command has no
/// such option is refused as a usage error, as it would be after the subcommand.
struct Invocation {
    /// Global options that take a value.
    static let valuedOptions: Set<String> = ["--db", "--actor", "--format"]
    /// Global flags.
    static let flags: Set<String> = ["--verbose", "-v"]

    /// The arguments to parse.
    let arguments: [String]

    /// Whether the command was asked for `--format json`, so that a failure is reported as JSON too.
    var wantsJSON: Bool {
        let options = arguments.prefix { $0 != "--" }
        return options.contains("--format=json")
            || zip(options, options.dropFirst()).contains { $0 == "--format" && $1 == "json" }
    }

    /// Moves the global options found before and between the subcommand names of `root` after the last of them.
    init(_ arguments: some Collection<String>, root: any ParsableCommand.Type) {
        let arguments = Array(arguments)
        var command = root
        var path: [String] = []
        var globals: [String] = []
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            if Self.flags.contains(token) || Self.valuedOptions.contains(where: { token.hasPrefix($0 + "=") }) {
                globals.append(token)
                index += 1
            } else if Self.valuedOptions.contains(token), index + 1 < arguments.count {
                globals += [token, arguments[index + 1]]
                index += 2
            } else if let subcommand = command.configuration.subcommands.first(where: { Self.names($0).contains(token) }
            ) {
                path.append(token)
                command = subcommand
                index += 1
            } else {
                break
            }
        }
        self.arguments = path + globals + arguments[index...]
    }

    /// The names a subcommand is called by (every command of ours sets its `commandName`).
    private static func names(_ command: any ParsableCommand.Type) -> [String] {
        [command.configuration.commandName].compactMap { $0 } + command.configuration.aliases
    }
}
