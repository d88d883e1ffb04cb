import ArgumentParser

/// How results are written to stdout.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people.
    case table
    /// JSON following the schemas in `Schemas/`.
    case json
    /// RFC 4180 CSV with a header row.
    case csv
}

/// The `--format` option of list and show commands.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table
}
