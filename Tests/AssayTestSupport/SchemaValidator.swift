import Foundation

/// Validates JSON text against a schema in `Schemas/` with Python's `jsonschema` (Draft 2020-12),
/// resolving references between the schema files by their `$id`.
public enum SchemaValidator {
    /// True when `python3` with `jsonschema` is available to validate with (`Scripts/setup` installs it).
    public static let isAvailable: Bool = {
        (try? run(["-c", "import jsonschema"], stdin: Data()))?.status == 0
    }()

    /// `nil` when `json` is valid against `schema`; otherwise the validator's messages.
    public static func problems(in json: String, schema: String) throws -> String? {
        let script = """
            import json, sys, pathlib
            from jsonschema import Draft202012Validator
            folder = pathlib.Path(sys.argv[1])
            documents = {}
            for path in folder.glob('*.schema.json'):
                doc = json.loads(path.read_text())
                documents[doc['$id']] = doc
            schema = json.loads((folder / sys.argv[2]).read_text())
            checker = Draft202012Validator.FORMAT_CHECKER
            try:
                from referencing import Registry, Resource
                registry = Registry().with_resources([(i, Resource.from_contents(d)) for i, d in documents.items()])
                validator = Draft202012Validator(schema, registry=registry, format_checker=checker)
            except ImportError:  # jsonschema before 4.18 (Debian 12's python3-jsonschema)
                from jsonschema import RefResolver
                resolver = RefResolver.from_schema(schema, store=documents)
                validator = Draft202012Validator(schema, resolver=resolver, format_checker=checker)
            errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(json.load(sys.stdin))]
            print("\\n".join(errors))
            sys.exit(1 if errors else 0)
            """
        let result = try run(["-c", script, Paths.packageRoot + "/Schemas", schema], stdin: Data(json.utf8))
        return result.status == 0 ? nil : result.output
    }

    private static func run(_ arguments: [String], stdin: Data) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
